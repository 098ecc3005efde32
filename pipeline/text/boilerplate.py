"""Paragraphs that are not article text: bylines, "Read also" links, subscription pleas, trailers.

The openings live in ``data/boilerplate.txt`` so an editor can extend them without code.
Only short paragraphs qualify, so prose that happens to begin "Subscribe…" survives.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pipeline.text.lexicon import read_lines

MAX_BOILERPLATE_CHARS = 300
_BYLINE = re.compile(r"By\s+(?P<name>[A-Z][^\n]{1,70})")
_NAME_CONNECTORS = frozenset({"and", "de", "la", "van", "von", "der", "da", "al", "bin", "in", "for", "of"})


@dataclass(frozen=True, slots=True)
class Rule:
    """One opening that marks a paragraph as boilerplate."""

    tail_only: bool
    kind: str
    opening: str


@cache
def rules() -> tuple[Rule, ...]:
    """The rules of ``data/boilerplate.txt``."""
    out = []
    for line in read_lines("boilerplate.txt"):
        where, kind, opening = line.split("|", 2)
        out.append(Rule(where == "tail", kind, opening.casefold()))
    return tuple(out)


def boilerplate_kind(paragraph: str, in_tail: bool) -> str | None:
    """The kind of boilerplate ``paragraph`` is, or ``None`` if it is article text."""
    if len(paragraph) > MAX_BOILERPLATE_CHARS:
        return None
    folded = paragraph.casefold()
    for rule in rules():
        if (in_tail or not rule.tail_only) and folded.startswith(rule.opening):
            return rule.kind
    return None


def byline_name(paragraph: str) -> str | None:
    """The author named by a byline paragraph ("By Jane Doe and John Roe"), else ``None``."""
    m = _BYLINE.fullmatch(paragraph)
    if m is None:
        return None
    name = m.group("name").rstrip(" .")
    words = name.replace(",", " ").split()
    if all(w[0].isupper() or w in _NAME_CONNECTORS for w in words):
        return name
    return None

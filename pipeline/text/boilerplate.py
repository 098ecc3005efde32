"""Paragraphs that are not article text: bylines, "Read also" links, subscription pleas, trailers.

The openings live in ``data/boilerplate.txt`` so an editor can extend them without code.
Only short paragraphs qualify, so prose that happens to begin "Subscribe…" survives.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pipeline.lexicon import load_lexicon, read_lines
from pipeline.text import DATA_DIR

MAX_BOILERPLATE_CHARS = 300
_BYLINE = re.compile(r"By\s+(?P<name>[A-Z][^\n]{1,70})")


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
    for line in read_lines(DATA_DIR / "boilerplate.txt"):
        where, kind, opening = line.split("|", 2)
        out.append(Rule(where == "tail", kind, opening.casefold()))
    return tuple(out)


@cache
def _openings() -> tuple[re.Pattern[str], dict[str, Rule]]:
    """One case-insensitive pattern of every opening, and the rule of each (casefolded) opening."""
    by_opening = {r.opening: r for r in rules()}
    alternatives = "|".join(re.escape(o) for o in sorted(by_opening, key=len, reverse=True))
    return re.compile(alternatives, re.IGNORECASE), by_opening


def boilerplate_kind(paragraph: str, in_tail: bool) -> str | None:
    """The kind of boilerplate ``paragraph`` is, or ``None`` if it is article text."""
    if len(paragraph) > MAX_BOILERPLATE_CHARS:
        return None
    pattern, by_opening = _openings()
    m = pattern.match(paragraph)
    rule = by_opening.get(m.group().casefold()) if m else None
    return rule.kind if rule is not None and (in_tail or not rule.tail_only) else None


def byline_name(paragraph: str) -> str | None:
    """The author named by a byline paragraph ("By Jane Doe and John Roe"), else ``None``."""
    m = _BYLINE.fullmatch(paragraph)
    if m is None:
        return None
    name = m.group("name").rstrip(" .")
    words = name.replace(",", " ").split()
    connectors = load_lexicon().connectors["byline"]
    if all(w[0].isupper() or w in connectors for w in words):
        return name
    return None

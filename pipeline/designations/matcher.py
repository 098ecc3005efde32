"""Find registry aliases in text: a token-tuple index, compiled once, two dict probes per word.

Leftmost-longest matching over folded tokens (see :mod:`text`). Aliases that are
also common words or acronyms ("IS", "IG", "Memorial") are kept only with a
context cue nearby or an overlapping NER entity (data/context.yaml).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

from pipeline.registry.model import Alias
from pipeline.designations.notices import DATA_DIR
from pipeline.registry.registry import Registry
from pipeline.designations.text import Token, tokens

_WORD = re.compile(r"[^\W_]+")
_SENTENCE_END = re.compile(r"[.!?]\s+(?=[\"“‘'A-Z])|\n\s*\n")
_PLACES = frozenset({"LOC", "GPE", "FAC"})


@dataclass(frozen=True, slots=True)
class Hit:
    """One alias occurrence: offsets into the text."""

    org_id: str
    start: int
    end: int
    text: str
    alias: str


@dataclass(frozen=True, slots=True)
class _Pattern:
    keys: tuple[str, ...]
    org_id: str
    alias: Alias
    words: tuple[str, ...]  # the alias as written, for case-sensitive aliases


class AliasMatcher:
    """Every English alias of a registry, ready to scan text."""

    def __init__(self, registry: Registry, context_path: Path = DATA_DIR / "context.yaml") -> None:
        # single-word aliases by their word, longer ones by their first two words
        self._index: dict[str | tuple[str, str], list[_Pattern]] = {}
        seen: set[tuple[str, ...]] = set()
        # curated organisations first: their reading of a shared alias wins
        for org in sorted(registry, key=lambda o: not o.curated):
            for alias in org.aliases:
                if alias.lang != "en":
                    continue
                keys = tuple(t.key for t in tokens(alias.text))
                if not keys or keys in seen:
                    continue
                seen.add(keys)
                words = tuple(_strip_possessive(w) for w in _WORD.findall(alias.text))
                head = keys[0] if len(keys) == 1 else keys[:2]
                self._index.setdefault(head, []).append(_Pattern(keys, org.id, alias, words))
        for patterns in self._index.values():
            patterns.sort(key=lambda p: -len(p.keys))
        ctx = yaml.safe_load(context_path.read_text("utf-8"))
        self._window: int = ctx["window"]
        self._labels = set(ctx["entity_labels"])
        self._cue = re.compile(r"\b(?:" + "|".join(ctx["cues"]) + r")\b", re.I)
        self._veto = re.compile("|".join(ctx["veto"]))

    def __len__(self) -> int:
        return sum(len(p) for p in self._index.values())

    def find(self, text: str, entity_spans: Iterable[tuple[int, int, str]] = (),
             context_free: bool = False) -> list[Hit]:
        """Alias occurrences in ``text``; ``entity_spans`` are NER (start, end, label)."""
        toks = tokens(text)
        keys = [t.key for t in toks]
        entity_spans = list(entity_spans)
        spans = [(s, e) for s, e, label in entity_spans if label in self._labels]
        places = [(s, e) for s, e, label in entity_spans if label in _PLACES]
        hits: list[Hit] = []
        i = 0
        while i < len(toks):
            pattern = self._longest(text, toks, keys, i)
            if pattern is None:
                i += 1
                continue
            n = len(pattern.keys)
            start, end = toks[i].start, toks[i + n - 1].end
            if _lowercased(pattern.alias.text, text[start:end]) and not context_free:
                i += 1  # "the right sector of the stand": names are capitalised in English copy
                continue
            if (not pattern.alias.needs_context or context_free
                    or self._in_context(text, toks, i, n, spans, places)):
                end = end - 2 if text[end - 2:end] in ("'s", "’s") else end
                hits.append(Hit(pattern.org_id, start, end, text[start:end], pattern.alias.text))
                i += n
            else:
                i += 1
        return hits

    def _longest(self, text: str, toks: list[Token], keys: list[str], i: int) -> _Pattern | None:
        candidates = self._index.get(tuple(keys[i:i + 2]), [])
        for pattern in [*candidates, *self._index.get(keys[i], ())]:
            n = len(pattern.keys)
            if n > 2 and tuple(keys[i:i + n]) != pattern.keys:
                continue
            if pattern.alias.case_sensitive and not _written_as(text, toks[i:i + n], pattern.words):
                continue
            return pattern
        return None

    def _in_context(self, text: str, toks: list[Token], i: int, n: int, spans: list[tuple[int, int]],
                    places: list[tuple[int, int]]) -> bool:
        start, end = toks[i].start, toks[i + n - 1].end
        if any(s <= start and end <= e for s, e in places):
            return False  # inside a place name: "the Azov coast"
        if self._veto.search(text, max(0, start - 30), min(len(text), end + 30)):
            return False
        after = toks[i + n] if i + n < len(toks) else None
        if after and text[after.start].isupper() and text[end:after.start].strip() == "":
            return False  # part of a longer proper name: "IG Metall", "IS Department"
        if any(s < end and start < e for s, e in spans):
            return True
        lo, hi = _sentence(text, start, end)
        lo, hi = max(lo, start - self._window), min(hi, end + self._window)
        return bool(self._cue.search(text[lo:start]) or self._cue.search(text[end:hi]))


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """Bounds of the sentence around ``start:end``: context cues do not cross sentences."""
    lo = max((m.end() for m in _SENTENCE_END.finditer(text, max(0, start - 400), start)), default=0)
    after = _SENTENCE_END.search(text, end)
    return lo, after.start() + 1 if after else len(text)


def _lowercased(alias: str, found: str) -> bool:
    """A capitalised alias written all in lower case: a common phrase, not the name."""
    return any(c.isupper() for c in alias) and not any(c.isupper() for c in found)


def _strip_possessive(word: str) -> str:
    return word[:-2] if word[-2:] in ("'s", "’s") else word


def _written_as(text: str, toks: list[Token], words: tuple[str, ...]) -> bool:
    """The matched words are spelt exactly as the alias (case included)."""
    found = tuple(_strip_possessive(w) for t in toks for w in _WORD.findall(text[t.start:t.end]))
    return found == words

"""Fuzzy alias matching for spellings the exact matcher and the transliteration table miss.

"Al-Kaeda", "Jamat-e-Islami", "Jehova's Witnesses": transliteration and typing noise
that no table lists in advance. Only candidate spans are compared (capitalised runs
and NER entities the exact pass left alone), so common words never reach the
scorer; acronyms and context-only aliases are never matched fuzzily. The threshold
was measured on the gold set (tests/gold/designations/README.md): a false positive
costs more than a miss.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

from rapidfuzz import fuzz, process

from pipeline.aliases.index import Hit, Pattern
from pipeline.aliases.text import Token, without_possessive
from pipeline.lexicon import load_lexicon

THRESHOLD = 88.0
MIN_KEY = 6          # shorter folded keys are too easy to hit by accident
MIN_SINGLE_WORD = 8  # a one-word candidate must be at least this long
MAX_WORDS = 6
SCORE_CACHE = 50_000  # candidate keys whose verdict is remembered (a few MB)
# lowercase words allowed inside a capitalised run ("Hizb ut-Tahrir", "Front for the ...")
_CONNECTORS = load_lexicon().connectors["designation"]
_JOINERS = frozenset(" -–—'’\u00a0")
_LABELS = frozenset({"ORG", "NORP", "PERSON", "GPE", "FAC"})


@dataclass(frozen=True, slots=True)
class _Choice:
    org_id: str
    alias: str


class FuzzyMatcher:
    """Registry aliases as folded keys, bucketed by length for a cheap shortlist."""

    def __init__(self, patterns: Iterable[Pattern], threshold: float = THRESHOLD) -> None:
        self.threshold = threshold
        self._by_key: dict[str, _Choice] = {}
        for pattern in patterns:  # in index order: the alias that claimed a key keeps it
            org = pattern.org
            if org is None or org.written is not None or org.needs_context or org.strict:
                continue
            if len(pattern.full) >= MIN_KEY:
                self._by_key.setdefault(pattern.full, _Choice(org.id, org.alias))
        self._by_length: dict[int, list[str]] = {}
        for key in self._by_key:
            self._by_length.setdefault(len(key), []).append(key)
        self._shortlists: dict[int, list[str]] = {}
        # Wire copy names the same people and places over and over: remember verdicts per key.
        self._best = lru_cache(maxsize=SCORE_CACHE)(self._score)

    def find(self, text: str, toks: list[Token], exact: Iterable[Hit],
             entity_spans: Iterable[tuple[int, int, str]] = ()) -> list[Hit]:
        """Fuzzy hits in candidate spans that overlap no exact hit, best first, non-overlapping."""
        taken = _Intervals((h.start, h.end) for h in exact)
        found: list[tuple[float, Hit]] = []
        for window in _windows(text, toks, entity_spans):
            start, end = window[0].start, window[-1].end
            if taken.overlaps(start, end):
                continue
            key = " ".join(t.key for t in window)
            if len(key) < MIN_KEY or (len(window) == 1 and len(key) < MIN_SINGLE_WORD):
                continue
            best = self._best(key)
            if best is not None:
                choice, score = best
                end = without_possessive(text, end)
                found.append((score, Hit(choice.org_id, start, end, text[start:end], choice.alias)))
        hits: list[Hit] = []
        for _, hit in sorted(found, key=lambda f: (-f[0], f[1].start - f[1].end)):
            if not any(h.start < hit.end and hit.start < h.end for h in hits):
                hits.append(hit)
        return hits

    def _score(self, key: str) -> tuple[_Choice, float] | None:
        """The best registry alias for ``key`` above the threshold, if it is not an exact key."""
        best = process.extractOne(key, self._shortlist(len(key)), scorer=fuzz.ratio, score_cutoff=self.threshold)
        if best is None or best[1] >= 100:  # an exact key the exact pass rejected (case, context): keep its verdict
            return None
        return self._by_key[best[0]], best[1]

    def _shortlist(self, n: int) -> list[str]:
        """Registry keys whose length lets them score above the threshold against a key of length ``n``."""
        shortlist = self._shortlists.get(n)
        if shortlist is None:
            lengths = range(int(n * 0.8), int(n * 1.25) + 1)
            shortlist = self._shortlists[n] = [k for length in lengths for k in self._by_length.get(length, ())]
        return shortlist


class _Intervals:
    """Character spans, queried for overlap in logarithmic time (an article has hundreds of windows)."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [start for start, _ in ordered]
        self._max_end = list(accumulate((end for _, end in ordered), max))

    def overlaps(self, start: int, end: int) -> bool:
        """Whether any span overlaps [start, end): among spans starting before ``end``, one ends after ``start``."""
        before = bisect_left(self._starts, end)
        return before > 0 and self._max_end[before - 1] > start


def _capitalised(text: str, tok: Token) -> bool:
    return text[tok.start].isupper()


def _runs(text: str, toks: list[Token]) -> Iterator[list[Token]]:
    """Maximal runs of capitalised words joined by spaces or dashes (connectors allowed inside)."""
    run: list[Token] = []
    for tok in toks:
        joined = bool(run) and all(c in _JOINERS for c in text[run[-1].end:tok.start])
        if _capitalised(text, tok) or (tok.key in _CONNECTORS and (joined or not run)):
            if run and not joined:
                yield run
                run = []
            run.append(tok)
            continue
        if run:
            yield run
        run = []
    if run:
        yield run


def _windows(text: str, toks: list[Token], entity_spans: Iterable[tuple[int, int, str]]) -> Iterator[list[Token]]:
    """Every sub-run of up to MAX_WORDS words that starts and ends on a capitalised word (or "al")."""
    runs = list(_runs(text, toks))
    starts = [t.start for t in toks]
    for s, e, label in entity_spans:
        if label in _LABELS:
            inside = toks[bisect_left(starts, s):bisect_left(starts, e)]
            runs.append([t for t in inside if t.end <= e])
    seen: set[tuple[int, int]] = set()
    for run in runs:
        for i in range(len(run)):
            if not (_capitalised(text, run[i]) or run[i].key == "al"):
                continue
            for j in range(i, min(len(run), i + MAX_WORDS)):
                if _capitalised(text, run[j]) and (run[i].start, run[j].end) not in seen:
                    seen.add((run[i].start, run[j].end))
                    yield run[i:j + 1]

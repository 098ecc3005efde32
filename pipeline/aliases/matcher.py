"""One alias matcher for every name list: gazetteer entries and registry organisations.

:meth:`AliasMatcher.scan` runs the automaton once over an article's folded words;
the NER gazetteer (:meth:`entry_matches`) and the designation tagger
(:meth:`org_hits`, then :meth:`fuzzy_hits`) read the same scan. Rules shared by
both: matches start and end on word boundaries; at each word the longest alias
wins; a case-sensitive alias (acronyms, common words) matches only as written; a
capitalised alias written all in lower case is a common phrase, not the name; an
attached particle is taken in ("al-" of "al-Qaeda"). Registry aliases that are
also common words or acronyms ("IS", "IG", "Memorial") are kept only with a
context cue nearby or an overlapping NER entity (data/context.yaml); for names imported from
official lists (``strict``) only a cue counts, since an ORG entity says that "MIT" is an
organisation, not which one.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from itertools import accumulate
from pathlib import Path

import yaml

from pipeline.aliases.fuzzy import FuzzyMatcher
from pipeline.aliases.index import AliasIndex, AliasSpec, Hit, Pattern, Reading, written_words
from pipeline.aliases.text import DATA_DIR, Token, WordKey, Words, particles, without_possessive, words
from pipeline.lexicon import load_lexicon

#: ``Doc.user_data`` key under which the gazetteer component leaves its scan for the NER stage
ALIAS_SCAN = "alias_scan"
_SENTENCE_END = re.compile(r"[.!?]\s+(?=[\"“‘'«A-ZА-ЯЁ])|\n\s*\n")
_PLACES = frozenset({"LOC", "GPE", "FAC"})
_DASHES = frozenset("-‐‑‒–—―−")
INFIX_MAX = 3  # letters of a lower-case infix inside a name ("e", "ul", "wal")
_PARTICLES = particles()
_CONNECTORS = load_lexicon().connectors["alias"]  # lower-case words inside names ("Bank of Moscow")


@dataclass(frozen=True, slots=True)
class EntryMatch:
    """One occurrence of a gazetteer entry (or of an MT rendering of it)."""

    reading: Reading
    start: int
    end: int


class Scan:
    """An article's folded words and, per word, the aliases starting there (longest first).

    ``words`` are the positions (in ``keys``/``starts``/``ends``) of the non-particle
    words the automaton ran over; ``at`` maps a position in ``words`` to its patterns.
    """

    __slots__ = ("matcher", "text", "keys", "starts", "ends", "words", "at", "_tokens")

    def __init__(self, matcher: AliasMatcher, text: str, found: Words, words: list[int],
                 at: dict[int, list[Pattern]]) -> None:
        self.matcher = matcher  # the matcher that made the scan: a reader applies its rules
        self.text = text
        self.keys, self.starts, self.ends = found
        self.words = words
        self.at = at
        self._tokens: list[Token] | None = None

    def particle(self, i: int) -> bool:
        """Whether word ``i`` (in ``keys``) is an optional particle."""
        return self.keys[i] in _PARTICLES

    @property
    def tokens(self) -> list[Token]:
        """Every word as a :class:`Token` (built on first use: the fuzzy pass reads them)."""
        if self._tokens is None:
            optional = particles()
            self._tokens = [Token(k, s, e, k in optional) for k, s, e in zip(self.keys, self.starts, self.ends)]
        return self._tokens


class AliasMatcher:
    """The index of every alias, its context rules, and the fuzzy second pass."""

    def __init__(self, specs: Iterable[AliasSpec], context_path: Path = DATA_DIR / "context.yaml",
                 word_key: WordKey | None = None, fuzzy: bool = True) -> None:
        """``word_key`` and ``context_path`` make a matcher for another language (Russian:
        :func:`~pipeline.aliases.text.russian_key`, ``context.ru.yaml``); ``fuzzy`` False turns the
        transliteration pass off (its variants are of Latin-letter renderings)."""
        self.index = AliasIndex(specs, word_key)
        self.word_key = word_key
        self.fuzzy_enabled = fuzzy
        ctx = yaml.safe_load(context_path.read_text("utf-8"))
        self._window: int = ctx["window"]
        self._labels = frozenset(ctx["entity_labels"])
        self._cue = re.compile(r"\b(?:" + "|".join(ctx["cues"]) + r")\b", re.I)
        self._veto = re.compile("|".join(ctx["veto"]))

    def __len__(self) -> int:
        return len(self.index)

    @cached_property
    def fuzzy(self) -> FuzzyMatcher:
        """The transliteration-variant pass over the registry readings, built on first use."""
        return FuzzyMatcher(self.index.patterns)

    def scan(self, text: str) -> Scan:
        """Every alias occurrence in ``text`` on word boundaries, by the word it starts at."""
        found = words(text, self.word_key)
        optional = particles()
        keys = found.keys
        positions = [i for i, key in enumerate(keys) if key not in optional]
        stream = [keys[i] for i in positions]
        # where each word starts in " k1 k2 … ": the automaton reports where a pattern ends
        offsets = list(accumulate((len(k) + 1 for k in stream), initial=1))
        at: dict[int, list[Pattern]] = {}
        patterns = self.index.patterns
        for end, n in self.index.automaton.iter(" " + " ".join(stream) + " "):
            pattern = patterns[n]
            first = bisect_left(offsets, end + 2 - pattern.width)
            at.setdefault(first, []).append(pattern)
        for candidates in at.values():
            if len(candidates) > 1:
                candidates.sort(key=lambda p: -len(p.keys))
        return Scan(self, text, found, positions, at)

    def entry_matches(self, scan: Scan) -> list[EntryMatch]:
        """Gazetteer matches: the longest at each word (overlaps are left to the caller)."""
        out = []
        for n, found in scan.at.items():
            for pattern in found:
                reading = pattern.entry
                if reading is None or not self._as_written(scan, n, pattern, reading):
                    continue
                start, end = self._extent(scan, n, pattern)
                if not _lowercased(reading.alias, scan.text[start:end]):
                    out.append(EntryMatch(reading, start, without_possessive(scan.text, end)))
                break
        return sorted(out, key=lambda m: m.start)

    def org_hits(self, scan: Scan, entity_spans: Iterable[tuple[int, int, str]] = (),
                 context_free: bool = False) -> list[Hit]:
        """Registry organisations, leftmost-longest; ``entity_spans`` are NER (start, end, label)."""
        entity_spans = list(entity_spans)
        spans = [(s, e) for s, e, label in entity_spans if label in self._labels]
        places = [(s, e) for s, e, label in entity_spans if label in _PLACES]
        text = scan.text
        hits: list[Hit] = []
        next_free = 0  # a hit consumes its words: the next one starts after it
        for n in sorted(scan.at):
            if n < next_free:
                continue
            pattern = next((p for p in scan.at[n] if p.org is not None
                            and self._as_written(scan, n, p, p.org)
                            and (not p.org.strict or context_free or self._capitalised(scan, n, p))), None)
            if pattern is None:
                continue
            reading = pattern.org
            assert reading is not None
            start, end = self._extent(scan, n, pattern)
            if _lowercased(reading.alias, text[start:end]) and not context_free:
                continue  # "the right sector of the stand": names are capitalised in English copy
            if (not reading.needs_context or context_free
                    or self._in_context(scan, n, len(pattern.keys), start, end,
                                        [] if reading.strict else spans, places)):
                end = without_possessive(text, end)
                hits.append(Hit(reading.id, start, end, text[start:end], reading.alias))
                next_free = n + len(pattern.keys)
        return hits

    def fuzzy_hits(self, scan: Scan, exact: Iterable[Hit],
                   entity_spans: Iterable[tuple[int, int, str]] = ()) -> list[Hit]:
        """Transliteration variants no alias lists, in candidate spans no exact hit covers."""
        if not self.fuzzy_enabled:
            return []
        return self.fuzzy.find(scan.text, scan.tokens, exact, entity_spans)

    @staticmethod
    def _as_written(scan: Scan, n: int, pattern: Pattern, reading: Reading) -> bool:
        if reading.written is None:
            return True
        start = scan.starts[scan.words[n]]
        end = scan.ends[scan.words[n + len(pattern.keys) - 1]]
        return written_words(scan.text[start:end]) == reading.written

    @staticmethod
    def _capitalised(scan: Scan, n: int, pattern: Pattern) -> bool:
        """Every word of the match written capitalised, connectors, particles and dashed lower-case
        infixes aside ("Bank of Moscow", "Lashkar-e-Taiba", "Tehrik-e Taliban", "wal-Jihad")."""
        text = scan.text
        first, last = scan.words[n], scan.words[n + len(pattern.keys) - 1]
        return all(text[scan.starts[i]].isupper() or text[scan.starts[i]].isdigit()
                   or scan.keys[i] in _CONNECTORS or scan.particle(i) or _infix(scan, i, first, last)
                   for i in range(first, last + 1))

    @staticmethod
    def _extent(scan: Scan, n: int, pattern: Pattern) -> tuple[int, int]:
        """Character span of the match at word ``n``, with the particle before it.

        A particle joined by a dash is part of the name ("al-Shabaab"); one after a
        space only when the alias opens with it ("al Qaeda" for "al-Qaeda"), so
        "As Hamas fighters" stays "Hamas".
        """
        i = scan.words[n]
        start, end = scan.starts[i], scan.ends[scan.words[n + len(pattern.keys) - 1]]
        if i > 0 and scan.particle(i - 1):
            gap = scan.text[scan.ends[i - 1]:start]
            if all(c in _DASHES for c in gap) or (pattern.leading and gap.strip() == "" and "\n" not in gap):
                start = scan.starts[i - 1]
        return start, end

    def _in_context(self, scan: Scan, n: int, length: int, start: int, end: int,
                    spans: list[tuple[int, int]], places: list[tuple[int, int]]) -> bool:
        text = scan.text
        if any(s <= start and end <= e for s, e in places):
            return False  # inside a place name: "the Azov coast"
        if self._veto.search(text, max(0, start - 30), min(len(text), end + 30)):
            return False
        last = scan.words[n + length - 1]
        after = scan.starts[last + 1] if last + 1 < len(scan.starts) else None
        if after is not None and text[after].isupper() and text[end:after].strip() == "":
            return False  # part of a longer proper name: "IG Metall", "IS Department"
        if any(s < end and start < e for s, e in spans):
            return True
        lo, hi = _sentence(text, start, end)
        lo, hi = max(lo, start - self._window), min(hi, end + self._window)
        return bool(self._cue.search(text[lo:start]) or self._cue.search(text[end:hi]))


def _infix(scan: Scan, i: int, first: int, last: int) -> bool:
    """Whether word ``i`` is a short lower-case word inside a name joined to a neighbour by a dash:
    a transliterated connector ("-e-" of "Tehrik-e-Taliban", "-i-", "wal-"), not a word of prose."""
    if not first < i < last or scan.ends[i] - scan.starts[i] > INFIX_MAX:
        return False
    text = scan.text
    before, after = text[scan.ends[i - 1]:scan.starts[i]], text[scan.ends[i]:scan.starts[i + 1]]
    return any(gap and all(c in _DASHES for c in gap) for gap in (before, after))


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """Bounds of the sentence around ``start:end``: context cues do not cross sentences."""
    lo = max((m.end() for m in _SENTENCE_END.finditer(text, max(0, start - 400), start)), default=0)
    after = _SENTENCE_END.search(text, end)
    return lo, after.start() + 1 if after else len(text)


def _lowercased(alias: str, found: str) -> bool:
    """A capitalised alias written all in lower case: a common phrase, not the name."""
    return any(c.isupper() for c in alias) and not any(c.isupper() for c in found)

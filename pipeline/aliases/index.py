"""The alias index: every name to look for, with the ids it stands for, in one Aho–Corasick automaton.

An alias is indexed by its folded keys (:mod:`text`), particles left out, as the
string " k1 k2 … " so that a hit in the article's key string " t1 t2 … " always
starts and ends on word boundaries. One key string has at most one gazetteer
reading and one registry reading: the first alias to claim it keeps it (curated
data first), so both consumers see the same ids for the same words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import ahocorasick

from pipeline.aliases.text import WordKey, tokens, without_possessive

_WRITTEN = re.compile(r"[^\W_]+")


def written_words(text: str) -> tuple[str, ...]:
    """The words of ``text`` as written (case kept), a closing "'s" left out."""
    return tuple(_WRITTEN.findall(text[:without_possessive(text, len(text))]))


@dataclass(frozen=True, slots=True)
class AliasSpec:
    """A name to index and what it names: a gazetteer entry id and/or a registry organisation id.

    ``case_sensitive`` aliases (acronyms, common words) match only as written;
    ``needs_context`` ones ("IS", "Memorial") only next to a context cue;
    an ``artefact`` is a machine-translation rendering of its entry ("Sands");
    a ``strict`` alias (a name imported from an official list, no curated reading) matches
    only with every word capitalised as a name is ("Bank Melli", not "bank melli" or
    "Bank melli"; connectors and particles aside) and never fuzzily.
    """

    text: str
    entry_id: str | None = None
    org_id: str | None = None
    case_sensitive: bool = False
    needs_context: bool = False
    artefact: bool = False
    strict: bool = False


@dataclass(frozen=True, slots=True)
class Hit:
    """One occurrence of a registry organisation: offsets into the text."""

    org_id: str
    start: int
    end: int
    text: str
    alias: str


@dataclass(frozen=True, slots=True)
class Reading:
    """What a key string stands for, from one alias."""

    id: str
    alias: str
    written: tuple[str, ...] | None  # the words as they must be written, for case-sensitive aliases
    needs_context: bool = False
    artefact: bool = False
    strict: bool = False


@dataclass(slots=True)
class Pattern:
    """One indexed key string; ``leading`` when an alias of it opens with a particle ("al-Qaeda")."""

    keys: tuple[str, ...]
    full: str  # every key, particles included: what the fuzzy pass compares
    width: int  # length of " k1 k2 … " in the automaton
    entry: Reading | None = None
    org: Reading | None = None
    leading: bool = False


class AliasIndex:
    """Patterns by key string, and the automaton that finds them."""

    def __init__(self, specs: Iterable[AliasSpec], word_key: WordKey | None = None) -> None:
        self.word_key = word_key
        self.patterns: list[Pattern] = []
        by_keys: dict[tuple[str, ...], Pattern] = {}
        for spec in specs:
            toks = tokens(spec.text, word_key)
            keys = tuple(t.key for t in toks if not t.particle)
            if not keys:
                continue
            pattern = by_keys.get(keys)
            if pattern is None:
                pattern = by_keys[keys] = Pattern(keys, " ".join(t.key for t in toks), len(" ".join(keys)) + 2)
                self.patterns.append(pattern)
            pattern.leading = pattern.leading or toks[0].particle
            written = written_words(spec.text) if spec.case_sensitive else None
            if spec.entry_id is not None and pattern.entry is None:
                pattern.entry = Reading(spec.entry_id, spec.text, written, artefact=spec.artefact)
            if spec.org_id is not None and pattern.org is None:
                pattern.org = Reading(spec.org_id, spec.text, written, needs_context=spec.needs_context,
                                      strict=spec.strict)
        self.automaton = ahocorasick.Automaton()
        for n, pattern in enumerate(self.patterns):
            self.automaton.add_word(f" {' '.join(pattern.keys)} ", n)
        self.automaton.make_automaton()

    def __len__(self) -> int:
        return len(self.patterns)

"""The quote stage's rules as data: speech verbs, speaker descriptions and gender cues.

Everything a linguist would want to extend lives in ``data/*.yaml``; this module only
loads it into typed, frozen tables once per process.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(__file__).parent / "data"


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Read-only rule tables used by every pass."""

    verb_frames: dict[str, frozenset[str]]
    #: lemmas that can carry indirect speech (a "that" or "to" frame)
    report_verbs: frozenset[str]
    prepositional: tuple[tuple[str, str], ...]
    speech_nouns: frozenset[str]
    question_labels: frozenset[str]
    answer_labels: frozenset[str]
    roles: dict[str, tuple[tuple[str, ...], ...]]
    #: role terms by their first lemma: (term, group, group's rank in ``roles``), for O(n) lookups
    role_starts: dict[str, tuple[tuple[tuple[str, ...], str, int], ...]]
    unnamed_source: frozenset[str]
    anonymous_heads: frozenset[str]
    org_descriptions: frozenset[str]
    person_descriptions: frozenset[str]
    qualifier_words: frozenset[str]
    honorifics: dict[str, frozenset[str]]
    gendered_nouns: dict[str, frozenset[str]]
    pronouns: dict[str, frozenset[str]]
    first_names: dict[str, str]
    female_surname_suffixes: tuple[str, ...]
    demonym_endings: tuple[str, ...]
    version: str

    def takes(self, lemma: str, frame: str) -> bool:
        """Whether ``lemma`` is a speech verb taking ``frame`` (direct, that, to)."""
        return frame in self.verb_frames.get(lemma.lower(), ())

    def role_group(self, lemmas: list[str]) -> str | None:
        """The group of the longest role term in ``lemmas`` (on a tie, the group listed first)."""
        best: tuple[int, int, str] | None = None
        for k, lemma in enumerate(lemmas):
            for term, group, rank in self.role_starts.get(lemma, ()):
                n = len(term)
                if tuple(lemmas[k:k + n]) == term and (best is None or (n, -rank) > best[:2]):
                    best = (n, -rank, group)
        return None if best is None else best[2]

    def pronoun_class(self, word: str) -> str | None:
        """male, female, neuter or plural for a third-person pronoun, else None."""
        low = word.lower()
        return next((cls for cls, words in self.pronouns.items() if low in words), None)


def _read(name: str) -> dict[str, Any]:
    with (DATA_DIR / name).open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@cache
def load_lexicon() -> Lexicon:
    """Parse the data files once; the result is shared by all stage instances."""
    verbs, speakers, names = _read("speech_verbs.yaml"), _read("speakers.yaml"), _read("first_names.yaml")
    first_names = {n: "male" for n in names["male"]} | {n: "female" for n in names["female"]}
    roles = {group: tuple(tuple(term.split()) for term in terms) for group, terms in speakers["roles"].items()}
    role_starts: dict[str, list[tuple[tuple[str, ...], str, int]]] = {}
    for rank, (group, terms) in enumerate(roles.items()):
        for term in terms:
            role_starts.setdefault(term[0], []).append((term, group, rank))
    return Lexicon(
        verb_frames={lemma: frozenset(frames) for lemma, frames in verbs["verbs"].items()},
        report_verbs=frozenset(lemma for lemma, frames in verbs["verbs"].items() if {"that", "to"} & set(frames)),
        prepositional=tuple((a, b) for a, b in verbs["prepositional"]),
        speech_nouns=frozenset(verbs["nouns"]),
        question_labels=frozenset(verbs["interview_labels"]["question"]),
        answer_labels=frozenset(verbs["interview_labels"]["answer"]),
        roles=roles,
        role_starts={first: tuple(entries) for first, entries in role_starts.items()},
        unnamed_source=frozenset(speakers["unnamed_source"]),
        anonymous_heads=frozenset(speakers["anonymous_heads"]),
        org_descriptions=frozenset(speakers["org_descriptions"]),
        person_descriptions=frozenset(speakers["person_descriptions"]),
        qualifier_words=frozenset(speakers["qualifier_words"]),
        honorifics={g: frozenset(w) for g, w in speakers["honorifics"].items()},
        gendered_nouns={g: frozenset(w) for g, w in speakers["gendered_nouns"].items()},
        pronouns={c: frozenset(w) for c, w in speakers["pronouns"].items()},
        first_names=first_names,
        female_surname_suffixes=tuple(names["female_surname_suffixes"]),
        demonym_endings=tuple(speakers["demonym_endings"]),
        version=f"verbs-v{verbs['version']}/speakers-v{speakers['version']}/names-v{names['version']}",
    )

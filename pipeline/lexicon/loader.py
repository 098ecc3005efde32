"""The lexicon of one language: every stage's shared word lists, typed and frozen, loaded once.

Each field comes from one resource file under ``pipeline/lexicon/<language>/``; the stages
read them through :func:`load_lexicon` and never keep a copy of their own.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

import msgspec

from pipeline.lexicon.files import DEFAULT_LANGUAGE, LexiconError, language_version, read_resource
from pipeline.sections.clean import QuoteFamily

#: the resource files of a language, in the order their versions are combined
RESOURCES = ("speech_verbs", "speakers", "first_names", "titles", "names", "months", "marks", "connectors")
#: the rules that take connector words (connectors.yaml)
CONNECTOR_USES = frozenset({"byline", "alias", "acronym", "designation"})


#: what cannot follow a two-character opening mark (an empty string: '', ('') )
_NOT_AFTER_WIDE_OPEN = frozenset(",.;:!?)]}")

@dataclass(frozen=True, slots=True)
class Marks:
    """Quote marks and dashes (marks.yaml)."""

    open_double: str
    close_double: str
    open_single: str
    close_single: str
    ambiguous_single: str
    #: hyphen, en dash, em dash: between spaces, any may introduce an attribution
    dashes: str
    #: other marks and dashes → their canonical character (same length)
    variants: dict[str, str]
    #: double-mark families of an original text (guillemets, low9, curly, straight)
    families: dict[str, QuoteFamily]
    #: mark → (family, role) for the marks the quote stage pairs
    pairing: dict[str, tuple[str, str]]

    @property
    def canonical(self) -> str:
        """Every quote character the cleaned text can contain."""
        return self.open_double + self.close_double + self.open_single + self.close_single + self.ambiguous_single

    def wide_mark_quotes(self, mark: str, prev: str, nxt: str, opens: bool) -> bool:
        """Whether a two-character mark ('' or ``) between ``prev`` and ``nxt`` is a quotation mark,
        opening one where ``opens``: between letters it spells a transliterated hard sign
        (ob''yavlenie); an opener needs a quoted word after it, not a blank or punctuation (an empty
        string: x = '', f('')); backticks only open. The clean stage and quote pairing on raw text
        both ask this."""
        if prev.isalnum() and nxt.isalnum():
            return False
        if opens:
            return bool(nxt) and not nxt.isspace() and nxt not in _NOT_AFTER_WIDE_OPEN
        return self.pairing[mark][1] != "open"

    @property
    def quote_chars(self) -> frozenset[str]:
        """Every quote character a stage recognises: the marks the quote stage pairs."""
        return frozenset(self.pairing)


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Read-only word lists of one language, shared by the clean, NER, quote and designation stages."""

    language: str
    # speech_verbs.yaml
    verb_frames: dict[str, frozenset[str]]
    #: lemmas that can carry indirect speech (a "that" or "to" frame)
    report_verbs: frozenset[str]
    prepositional: tuple[tuple[str, str], ...]
    speech_nouns: frozenset[str]
    #: belief verbs whose first- or second-person report is a hedge ("I think", "you know")
    hedge_verbs: frozenset[str]
    question_labels: frozenset[str]
    answer_labels: frozenset[str]
    # speakers.yaml
    roles: dict[str, tuple[tuple[str, ...], ...]]
    #: role terms by their first lemma: (term, group, group's rank in ``roles``), for O(n) lookups
    role_starts: dict[str, tuple[tuple[tuple[str, ...], str, int], ...]]
    unnamed_source: frozenset[str]
    anonymous_heads: frozenset[str]
    org_descriptions: frozenset[str]
    document_nouns: frozenset[str]
    person_descriptions: frozenset[str]
    qualifier_words: frozenset[str]
    gendered_nouns: dict[str, frozenset[str]]
    pronouns: dict[str, frozenset[str]]
    demonym_endings: tuple[str, ...]
    # first_names.yaml
    first_names: dict[str, str]
    female_surname_suffixes: tuple[str, ...]
    # titles.yaml
    title_words: frozenset[str]
    honorifics: dict[str, frozenset[str]]
    # names.yaml
    name_particles: frozenset[str]
    name_fillers: frozenset[str]
    junk_words: frozenset[str]
    org_words: frozenset[str]
    # months.yaml
    months: dict[str, int]
    dateline_months: frozenset[str]
    # marks.yaml, connectors.yaml
    marks: Marks
    connectors: dict[str, frozenset[str]]
    #: resource name → short content hash of its file
    versions: dict[str, str]
    #: one hash over all the language's resource files
    version: str

    def data_versions(self) -> dict[str, str]:
        """Each resource file's version, keyed for a record's provenance (``lexicon.en.speech_verbs``)."""
        return {f"lexicon.{self.language}.{name}": version for name, version in self.versions.items()}

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


def load_lexicon(language: str = DEFAULT_LANGUAGE) -> Lexicon:
    """Parse the language's resource files once; the result is shared by all stages."""
    return _load(language)


@cache
def _load(language: str) -> Lexicon:
    raw: dict[str, Any] = {}
    versions: dict[str, str] = {}
    for name in RESOURCES:
        raw[name], versions[name] = read_resource(language, name)
    try:
        return Lexicon(
            language=language,
            **_speech(raw["speech_verbs"]),
            **_speakers(raw["speakers"]),
            **_names(raw["first_names"], raw["titles"], raw["names"]),
            **_months(raw["months"]),
            marks=_marks(raw["marks"]),
            connectors=_connectors(raw["connectors"]),
            versions=versions,
            version=language_version(language),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise LexiconError(f"malformed lexicon for {language!r}: {exc!r}") from exc


def _speech(verbs: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "verb_frames": {lemma: frozenset(frames) for lemma, frames in verbs["verbs"].items()},
        "report_verbs": frozenset(lemma for lemma, frames in verbs["verbs"].items() if {"that", "to"} & set(frames)),
        "prepositional": tuple((a, b) for a, b in verbs["prepositional"]),
        "speech_nouns": frozenset(verbs["nouns"]),
        "hedge_verbs": frozenset(verbs["hedges"]),
        "question_labels": frozenset(verbs["interview_labels"]["question"]),
        "answer_labels": frozenset(verbs["interview_labels"]["answer"]),
    }


def _speakers(speakers: Mapping[str, Any]) -> dict[str, Any]:
    roles = {group: tuple(tuple(term.split()) for term in terms) for group, terms in speakers["roles"].items()}
    role_starts: dict[str, list[tuple[tuple[str, ...], str, int]]] = {}
    for rank, (group, terms) in enumerate(roles.items()):
        for term in terms:
            role_starts.setdefault(term[0], []).append((term, group, rank))
    return {
        "roles": roles,
        "role_starts": {first: tuple(entries) for first, entries in role_starts.items()},
        "unnamed_source": frozenset(speakers["unnamed_source"]),
        "anonymous_heads": frozenset(speakers["anonymous_heads"]),
        "org_descriptions": frozenset(speakers["org_descriptions"]),
        "document_nouns": frozenset(speakers["document_nouns"]),
        "person_descriptions": frozenset(speakers["person_descriptions"]),
        "qualifier_words": frozenset(speakers["qualifier_words"]),
        "gendered_nouns": {g: frozenset(w) for g, w in speakers["gendered_nouns"].items()},
        "pronouns": {c: frozenset(w) for c, w in speakers["pronouns"].items()},
        "demonym_endings": tuple(speakers["demonym_endings"]),
    }


def _names(first: Mapping[str, Any], titles: Mapping[str, Any], names: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "first_names": {n: "male" for n in first["male"]} | {n: "female" for n in first["female"]},
        "female_surname_suffixes": tuple(first["female_surname_suffixes"]),
        "title_words": _lower_set(titles["title_words"]),
        "honorifics": {g: frozenset(w) for g, w in titles["honorifics"].items()},
        **{key: _lower_set(names[key]) for key in ("name_particles", "name_fillers", "junk_words", "org_words")},
    }


def _months(months: Mapping[int, list[str]]) -> dict[str, Any]:
    by_name = {str(name): int(number) for number, names in months.items() for name in names}
    return {"months": by_name, "dateline_months": frozenset(by_name)}


def _marks(marks: Mapping[str, Any]) -> Marks:
    canonical = marks["canonical"]
    return Marks(
        **{key: str(canonical[key]) for key in ("open_double", "close_double", "open_single", "close_single",
                                                "ambiguous_single")},
        dashes="".join(marks["dashes"]),
        variants=dict(marks["variants"]),
        families=msgspec.convert(dict(marks["families"]), dict[str, QuoteFamily]),
        pairing={mark: (family, role) for mark, (family, role) in marks["pairing"].items()},
    )


def _connectors(words: Mapping[str, list[str]]) -> dict[str, frozenset[str]]:
    unknown = {use for uses in words.values() for use in uses} - CONNECTOR_USES
    if unknown:
        raise ValueError(f"unknown connector uses {sorted(unknown)}")
    return {use: frozenset(str(w) for w, uses in words.items() if use in uses) for use in sorted(CONNECTOR_USES)}


def _lower_set(words: list[Any]) -> frozenset[str]:
    return frozenset(str(w).lower() for w in words)

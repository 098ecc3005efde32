"""The shared lexicon: every resource loads, its contents and versions are pinned.

A data change fails here on purpose: update the counts and versions in the same commit,
since records carry the versions in their provenance.
"""

from __future__ import annotations

import pytest

from pipeline.lexicon import LexiconError, fold, load_lexicon, name_key
from pipeline.lexicon.loader import RESOURCES

VERSIONS = {
    "speech_verbs": "b8f47c3c",
    "speakers": "1604761f",
    "first_names": "61a4175c",
    "titles": "f98f4e2c",
    "names": "74589d82",
    "months": "45381f14",
    "marks": "bac7bcbc",
    "connectors": "faf3306d",
}


def test_versions_are_pinned_and_stable() -> None:
    lex = load_lexicon("en")
    assert lex.language == "en"
    assert lex.versions == VERSIONS and list(lex.versions) == list(RESOURCES)
    assert lex.version == "74fd1e6c"  # every file of lexicon/en, desk_cues.yaml (NER desk corrections) included
    assert lex.data_versions()["lexicon.en.marks"] == VERSIONS["marks"] and len(lex.data_versions()) == 8
    assert load_lexicon() is lex  # parsed once per process


def test_unknown_language_is_refused() -> None:
    with pytest.raises(LexiconError):
        load_lexicon("xx")


def test_speech_verbs() -> None:
    lex = load_lexicon("en")
    assert len(lex.verb_frames) == 156 and len(lex.report_verbs) == 96
    assert lex.takes("call", "for") and lex.takes("speak", "about") and not lex.takes("speak", "that")
    for lemma in ("say", "tell", "add", "stress", "note", "recall", "emphasize", "deny", "urge", "warn",
                  "explain", "state", "claim", "announce", "declare", "insist"):
        assert lex.takes(lemma, "direct"), lemma
    assert lex.takes("believe", "that") and not lex.takes("believe", "direct")
    assert lex.takes("urge", "to") and not lex.takes("ask", "to") and lex.takes("ask", "question")
    assert lex.takes("praise", "object") and lex.takes("call", "predicate") and lex.takes("decline", "intent")
    assert {"think", "know", "believe"} <= lex.hedge_verbs and "say" not in lex.hedge_verbs
    assert lex.prepositional == (("according", "to"), ("quoting", ""), ("citing", ""))
    assert len(lex.speech_nouns) == 39 and "claim" in lex.speech_nouns
    assert lex.question_labels == {"q", "question"} and lex.answer_labels == {"a", "answer"}


def test_speakers() -> None:
    lex = load_lexicon("en")
    assert list(lex.roles) == ["spokesperson", "head_of_state", "head_of_government", "foreign_minister",
                               "defence_minister", "minister", "leader"]
    assert ("press", "secretary") in lex.roles["spokesperson"]
    assert ("head", "of", "state") in lex.roles["head_of_state"]
    assert lex.role_group(["press", "secretary"]) == "spokesperson" and lex.role_group(["the", "dog"]) is None
    assert (len(lex.unnamed_source), len(lex.anonymous_heads), len(lex.qualifier_words)) == (24, 15, 16)
    assert "source" in lex.anonymous_heads and "diplomat" not in lex.anonymous_heads
    assert (len(lex.org_descriptions), len(lex.person_descriptions), len(lex.document_nouns)) == (18, 39, 36)
    assert "striker" in lex.person_descriptions and "source" not in lex.person_descriptions
    assert lex.pronoun_class("She") == "female" and lex.pronoun_class("they") == "plural"
    assert lex.demonym_endings == ("an", "ese", "ard", "ish", "i", "man", "woman")


def test_names_and_titles() -> None:
    lex = load_lexicon("en")
    assert len(lex.first_names) == 242
    assert lex.first_names["maria"] == "female" and lex.first_names["dmitry"] == "male"
    assert lex.female_surname_suffixes == ("ova", "eva", "yova", "skaya", "tskaya")
    assert len(lex.title_words) == 88 and {"president", "spokesman", "sgt"} <= lex.title_words
    assert lex.honorifics["male"] == {"mr", "mr.", "sir", "lord", "monsieur", "herr", "señor"}
    assert len(lex.honorifics["female"]) == 11
    assert lex.name_particles == {"al", "el", "ad", "ar", "ash", "az", "ud", "ul"}
    assert len(lex.name_fillers) == 15 and {"–", "’", "«"} <= lex.name_fillers
    assert lex.junk_words == {"al", "el", "the", "a", "an", "of", "mr", "mrs", "ms", "dr"}
    assert len(lex.org_words) == 113 and {"group", "bank", "ministry"} <= lex.org_words


def test_months() -> None:
    lex = load_lexicon("en")
    assert len(lex.months) == 24 and lex.dateline_months == set(lex.months)
    assert lex.months["may"] == 5 and lex.months["sept"] == lex.months["sep"] == 9 and lex.months["dec"] == 12


def test_marks() -> None:
    marks = load_lexicon("en").marks
    assert marks.canonical == "“”‘’'" and marks.dashes == "-–—"
    assert len(marks.variants) == 22 and marks.variants["«"] == "“" and marks.variants["―"] == "—"
    assert set(marks.variants.values()) <= set(marks.canonical + marks.dashes + '"')
    assert marks.families["„"] == "low9" and marks.families['"'] == "straight"
    assert marks.quote_chars == frozenset({*"“”„«»\"‘’'", "''", "``"})
    assert marks.pairing["„"] == ("double", "open") and marks.pairing["'"] == ("single", "either")
    assert marks.pairing["''"] == ("double", "either") and marks.pairing["``"] == ("double", "open")


def test_connectors_by_rule() -> None:
    connectors = load_lexicon("en").connectors
    assert connectors == {
        "byline": {"and", "de", "la", "van", "von", "der", "da", "al", "bin", "in", "for", "of"},
        "alias": {"of", "the", "and", "for", "in", "on", "de", "du", "des", "la", "le", "van", "von", "der"},
        "acronym": {"of", "the", "and", "for", "de", "du", "la", "le", "des", "&"},
        "designation": {"al", "of", "the", "for", "and", "e", "i", "wal", "bin", "ibn", "de"},
    }


def test_fold_and_name_key() -> None:
    assert fold("François") == "francois" and fold("NATO") == "nato" and fold("–") == "–"
    assert name_key("François  Hollande") == "francois hollande"
    assert name_key("jabhat al-al – Nusra") == "jabhat al al nusra"
    assert name_key("“Islamic State”") == "islamic state"

"""Label corrections from the parse, on real model output: names the model missed in a speaker
position, full names written with a title, surnames and given names of people."""

from __future__ import annotations

from typing import Any

from spacy.language import Language

from pipeline.entities.gazetteer import load_lexicon
from pipeline.entities.resolve import resolve
from pipeline.entities.english import add_gazetteer


def _resolve(nlp: Language, text: str) -> list[dict[str, Any]]:
    return resolve(nlp(text), add_gazetteer(nlp).entries, load_lexicon())


def _syntax(entities: list[dict[str, Any]]) -> list[tuple[str, str]]:
    return [(e.label, m.text) for e in entities for m in e.mentions if m.source == "syntax"]


def test_subject_of_a_speech_verb_becomes_a_person_and_keeps_its_surname(nlp: Language) -> None:
    text = ("LONDON, Nov 3 (AP) — Mikel Arteta insisted on Sunday that the signing would come good. "
            "\"He is a top player,\" Arteta told a news conference.")
    entities = _resolve(nlp, text)
    assert _syntax(entities) == [("PERSON", "Mikel Arteta")]
    arteta = next(e for e in entities if e.name == "Mikel Arteta")
    assert [m.text for m in arteta.mentions] == ["Mikel Arteta", "Arteta"]


def test_employer_of_an_unnamed_source_becomes_an_organisation(nlp: Language) -> None:
    assert _syntax(_resolve(nlp, "Analysts at Jefferies said the upgrade was better than feared.")) == [
        ("ORG", "Jefferies")]


def test_common_noun_phrases_and_headlines_are_not_names(nlp: Language) -> None:
    texts = ["The rule was written by the Founding Fathers, according to a national Gallup Poll taken last week.",
             "Ruling Party Demands Inquiry As Senator Says Funds Were Misused"]
    assert all(not _syntax(_resolve(nlp, text)) for text in texts)


def test_surname_tagged_otherwise_takes_the_persons_label(nlp: Language) -> None:
    text = ("Aryna Sabalenka retained her crown on Saturday, beating Coco Gauff in three sets. "
            "Gauff, who had not dropped a set all tournament, was gracious in defeat.")
    gauff = next(e for e in _resolve(nlp, text) if e.name == "Coco Gauff")
    assert gauff.label == "PERSON" and [m.text for m in gauff.mentions] == ["Coco Gauff", "Gauff"]


def test_full_name_tagged_org_but_written_with_a_title_is_a_person(nlp: Language) -> None:
    text = ("Measles cases in Africa could double this year unless donors close a $600 million funding gap, "
            "the World Health Organization's regional director for Africa, Matshidiso Moeti, said in an "
            "interview. Moeti spoke to Wirestream on the sidelines of the World Health Assembly.")
    moeti = next(e for e in _resolve(nlp, text) if e.name == "Matshidiso Moeti")
    assert moeti.label == "PERSON" and [m.text for m in moeti.mentions] == ["Matshidiso Moeti", "Moeti"]


def test_places_after_a_title_stay_places(nlp: Language) -> None:
    text = ("The mayor of Oakland, California, also spoke out. "
            "Senator Mitch McConnell of Kentucky, the majority leader, said no.")
    labels = {e.name: e.label for e in _resolve(nlp, text)}
    assert labels["California"] == labels["Kentucky"] == "GPE"


def test_given_name_alone_joins_the_full_name(nlp: Language) -> None:
    text = ("WHO Director-General Tedros Adhanom Ghebreyesus told a briefing in Geneva that cases were rising. "
            "Tedros said the agency had received less than a third of the funds it requested.")
    tedros = next(e for e in _resolve(nlp, text) if e.name == "Tedros Adhanom Ghebreyesus")
    assert [m.text for m in tedros.mentions] == ["Tedros Adhanom Ghebreyesus", "Tedros"]

"""Athletes written with their country, on real model output."""

from __future__ import annotations

from spacy.language import Language

from pipeline.entities.desks import correct_for_desks
from pipeline.entities.english import add_gazetteer
from pipeline.entities.mentions import collect
from pipeline.lexicon import load_lexicon


def _labelled(nlp: Language, text: str) -> dict[str, str]:
    doc = nlp(text)
    mentions = correct_for_desks(doc, collect(doc, load_lexicon(), set()), add_gazetteer(nlp).entries)
    return {m.span.text: m.label for m in mentions}


def test_an_untagged_player_before_a_country_in_brackets_is_a_person(nlp: Language) -> None:
    found = _labelled(nlp, "Second round results on Wednesday:\n"
                           "K. Ostrowski (Poland) beat Sanne Dijkstra (Netherlands) 7-5 6-1\n")
    assert found["K. Ostrowski"] == "PERSON" and found["Poland"] == "GPE"


def test_a_club_with_its_country_on_a_result_line_stays_a_side(nlp: Language) -> None:
    found = _labelled(nlp, "Cup results on Thursday:\nIn Tbilisi: Dinamo Tbilisi (Georgia) 2 Zurich Rovers "
                           "(Switzerland) 0\nIn Riga: Skonto Riga (Latvia) 1 Lech Poznan (Poland) 1\n")
    assert found["Dinamo Tbilisi"] == "ORG" and found["Lech Poznan"] == "ORG"


def test_a_hyphenated_name_before_its_country_is_a_person(nlp: Language) -> None:
    text = "Second round:\nTom Berg (Norway) beat Karl-Heinz Adler (Austria) 6-4 6-2\n"
    assert [(e.text, e.label_) for e in nlp(text).ents if e.text == "Karl-Heinz Adler"] == [("Karl-Heinz Adler", "ORG")]
    assert _labelled(nlp, text)["Karl-Heinz Adler"] == "PERSON"

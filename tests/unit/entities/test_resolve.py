"""Within-article resolution on real model output: grouping, label votes, junk, roles, repeats."""

from __future__ import annotations

from typing import Any

from spacy.language import Language

from pipeline.entities.english import add_gazetteer
from pipeline.entities.resolve import resolve
from pipeline.lexicon import load_lexicon


def _resolve(nlp: Language, text: str) -> list[dict[str, Any]]:
    return resolve(nlp(text), add_gazetteer(nlp).entries, load_lexicon())


def _by_name(entities: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {e.name: e for e in entities}


def test_surname_joins_full_name_whatever_the_model_label(nlp: Language) -> None:
    text = ("President William Ruto visited the area on Monday. Later, Ruto said families would be moved. "
            "Ruto also thanked volunteers.")
    ruto = _by_name(_resolve(nlp, text))["William Ruto"]
    assert ruto.label == "PERSON"
    assert [m.text for m in ruto.mentions] == ["William Ruto", "Ruto", "Ruto"]
    assert ruto.roles == ["President"]


def test_title_is_not_part_of_the_name(nlp: Language) -> None:
    powell = _by_name(_resolve(nlp, "Fed Chair Jerome Powell said rates would stay high."))["Jerome Powell"]
    assert powell.mentions[0].text == "Jerome Powell"


def test_acronym_joins_expansion(nlp: Language) -> None:
    """An organisation the gazetteer does not know: its acronym is linked by the resolver."""
    text = ("The National Transportation Safety Board opened an inquiry. The NTSB said investigators would stay "
            "at the Renton plant.")
    ntsb = _by_name(_resolve(nlp, text))["National Transportation Safety Board"]
    assert {m.text for m in ntsb.mentions} == {"National Transportation Safety Board", "NTSB"}
    assert {m.source for m in ntsb.mentions} >= {"alias"}


def test_trailing_amount_is_cut_from_a_name(nlp: Language) -> None:
    names = {e.name for e in _resolve(nlp, "EU fines Apple 1.8 billion euros over music streaming.")}
    assert "Apple" in names and not any("billion" in n for n in names)


def test_appositive_role(nlp: Language) -> None:
    text = "Dmitry Peskov, the Kremlin spokesman, declined to comment."
    assert _by_name(_resolve(nlp, text))["Dmitry Peskov"].roles == ["Kremlin spokesman"]


def test_distinct_people_with_one_surname_stay_apart(nlp: Language) -> None:
    text = "Kim Jong Un met Kim Yo Jong in Pyongyang. Kim said talks went well."
    people = [e for e in _resolve(nlp, text) if e.label == "PERSON"]
    assert len({e.name for e in people}) >= 2
    assert not any(len(e.mentions) > 2 for e in people)


def test_ids_in_order_of_first_mention(nlp: Language) -> None:
    entities = _resolve(nlp, "Vladimir Putin met Emmanuel Macron in Paris. Putin left.")
    assert [e.id for e in entities] == [f"E{n}" for n in range(1, len(entities) + 1)]
    assert entities[0].name == "Vladimir Putin" and len(entities[0].mentions) == 2


def test_later_role_mention_joins_the_person_introduced_by_it(nlp: Language) -> None:
    text = ("Kremlin spokesman Dmitry Peskov said no decision had been taken. "
            "Asked about sanctions, the Kremlin spokesman said Moscow would respond.")
    peskov = _by_name(_resolve(nlp, text))["Dmitry Peskov"]
    assert [(m.text, m.source) for m in peskov.mentions] == [
        ("Dmitry Peskov", "gazetteer"), ("Kremlin spokesman", "role")]
    assert peskov.roles == ["Kremlin spokesman"]


def test_untagged_repeat_of_a_name_is_found_but_not_a_month(nlp: Language) -> None:
    text = ("Prime Minister Theresa May spoke in London on Tuesday. Talks will resume in May, "
            "officials said. Asked about the delay, May said nothing.")
    may = _by_name(_resolve(nlp, text))["Theresa May"]
    assert [m.start for m in may.mentions] == [text.index("Theresa"), text.rindex("May")]


def test_generic_ministry_joins_the_one_named_in_full(nlp: Language) -> None:
    text = ("The Russian Foreign Ministry summoned the envoy. The foreign Ministry said talks would go on.")
    ministries = [e for e in _resolve(nlp, text) if "Ministry" in e.name]
    assert len(ministries) == 1 and ministries[0].name == "Russian Foreign Ministry"
    assert ministries[0].kb_id == "foreign-ministry"


def test_two_countries_ministries_stay_apart(nlp: Language) -> None:
    text = "The Russian Foreign Ministry and the Turkish Foreign Ministry issued a joint statement."
    names = {e.name for e in _resolve(nlp, text)}
    assert {"Russian Foreign Ministry", "Turkish Foreign Ministry"} <= names


def test_a_one_word_name_that_is_a_title_word_is_kept(nlp: Language) -> None:
    from spacy.tokens import Span

    from pipeline.entities.mentions import collect

    doc = nlp("Prince performed in Minneapolis; President Obama watched.")
    doc.ents = [Span(doc, 0, 1, label="PERSON"), Span(doc, 5, 7, label="PERSON")]
    assert [m.span.text for m in collect(doc, load_lexicon(), set())] == ["Prince", "Obama"]


def test_a_surname_two_people_share_is_a_person(nlp: Language) -> None:
    text = ("Former president Rodrigo Duterte was flown to The Hague. His daughter, Vice President Sara Duterte, "
            "flew to the Netherlands. Police said 6,000 people died under Duterte.")
    labels = {m.text: e.label for e in _resolve(nlp, text) for m in e.mentions}
    assert labels["Duterte"] == "PERSON"

"""The ``wire_gazetteer`` component on real model output."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Span

from pipeline.entities.english import add_gazetteer
from pipeline.entities.matcher import ARTEFACT_GROUP
from pipeline.entities.resolve import resolve
from pipeline.lexicon import load_lexicon


def _ents(nlp: Language, text: str) -> list[tuple[str, str, str]]:
    return [(e.text, e.label_, e.kb_id_) for e in nlp(text).ents]


def test_dash_and_particle_noise_inside_names(nlp: Language) -> None:
    ents = _ents(nlp, "They fought ISIL, “jabhat al-al – Nusra” and others.")
    assert ("jabhat al-al – Nusra", "ORG", "jabhat-al-nusra") in ents
    assert not any(label == "PERSON" for _, label, _ in ents)


def test_transliteration_and_accent_variants(nlp: Language) -> None:
    ents = _ents(nlp, "Sergey Shoygu met François Hollande and Bashar Assad in Moscow.")
    assert ("Sergey Shoygu", "PERSON", "sergei-shoigu") in ents
    assert ("François Hollande", "PERSON", "francois-hollande") in ents
    assert ("Bashar Assad", "PERSON", "bashar-al-assad") in ents


def test_gazetteer_replaces_a_wrong_model_entity(nlp: Language) -> None:
    ents = _ents(nlp, "Russia struck the terrorist group “Islamic state” near Raqqa.")
    assert ("Islamic state", "ORG", "islamic-state") in ents
    assert not any(label == "NORP" and text == "Islamic" for text, label, _ in ents)


def test_acronyms_are_case_sensitive_and_not_shouted(nlp: Language) -> None:
    assert ("IS", "ORG", "islamic-state") in _ents(nlp, "Fighters of IS retreated from the city.")
    assert not any(kb == "islamic-state" for *_, kb in _ents(nlp, "It is what it is, he said."))
    assert not any(kb == "islamic-state" for *_, kb in _ents(nlp, "WHAT IS NEXT FOR THE MARKETS"))


def test_common_noun_phrases_are_not_names(nlp: Language) -> None:
    assert not any(kb == "islamic-state" for *_, kb in _ents(nlp, "They want to build an Islamic state."))


def test_longer_model_name_keeps_its_extent(nlp: Language) -> None:
    ents = _ents(nlp, "Shares of Bank of America rose 3% on Tuesday.")
    assert not any(kb == "united-states" for *_, kb in ents)


def test_mt_artefact_needs_its_target_in_the_article(nlp: Language) -> None:
    doc = nlp("Dmitry Peskov spoke. “It was constructive,” added Sands.")
    assert [s.text for s in doc.spans[ARTEFACT_GROUP]] == ["Sands"]
    assert ("Sands", "PERSON", "dmitry-peskov") in [(e.text, e.label_, e.kb_id_) for e in doc.ents]
    doc = nlp("Las Vegas Sands reported higher revenue, said analysts.")
    assert not list(doc.spans[ARTEFACT_GROUP])


def test_dateline_place_is_a_gpe(nlp: Language) -> None:
    ents = _ents(nlp, "Headline here\n\nMELBOURNE, Feb 28 - Fires spread.")
    assert ("MELBOURNE", "GPE", "") in ents


def test_generic_body_takes_its_nationality(nlp: Language) -> None:
    ents = _ents(nlp, "It was reported by the press service of the Russian foreign Ministry on Monday.")
    assert ("Russian foreign Ministry", "ORG", "foreign-ministry") in ents


def test_a_namesake_of_a_known_person_keeps_the_name_and_its_surname(nlp: Language) -> None:
    text = "Daniil Medvedev beat Carl Holm 6-3 6-4 on Friday. Medvedev will face the winner of the next match."
    entities = resolve(nlp(text), add_gazetteer(nlp).entries, load_lexicon())
    [player] = [e for e in entities if e.name == "Daniil Medvedev"]
    assert player.kb_id is None and [m.text for m in player.mentions] == ["Daniil Medvedev", "Medvedev"]
    known = [(e.text, e.kb_id_) for e in nlp("Prime Minister Dmitri Medvedev spoke on Friday.").ents]
    assert known[0][1] == "dmitry-medvedev"


def test_a_place_before_a_noun_after_a_keeps_its_name_and_a_date_does_not_swallow_one(nlp: Language) -> None:
    assert ("U.S.", "GPE", "united-states") in _ents(nlp, "Omar Haddad, a U.S. lawyer, spoke to reporters on Friday.")
    assert ("England 1996-05-14", "DATE", "") in [(e.text, e.label_, e.kb_id_) for e in
                                                   _bare(nlp, "LEEDS, England 1996-05-14\nThe race was won.")]
    assert ("England", "GPE", "england") in _ents(nlp, "LEEDS, England 1996-05-14\nThe race was won.")


def _bare(nlp: Language, text: str) -> list[Span]:
    with nlp.select_pipes(disable=["wire_gazetteer"]):
        return list(nlp(text).ents)

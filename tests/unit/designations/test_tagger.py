"""Tagging real texts with real spaCy entities: the issue's acceptance cases."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import jsonschema
import msgspec

from pipeline.sections.designations import DesignatedOrganisation, Designations
from pipeline.sections.entities import Entity, Mention
from tests.schema_check import as_json

SEED = Path(__file__).resolve().parents[3] / "tests" / "fixtures" / "tass-syria-2015-10-08.txt"
SCHEMA = json.loads((Path(__file__).parents[3] / "schemas/sections/designations.schema.json").read_text())


def _orgs(section: Designations) -> dict[str, DesignatedOrganisation]:
    return {o.org_id: o for o in section.organisations}


def test_seed(tagger, entities_of) -> None:
    text = SEED.read_text()
    section = tagger.tag(text, date(2015, 10, 8), entities_of(text))
    jsonschema.validate(as_json(section), SCHEMA)
    orgs = _orgs(section)
    assert set(orgs) == {"islamic-state", "jabhat-al-nusra"}  # the Free Syrian Army is not designated
    isis = orgs["islamic-state"]
    assert isis.designated and not isis.notice_missing
    assert {"banned", "statement"} <= {m.notice.kind for m in isis.mentions if m.notice}
    assert orgs["jabhat-al-nusra"].notice_missing
    assert section.unlinked_notices == []


def test_extremist_with_and_without_notice(tagger, entities_of) -> None:
    with_notice = "Police detained members of Jehovah's Witnesses (an extremist organization banned in Russia) in Orel."
    without = "Police detained members of Jehovah's Witnesses in Orel on Tuesday."
    day = date(2019, 2, 6)
    a = _orgs(tagger.tag(with_notice, day, entities_of(with_notice)))["jehovahs-witnesses"]
    b = _orgs(tagger.tag(without, day, entities_of(without)))["jehovahs-witnesses"]
    assert a.mentions[0].notice.kind == "extremist" and not a.notice_missing
    assert b.notice_missing
    assert a.designations[0].since == "2017-04-20"


def test_foreign_agent_outlet_with_label(tagger, entities_of) -> None:
    text = "The report was first published by Meduza (recognized as a foreign agent in Russia) on Monday."
    org = _orgs(tagger.tag(text, date(2022, 3, 1), entities_of(text)))["meduza"]
    assert org.mentions[0].notice.kind == "foreign_agent"
    assert [d.category for d in org.designations] == ["foreign_agent"]
    assert org.other_designations[0].status == "not_yet"  # undesirable only from 2023


def test_delisted_before_article_date_is_not_flagged(tagger, entities_of) -> None:
    text = "A Taliban delegation arrived in Kazan for the Russia-Islamic World forum."
    org = _orgs(tagger.tag(text, date(2025, 5, 15), entities_of(text)))["taliban"]
    assert not org.notice_missing and not any(d.jurisdiction == "RU" for d in org.designations)
    assert [d.status for d in org.other_designations if d.jurisdiction == "RU"] == ["ended"]
    earlier = _orgs(tagger.tag(text, date(2024, 5, 15), entities_of(text)))["taliban"]
    assert earlier.notice_missing


def test_ambiguous_alias_in_unrelated_sense(tagger, entities_of) -> None:
    text = ("IG Metall called a strike at Volkswagen plants, and the port of Azov on the Sea of Azov "
            "reported record grain exports. The Memorial Day parade was held in Washington.")
    assert tagger.tag(text, date(2023, 5, 29), entities_of(text)).organisations == []


def test_ambiguous_alias_with_context(tagger, entities_of) -> None:
    text = "IS militants attacked a checkpoint near Palmyra, the Syrian army said."
    assert "islamic-state" in _orgs(tagger.tag(text, date(2016, 3, 1), entities_of(text)))


def test_mentions_link_to_ner_entities(tagger, entities_of) -> None:
    text = "Amnesty International said the verdict was unjust."
    entities = entities_of(text)
    org = _orgs(tagger.tag(text, date(2025, 7, 1), entities))["amnesty-international"]
    assert org.entity_id is not None and org.notice_missing


def test_unknown_start_date_is_not_designated(tagger, entities_of) -> None:
    text = "Right Sector activists gathered on the Maidan, and Right Sector leaders spoke to the crowd."
    before = _orgs(tagger.tag(text, date(2014, 3, 1), entities_of(text)))["right-sector"]
    assert (before.designated, before.designation_status, before.notice_missing) == (False, "unknown", False)
    assert {d.status for d in before.other_designations} == {"not_yet", "unknown"}
    assert all(d.seen == "2026-08-04" for d in before.other_designations if d.status == "unknown")
    after = _orgs(tagger.tag(text, date(2015, 1, 10), entities_of(text)))["right-sector"]
    assert after.designation_status == "designated" and after.notice_missing  # extremist since 17 Nov 2014


def test_lowercase_phrase_is_not_a_name(tagger, entities_of) -> None:
    text = "Fans in the right sector of the stand lit flares during the derby."
    assert tagger.tag(text, date(2022, 10, 20), entities_of(text)).organisations == []


def test_ambiguous_alias_inside_a_place(tagger, entities_of) -> None:
    text = "The veterans' organisation restored the monument. A storm closed ports on the Azov coast."
    assert tagger.tag(text, date(2023, 6, 10), entities_of(text)).organisations == []


def test_tagger_marks_fuzzy_mentions(tagger, entities_of) -> None:
    text = "A court in Saratov jailed followers of the Jehova's Witnesses (an extremist organization banned in Russia)."
    org = next(o for o in tagger.tag(text, date(2020, 2, 18), entities_of(text)).organisations)
    assert org.org_id == "jehovahs-witnesses" and org.designated and not org.notice_missing
    assert org.mentions[0].match == "fuzzy"


def test_entities_join_through_registry_ids(tagger) -> None:
    text = "The Ansar group claimed it."
    start = text.index("Ansar")
    entity = Entity(id="E1", label="ORG", name="Ansar", kb_id="some-gazetteer-id", registry_ids=["islamic-state"],
                    mentions=[Mention(start=start, end=start + 5, text="Ansar", source="gazetteer")])
    orgs = _orgs(tagger.tag(text, date(2016, 3, 1), [entity]))
    assert orgs["islamic-state"].entity_id == "E1"
    assert _orgs(tagger.tag(text, date(2016, 3, 1), [msgspec.structs.replace(entity, registry_ids=[])])) == {}


def test_an_entity_of_several_organisations_takes_the_matched_one(tagger) -> None:
    text = "Jabhat al-Nusra said it. Nusra fighters left."
    entity = Entity(id="E1", label="ORG", name="Jabhat al-Nusra", kb_id="jabhat-al-nusra",
                    registry_ids=["hayat-tahrir-al-sham", "jabhat-al-nusra"],
                    mentions=[Mention(start=0, end=15, text="Jabhat al-Nusra", source="gazetteer"),
                              Mention(start=25, end=30, text="Nusra", source="alias")])
    orgs = _orgs(tagger.tag(text, date(2016, 3, 1), [entity]))
    assert list(orgs) == ["jabhat-al-nusra"] and len(orgs["jabhat-al-nusra"].mentions) == 2

"""The stage on an Article: section, provenance, schema."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

import msgspec

from tests.stage_fixtures import article, stages
from tests.schema_check import as_json

SCHEMA = json.loads((Path(__file__).parents[3] / "schemas/sections/designations.schema.json").read_text())


def test_stage_writes_section_and_provenance() -> None:
    text = "Russian aircraft struck Islamic State (banned in Russia) positions near Raqqa."
    item = article(text, published_at="2015-10-08T10:00:00Z")
    stage = stages()["designations"]
    stage.process([item])
    section = item.designations
    assert section is not None
    jsonschema.validate(as_json(section), SCHEMA)
    assert section.as_of == "2015-10-08"
    assert msgspec.to_builtins(section.summary) == {"organisations": 1, "designated": 1, "designation_unknown": 0,
                                                    "notice_required": 1, "notice_missing": 0}
    assert stage.provenance().data_versions["registry"] == section.registry_version


def test_stage_tags_from_the_ner_stage_scan(monkeypatch) -> None:
    """One matcher per process and one scan per article: the designation stage reads the NER stage's scan."""
    from pipeline.aliases.matcher import AliasMatcher

    item = article("Fighters of Jabhat al-Nusra shelled Aleppo, the Defence Ministry said.",
                   published_at="2016-02-10T10:00:00Z")
    stages()["ner"].process([item])
    assert item.alias_scan is not None and item.entities is not None
    entity = next(e for e in item.entities if e.kb_id == "jabhat-al-nusra")
    assert "jabhat-al-nusra" in entity.registry_ids
    calls: list[str] = []
    monkeypatch.setattr(AliasMatcher, "scan", lambda self, text: calls.append(text))
    stages()["designations"].process([item])
    assert calls == []
    assert item.designations is not None
    org = item.designations.organisations[0]
    assert org.org_id == "jabhat-al-nusra" and org.entity_id == entity.id

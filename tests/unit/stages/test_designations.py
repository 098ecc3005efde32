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

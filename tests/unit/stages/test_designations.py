"""The stage on an Article: section, provenance, schema."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from pipeline.article import Article, RawArticle
from pipeline.config import Settings
from pipeline.stages.designations import DesignationStage

SCHEMA = json.loads((Path(__file__).parents[3] / "schemas/sections/designations.schema.json").read_text())


def test_stage_writes_section_and_provenance() -> None:
    text = "Russian aircraft struck Islamic State (banned in Russia) positions near Raqqa."
    raw = RawArticle(id="a1", source="tass", title="t", body=text, published_at="2015-10-08T10:00:00Z")
    article = Article(raw=raw, text=text)
    stage = DesignationStage(Settings())
    stage.setup()
    stage.process([article])
    section = article.sections["designations"]
    jsonschema.validate(section, SCHEMA)
    assert section["as_of"] == "2015-10-08"
    assert section["summary"] == {"organisations": 1, "designated": 1, "designation_unknown": 0,
                                  "notice_required": 1, "notice_missing": 0}
    assert stage.provenance() == {"registry_version": section["registry_version"]}

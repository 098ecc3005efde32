"""The NER stage: one entity per real-world person, organisation or place, with every mention.

Backends per language (``backend_types``); English: spaCy's entities corrected
by the wire-copy gazetteer (:mod:`pipeline.entities.english`). The stage is
batched: the model parses a chunk of articles in one call, so its time is
recorded per chunk.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import ClassVar

from pipeline.stages.base import LanguageStage, StageConfig


class NerConfig(StageConfig):
    """Settings of the NER stage."""

    spacy_model: str
    registry_path: Path | None


class NerStage(LanguageStage[NerConfig]):
    """Writes ``article.doc``, ``article.model`` and ``article.entities``."""

    name: ClassVar[str] = "ner"
    config_type: ClassVar[type[StageConfig]] = NerConfig
    batched: ClassVar[bool] = True
    backend_types: ClassVar[Mapping[str, str]] = {"en": "pipeline.entities.english:EnglishEntities",
                                                  "ru": "pipeline.entities.russian:RussianEntities"}

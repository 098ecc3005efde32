"""The designations stage: which organisations are designated as of the article's date, and does it say so.

Backends per language (``backend_types``); English: :mod:`pipeline.designations.english`.
An article in a language no backend handles still gets the section, empty, dated
and versioned, so a consumer can tell "nothing designated" from "not looked at"
through ``skipped_stages``.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import ClassVar

from pipeline.article import Article
from pipeline.designations.section import empty_section
from pipeline.stages.base import LanguageStage, StageConfig


class DesignationsConfig(StageConfig):
    """Settings of the designations stage."""

    registry_path: Path | None
    notice_jurisdiction: str


class DesignationStage(LanguageStage[DesignationsConfig]):
    """Writes ``article.designations`` from the text, the date and the NER entities."""

    name: ClassVar[str] = "designations"
    config_type: ClassVar[type[StageConfig]] = DesignationsConfig
    backend_types: ClassVar[Mapping[str, str]] = {"en": "pipeline.designations.english:EnglishDesignations",
                                                  "ru": "pipeline.designations.russian:RussianDesignations"}

    def skip(self, article: Article) -> None:
        article.designations = empty_section(article, self.config.registry_path, self.config.notice_jurisdiction)

"""The designations stage: which organisations are designated, and does the article say so."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from pipeline.article import Article
from pipeline.config import Settings
from pipeline.designations.registry import load_registry
from pipeline.designations.tagger import Tagger
from pipeline.stages.base import Stage


class DesignationStage(Stage):
    """Writes ``article.sections["designations"]`` from the text, the date and the NER entities."""

    name = "designations"
    #: whose notice rules apply; Russia's until Settings carries a setting for it
    notice_jurisdiction = "RU"

    def __init__(self, settings: Settings) -> None:
        super().__init__(settings)
        self._tagger: Tagger | None = None

    def setup(self) -> None:
        self._tagger = Tagger(load_registry(self.settings.registry_path), self.notice_jurisdiction)

    def process(self, articles: Sequence[Article]) -> None:
        if self._tagger is None:
            self.setup()
        assert self._tagger is not None
        for article in articles:
            day = date.fromisoformat(article.raw.published_at[:10])
            entities = article.sections.get("entities") or []
            article.sections["designations"] = self._tagger.tag(article.text, day, entities)

    def provenance(self) -> dict[str, Any]:
        return {"registry_version": load_registry(self.settings.registry_path).version}

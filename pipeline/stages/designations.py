"""The designations stage: which organisations are designated, and does the article say so."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from pipeline.article import Article
from pipeline.config import Settings
from pipeline.designations.tagger import Tagger
from pipeline.entities.gazetteer import load_gazetteer
from pipeline.entities.matcher import ALIAS_SCAN
from pipeline.registry.registry import load_registry
from pipeline.stages.base import Stage


class DesignationStage(Stage):
    """Writes ``article.sections["designations"]`` from the text, the date and the NER entities."""

    name = "designations"

    def __init__(self, settings: Settings) -> None:
        super().__init__(settings)
        self._tagger: Tagger | None = None

    def setup(self) -> None:
        path = self.settings.registry_path
        _, matcher = load_gazetteer(str(path) if path else None)  # the NER stage's matcher, built once
        self._tagger = Tagger(load_registry(path), self.settings.notice_jurisdiction, matcher)

    def _tag(self, article: Article, text: str, entities: list[dict[str, Any]]) -> None:
        if self._tagger is None:
            self.setup()
        assert self._tagger is not None
        day = date.fromisoformat(article.raw.published_at[:10])
        article.sections["designations"] = self._tagger.tag(text, day, entities, article.extras.get(ALIAS_SCAN))

    def process(self, articles: Sequence[Article]) -> None:
        for article in articles:
            self._tag(article, article.text, article.sections.get("entities") or [])

    def skip(self, article: Article) -> None:
        """The empty section, dated and versioned like any other."""
        self._tag(article, "", [])

    def provenance(self) -> dict[str, Any]:
        return {"registry_version": load_registry(self.settings.registry_path).version}

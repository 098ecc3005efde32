"""The English designations backend: registry aliases, NER entities and notices in English copy."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from pipeline.article import Article
from pipeline.aliases.text import DATA_DIR as ALIAS_DATA_DIR
from pipeline.designations.notices import DATA_DIR
from pipeline.designations.section import article_day
from pipeline.designations.tagger import Tagger
from pipeline.lexicon import load_lexicon
from pipeline.registry.registry import load_registry
from pipeline.stages.base import Backend, StageProvenance
from pipeline.version import content_hash

if TYPE_CHECKING:
    from pipeline.stages.designations import DesignationsConfig


class EnglishDesignations(Backend["DesignationsConfig"]):
    """Designation tagging of English copy."""

    tagger: Tagger

    def setup(self) -> None:
        self.tagger = Tagger(load_registry(self.config.registry_path), self.config.notice_jurisdiction)

    def process(self, articles: Sequence[Article]) -> None:
        for article in articles:
            article.designations = self.tagger.tag(article.text, article_day(article), article.entities or [],
                                                   article.alias_scan)

    def provenance(self) -> StageProvenance:
        return StageProvenance(data_versions={
            "registry": self.tagger.registry.version,
            "notice_patterns.en": content_hash(DATA_DIR / "notices.yaml"),
            "designation_context.en": content_hash(ALIAS_DATA_DIR),
            **load_lexicon().data_versions(),  # connectors of the fuzzy matcher
        })

"""The English designations backend: registry aliases, NER entities and notices in English copy."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.article import Article
from pipeline.aliases.text import DATA_DIR as ALIAS_DATA_DIR
from pipeline.designations.notices import DATA_DIR
from pipeline.designations.tagger import Tagger
from pipeline.lexicon import load_lexicon
from pipeline.registry.registry import load_registry
from pipeline.sections.designations import Designations, Summary
from pipeline.stages.base import Backend, StageProvenance
from pipeline.version import content_hash

if TYPE_CHECKING:
    from pipeline.stages.designations import DesignationsConfig


def _day(article: Article) -> date:
    return date.fromisoformat(article.raw.published_at[:10])


def empty_section(article: Article, registry_path: Path | None, jurisdiction: str) -> Designations:
    """The section of an article no backend looked at: dated and versioned, with nothing in it."""
    return Designations(as_of=_day(article).isoformat(), registry_version=load_registry(registry_path).version,
                        notice_jurisdiction=jurisdiction, organisations=[], unlinked_notices=[],
                        summary=Summary(organisations=0, designated=0, designation_unknown=0, notice_required=0,
                                        notice_missing=0))


class EnglishDesignations(Backend["DesignationsConfig"]):
    """Designation tagging of English copy."""

    tagger: Tagger

    def setup(self) -> None:
        self.tagger = Tagger(load_registry(self.config.registry_path), self.config.notice_jurisdiction)

    def process(self, articles: Sequence[Article]) -> None:
        for article in articles:
            article.designations = self.tagger.tag(article.text, _day(article), article.entities or [],
                                                   article.alias_scan)

    def provenance(self) -> StageProvenance:
        return StageProvenance(data_versions={
            "registry": self.tagger.registry.version,
            "notice_patterns.en": content_hash(DATA_DIR / "notices.yaml"),
            "designation_context.en": content_hash(ALIAS_DATA_DIR),
            **load_lexicon().data_versions(),  # connectors of the fuzzy matcher
        })

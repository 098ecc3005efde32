"""What every designations backend and the stage share: the article's day and the empty section."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pipeline.article import Article
from pipeline.registry.registry import load_registry
from pipeline.sections.designations import Designations, Summary


def article_day(article: Article) -> date:
    """The day designations are judged as of: the article's publication date."""
    return date.fromisoformat(article.raw.published_at[:10])


def empty_section(article: Article, registry_path: Path | None, jurisdiction: str) -> Designations:
    """The section of an article no backend looked at: dated and versioned, with nothing in it."""
    return Designations(as_of=article_day(article).isoformat(), registry_version=load_registry(registry_path).version,
                        notice_jurisdiction=jurisdiction, organisations=[], unlinked_notices=[],
                        summary=Summary(organisations=0, designated=0, designation_unknown=0, notice_required=0,
                                        notice_missing=0))

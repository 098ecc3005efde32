"""The real stages, built from configuration and set up once per test session, and articles to feed them."""

from __future__ import annotations

from functools import cache

from pipeline.article import Article, RawArticle
from pipeline.config import Settings
from pipeline.stages.base import Stage
from pipeline.stages.registry import build_stages


@cache
def stages() -> dict[str, Stage]:
    """Every configured stage by name, set up (the model loads once per process)."""
    built = {stage.name: stage for stage in build_stages(Settings(metrics_port=0))}
    for stage in built.values():
        stage.setup()
    return built


def article(text: str, published_at: str = "2015-10-08T00:00:00Z", language: str = "en") -> Article:
    """An article whose text is already clean (stage tests start after the clean stage)."""
    raw = RawArticle(id="t", source="test", title="", body=text, published_at=published_at)
    return Article(raw=raw, text=text, language=language)


def run(text: str, *names: str, published_at: str = "2015-10-08T00:00:00Z") -> Article:
    """``text`` through the named stages (default: ner, quotes), in order."""
    item = article(text, published_at)
    for name in names or ("ner", "quotes"):
        stages()[name].process([item])
    return item

"""The Russian designations backend on real natasha entities, shared by the Russian designation tests."""

from __future__ import annotations

from functools import cache

from pipeline.article import Article, RawArticle
from pipeline.config import Settings
from pipeline.designations.russian import RussianDesignations
from pipeline.entities.russian import build_entities, load_names
from pipeline.nlp_ru import load_russian
from pipeline.sections.designations import Designations
from pipeline.stages.designations import DesignationsConfig


@cache
def russian_backend() -> RussianDesignations:
    """One set-up backend per test session (the registry and the alias index load once)."""
    backend = RussianDesignations(DesignationsConfig.from_settings(Settings(metrics_port=0)))
    backend.setup()
    return backend


def tag_russian(text: str, day: str) -> Designations:
    """The designations section of a Russian ``text`` published on ``day``."""
    article = Article(RawArticle(id="t", source="t", title="", body=text, published_at=day), text=text,
                      language="ru")
    article.entities = build_entities(load_russian().parse(text), load_names())
    russian_backend().process([article])
    assert article.designations is not None
    return article.designations

"""The Russian benchmark articles (bench/russian.py, phase 6 of bench/throughput.py) are reproducible
valid raw Russian articles of news length, each under its own TASS dateline."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import orjson

from pipeline.records import decode_raw_article
from pipeline.text.language import LanguageDetector

BENCH = Path(__file__).resolve().parents[2] / "bench"


def _russian() -> ModuleType:
    """bench/ is a folder of scripts that import each other by name: load bench/russian.py with it on the path."""
    sys.path.insert(0, str(BENCH))
    try:
        spec = importlib.util.spec_from_file_location("bench_russian", BENCH / "russian.py")
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(BENCH))


def test_russian_bench_articles_are_reproducible_valid_russian_articles() -> None:
    russian = _russian()
    articles = russian.bench_articles(12)
    assert [a.raw for a in articles] == [a.raw for a in russian.bench_articles(12)]
    assert [a.raw for a in articles] != [a.raw for a in russian.bench_articles(12, seed=8)]
    assert len({a.raw["id"] for a in articles}) == 12
    detector = LanguageDetector()
    for article in articles:
        raw = decode_raw_article(orjson.dumps(article.raw), 1_000_000)
        assert raw.language == "ru" and raw.body == article.text
        assert article.text.startswith("МОСКВА, 2 марта. /ТАСС/. ")
        assert article.text.count("/ТАСС/") == 1  # the gold items' own datelines are cut
        assert 400 <= article.words <= 1300
        assert detector.detect(article.text, None).code == "ru"

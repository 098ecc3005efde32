"""The benchmark corpus is reproducible, of realistic length, and made of valid raw articles."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import orjson

from pipeline.records import decode_raw_article

CORPUS_PY = Path(__file__).resolve().parents[2] / "bench" / "corpus.py"


def _corpus() -> ModuleType:
    """bench/ is a folder of scripts, not a package: load the module from its file."""
    spec = importlib.util.spec_from_file_location("bench_corpus", CORPUS_PY)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses resolve annotations through sys.modules
    spec.loader.exec_module(module)
    return module


def test_same_seed_same_bytes_other_seed_other_articles(tmp_path: Path) -> None:
    corpus = _corpus()
    first, again, other = tmp_path / "a.jsonl", tmp_path / "b.jsonl", tmp_path / "c.jsonl"
    corpus.write_jsonl(first, 60)
    corpus.write_jsonl(again, 60)
    corpus.write_jsonl(other, 60, seed=corpus.SEED + 1)
    assert first.read_bytes() == again.read_bytes()
    assert first.read_bytes() != other.read_bytes()


def test_articles_are_valid_raw_articles_of_400_to_1000_words() -> None:
    corpus = _corpus()
    articles = list(corpus.generate(60))
    assert len({a.raw["id"] for a in articles}) == 60
    for article in articles:
        raw = decode_raw_article(orjson.dumps(article.raw), 1_000_000)
        assert raw.language == "en"
        assert 400 <= article.words <= 1000
        if raw.content_type == "text/plain":
            assert raw.body == article.text
    assert {a.raw["content_type"] for a in articles} == {"text/plain", "text/html"}


def test_wire_copy_features_survive_recombination() -> None:
    corpus = _corpus()
    articles = list(corpus.generate(60))
    assert all(corpus.DATELINE.match(a.text) for a in articles)  # "BERLIN, May 4. ..."
    assert all("“" in a.text for a in articles)
    assert any(corpus.NOTICE.search(a.text) for a in articles)

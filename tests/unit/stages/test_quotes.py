"""The quotes stage over real NER output: the seed article's attributions and the record shape."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import jsonschema
import orjson
import pytest

from pipeline.article import Article, RawArticle
from pipeline.config import Settings
from pipeline.errors import StageError
from pipeline.stages.ner import NerStage
from pipeline.stages.quotes import QuoteStage

REPO = Path(__file__).resolve().parents[3]
SEED = REPO / "tests" / "fixtures" / "tass-syria-2015-10-08.txt"
SCHEMA = orjson.loads((REPO / "schemas" / "sections" / "quotes.schema.json").read_bytes())


@cache
def stages() -> tuple[NerStage, QuoteStage]:
    """NER and quotes stages, set up once per test session (loading the model is the slow part)."""
    settings = Settings(metrics_port=0)
    ner, quotes = NerStage(settings), QuoteStage(settings)
    ner.setup()
    quotes.setup()
    return ner, quotes


def run(text: str) -> Article:
    article = Article(raw=RawArticle(id="t", source="test", title="", body=text, published_at="2015-10-08"),
                      text=text)
    for stage in stages():
        stage.process([article])
    return article


def by_start(article: Article, snippet: str) -> dict:
    start = article.text.index(snippet)
    return next(q for q in article.sections["quotes"] if q["content"]["start"] <= start < q["content"]["end"])


@pytest.fixture(scope="module")
def seed() -> Article:
    return run(SEED.read_text(encoding="utf-8"))


def test_seed_output_is_schema_valid(seed: Article) -> None:
    jsonschema.validate(seed.sections["quotes"], SCHEMA)
    for q in seed.sections["quotes"]:
        assert seed.text[q["content"]["start"]:q["content"]["end"]] == q["content"]["text"]


@pytest.mark.parametrize(("snippet", "speaker", "kind"), [
    ("I don’t would like to reveal", "Dmitry Peskov", "direct"),       # “…,” he told reporters
    ("He was very constructive", "Dmitry Peskov", "direct"),           # “…,” added Sands (MT artefact)
    ("Mr. Hollande expressed", "Vladimir Putin", "direct"),            # “…,” – said Putin
    ("However, we don’t know", "Vladimir Putin", "direct"),            # “…,” he said
    ("the Hollande made the suggestion", "Vladimir Putin", "indirect"),  # Putin said that …
    ("the foreign Ministry will continue", "Vladimir Putin", "indirect"),  # He added that …
])
def test_seed_attributions(seed: Article, snippet: str, speaker: str, kind: str) -> None:
    quote = by_start(seed, snippet)
    assert (quote["speaker_name"], quote["type"]) == (speaker, kind)
    assert quote["speaker_entity"] is not None


def test_seed_scare_quotes_and_nested_names_are_not_quotes(seed: Article) -> None:
    contents = [q["content"]["text"] for q in seed.sections["quotes"]]
    assert not any(c.startswith(("Islamic state", "free Syrian army", "jabhat")) for c in contents)


def test_unparsed_article_fails_the_article() -> None:
    article = Article(raw=RawArticle(id="u", source="t", title="", body="x", published_at="2020"), text="x")
    with pytest.raises(StageError):
        QuoteStage(Settings(metrics_port=0)).process([article])


def test_stage_without_entities_section_uses_the_doc_entities() -> None:
    article = run("“We will not retreat,” Angela Merkel said.")
    del article.sections["entities"]
    QuoteStage(Settings(metrics_port=0)).process([article])
    [quote] = article.sections["quotes"]
    assert quote["speaker_name"] == "Angela Merkel"


@pytest.mark.parametrize("text", [
    "“We took the dog and ran.” — Eleni Papadaki, 67.",
    "Acts of protest, Mr. Obama said, are acts of patriotism.",
    "Paxton rejected Smith's claim that the plaintiffs lacked standing.",
    "As the then head of the administration Sergei Ivanov, Russia will use only aviation in Syria.",
])
def test_every_rule_writes_schema_valid_records(text: str) -> None:
    quotes = run(text).sections["quotes"]
    assert quotes
    jsonschema.validate(quotes, SCHEMA)

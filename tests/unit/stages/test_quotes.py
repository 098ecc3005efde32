"""The quotes stage over real NER output: the seed article's attributions and the record shape."""

from __future__ import annotations

from pathlib import Path

import jsonschema
import orjson
import pytest

from pipeline.article import Article
from pipeline.errors import StageError
from pipeline.sections.quotes import Quote
from tests.stage_fixtures import article, stages
from tests.stage_fixtures import run as run_stages
from tests.schema_check import as_json

REPO = Path(__file__).resolve().parents[3]
SEED = REPO / "tests" / "fixtures" / "tass-syria-2015-10-08.txt"
SCHEMA = orjson.loads((REPO / "schemas" / "sections" / "quotes.schema.json").read_bytes())


def run(text: str) -> Article:
    return run_stages(text, "ner", "quotes")


def by_start(article: Article, snippet: str) -> Quote:
    start = article.text.index(snippet)
    return next(q for q in article.quotes if q.content.start <= start < q.content.end)


@pytest.fixture(scope="module")
def seed() -> Article:
    return run(SEED.read_text(encoding="utf-8"))


def test_seed_output_is_schema_valid(seed: Article) -> None:
    jsonschema.validate(as_json(seed.quotes), SCHEMA)
    for q in seed.quotes:
        assert seed.text[q.content.start:q.content.end] == q.content.text


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
    assert (quote.speaker_name, quote.type) == (speaker, kind)
    assert quote.speaker_entity is not None


def test_seed_scare_quotes_and_nested_names_are_not_quotes(seed: Article) -> None:
    contents = [q.content.text for q in seed.quotes]
    assert not any(c.startswith(("Islamic state", "free Syrian army", "jabhat")) for c in contents)


def test_unparsed_article_fails_the_article() -> None:
    with pytest.raises(StageError):
        stages()["quotes"].process([article("x")])


def test_stage_without_entities_section_uses_the_doc_entities() -> None:
    parsed = run("“We will not retreat,” Angela Merkel said.")
    parsed.entities = None
    stages()["quotes"].process([parsed])
    [quote] = parsed.quotes
    assert quote.speaker_name == "Angela Merkel"


@pytest.mark.parametrize("text", [
    "“We took the dog and ran.” — Eleni Papadaki, 67.",
    "Acts of protest, Mr. Obama said, are acts of patriotism.",
    "Paxton rejected Smith's claim that the plaintiffs lacked standing.",
    "Moderator Gwen Harris asked both candidates whether they would accept the result.",
    "As the then head of the administration Sergei Ivanov, Russia will use only aviation in Syria.",
])
def test_every_rule_writes_schema_valid_records(text: str) -> None:
    quotes = run(text).quotes
    assert quotes
    jsonschema.validate(as_json(quotes), SCHEMA)

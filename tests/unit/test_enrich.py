"""The runner: one outcome per message, in order, failures isolated to single articles."""

from __future__ import annotations

from collections.abc import Sequence

import orjson
import pytest

from pipeline.article import Article, Origin
from pipeline.config import Settings
from pipeline.enrich import Enricher, Message
from pipeline.stages.base import Stage
from tests.conftest import SAMPLES
from tests.schema_check import assert_valid

POISON = "POISON-PILL"


class FailsOnMarker(Stage):
    """Test-only stage: raises on any article whose text contains the marker."""

    name = "failing"
    english_only = False

    def process(self, articles: Sequence[Article]) -> None:
        for article in articles:
            if POISON in article.text:
                raise ValueError("injected failure")


def messages(values: list[bytes]) -> list[Message]:
    return [Message(value, None, Origin("raw", 0, offset)) for offset, value in enumerate(values)]


def test_one_outcome_per_message_in_input_order(enricher: Enricher) -> None:
    values = SAMPLES.read_bytes().splitlines() + [b"not json"]
    outcomes = enricher.enrich(messages(values))
    assert [o.message.origin.offset for o in outcomes] == list(range(len(values)))
    assert [o.dead for o in outcomes] == [False] * (len(values) - 1) + [True]
    for outcome in outcomes[:-1]:
        assert_valid("enriched-record", outcome.record)
        assert set(outcome.record["provenance"]["timings_ms"]) <= {s.name for s in enricher.stages}


def test_an_exception_in_a_stage_dead_letters_only_that_article(enricher: Enricher, settings) -> None:
    poisoned = orjson.dumps({"id": "bad", "source": "t", "title": "t", "body": f"A {POISON} article.",
                             "published_at": "2024-01-01"})
    values = SAMPLES.read_bytes().splitlines()[:3] + [poisoned]
    runner = Enricher(settings, [*enricher.stages, FailsOnMarker(settings)])
    outcomes = runner.enrich(messages(values))
    assert [o.dead for o in outcomes] == [False, False, False, True]
    letter = outcomes[-1].record
    assert (letter["error_class"], letter["stage"], letter["article_id"]) == ("StageError", "failing", "bad")
    assert "ValueError: injected failure" in letter["reason"]


def test_non_english_articles_skip_english_only_stages(enricher: Enricher) -> None:
    russian = next(v for v in SAMPLES.read_bytes().splitlines() if b'"language":"ru"' in v)
    [outcome] = enricher.enrich(messages([russian]))
    assert not outcome.dead
    english_only = [s.name for s in enricher.stages if s.english_only]
    assert outcome.record["skipped_stages"] == english_only
    assert outcome.record["entities"] == [] and outcome.record["quotes"] == []


def test_a_record_over_the_size_limit_becomes_a_dead_letter(stages, settings) -> None:
    tight = settings.model_copy(update={"max_record_bytes": 5_000})  # below what the validator allows
    seed = SAMPLES.read_bytes().splitlines()[0]
    [outcome] = Enricher(tight, stages).enrich(messages([seed]))
    assert outcome.dead
    assert (outcome.record["error_class"], outcome.record["stage"]) == ("RecordTooLarge", "publish")
    assert outcome.record["article_id"] == "tass-syria-2015-10-08"


def test_settings_refuse_a_record_limit_too_small_for_dead_letters() -> None:
    with pytest.raises(ValueError, match="max_record_bytes must be at least"):
        Settings(max_message_bytes=1_000_000, max_record_bytes=1_000_000)

"""The runner: one outcome per message, in order, failures isolated to single articles."""

from __future__ import annotations

from collections.abc import Sequence

import orjson
import pytest

from pipeline.article import Article, Origin
from pipeline.config import Settings
from pipeline.enrich import Enricher, Message
from pipeline.sections.record import DeadLetter, EnrichedRecord
from pipeline.stages.base import NoConfig, Stage
from tests.conftest import SAMPLES
from tests.schema_check import assert_valid

POISON = "POISON-PILL"


class FailsOnMarker(Stage[NoConfig]):
    """Test-only stage: raises on any article whose text contains the marker."""

    name = "failing"

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
        assert_valid("enriched-record", orjson.loads(outcome.value))
        provenance = outcome.record.provenance
        timed = set(provenance.timings_ms) | set(provenance.chunk_timings)
        assert timed | set(outcome.record.skipped_stages) == {s.name for s in enricher.stages}


def test_an_exception_in_a_stage_dead_letters_only_that_article(enricher: Enricher, settings) -> None:
    poisoned = orjson.dumps({"id": "bad", "source": "t", "title": "t", "body": f"A {POISON} article.",
                             "published_at": "2024-01-01"})
    values = SAMPLES.read_bytes().splitlines()[:3] + [poisoned]
    runner = Enricher(settings, [*enricher.stages, FailsOnMarker(NoConfig())])
    outcomes = runner.enrich(messages(values))
    assert [o.dead for o in outcomes] == [False, False, False, True]
    letter = outcomes[-1].record
    assert isinstance(letter, DeadLetter)
    assert (letter.error_class, letter.stage, letter.article_id) == ("StageError", "failing", "bad")
    assert "ValueError: injected failure" in letter.reason


UKRAINIAN = orjson.dumps({
    "id": "uk-1", "source": "t", "title": "Кабмін", "language": "ru", "published_at": "2024-01-01",
    "body": "Кабінет міністрів України ухвалив рішення про підвищення мінімальної заробітної плати з "
            "наступного року. Як повідомили у міністерстві, зміни торкнуться понад двох мільйонів працівників."})


def test_stages_without_a_backend_for_the_language_are_skipped(enricher: Enricher) -> None:
    """Ukrainian copy declared Russian is detected as Ukrainian and never analysed with the Russian models."""
    [outcome] = enricher.enrich(messages([UKRAINIAN]))
    assert isinstance(outcome.record, EnrichedRecord)
    assert outcome.record.language == "uk"
    without_ukrainian = [s.name for s in enricher.stages if not s.handles("uk")]
    assert without_ukrainian == ["ner", "quotes", "designations"]
    assert outcome.record.skipped_stages == without_ukrainian
    assert outcome.record.entities == [] and outcome.record.quotes == []
    assert outcome.record.designations is not None and outcome.record.designations.organisations == []


def test_a_record_over_the_size_limit_becomes_a_dead_letter(stages, settings) -> None:
    tight = settings.model_copy(update={"max_record_bytes": 5_000})  # below what the validator allows
    seed = SAMPLES.read_bytes().splitlines()[0]
    [outcome] = Enricher(tight, stages).enrich(messages([seed]))
    assert isinstance(outcome.record, DeadLetter)
    assert (outcome.record.error_class, outcome.record.stage) == ("RecordTooLarge", "publish")
    assert outcome.record.article_id == "tass-syria-2015-10-08"


def test_stage_times_are_measured_per_article_or_stated_per_chunk(enricher: Enricher) -> None:
    english = [v for v in SAMPLES.read_bytes().splitlines() if b'"language":"ru"' not in v]
    records = [o.record for o in enricher.enrich(messages(english)) if isinstance(o.record, EnrichedRecord)]
    assert len(records) == len(english) >= 3
    for name in ("clean", "quotes", "designations"):  # one article per call: each its own time, not a shared one
        assert len({r.provenance.timings_ms[name] for r in records}) > 1
    chunks = {(c.chunk_ms, c.chunk_size) for r in records for c in [r.provenance.chunk_timings["ner"]]}
    assert "ner" not in records[0].provenance.timings_ms
    assert sum(size for _, size in chunks) == len(records)  # each chunk is named once per article in it


def test_settings_refuse_a_record_limit_too_small_for_dead_letters() -> None:
    with pytest.raises(ValueError, match="max_record_bytes must be at least"):
        Settings(max_message_bytes=1_000_000, max_record_bytes=1_000_000)


def test_russian_sample_gets_entities_and_quotes(enricher: Enricher) -> None:
    russian = next(v for v in SAMPLES.read_bytes().splitlines() if b'"language":"ru"' in v)
    [outcome] = enricher.enrich(messages([russian]))
    record = outcome.record
    assert isinstance(record, EnrichedRecord)
    assert_valid("enriched-record", orjson.loads(outcome.value))
    assert record.skipped_stages == []
    peskov = next(e for e in record.entities if e.label == "PERSON")
    assert peskov.name == "Дмитрий Песков"
    assert {q.type for q in record.quotes} == {"direct", "indirect"}
    assert all(q.speaker_entity == peskov.id for q in record.quotes)
    assert record.provenance.model.name == "natasha_news"

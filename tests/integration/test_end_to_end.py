"""The whole pipeline against the real broker: every input offset ends in exactly one output topic."""

from __future__ import annotations

import asyncio
import base64
import uuid

import orjson
import pytest
from aiokafka import AIOKafkaConsumer
from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.structs import TopicPartition

from pipeline.config import Settings
from pipeline.kafka.client import ArticleProducer, collect_outcomes
from pipeline.kafka.security import client_kwargs
from pipeline.kafka.topics import ensure_topics
from tests.conftest import SAMPLES
from tests.schema_check import assert_valid

pytestmark = pytest.mark.integration


def isolated(settings: Settings, **overrides: object) -> Settings:
    """Settings with topics and consumer group of their own, so tests do not see each other."""
    tag = uuid.uuid4().hex[:8]
    return settings.model_copy(update={
        "app_id": f"wirestream-test-{tag}",
        "topic_raw": f"raw-{tag}",
        "topic_enriched": f"enriched-{tag}",
        "topic_dead_letter": f"dlq-{tag}",
        "topic_partitions": 2,
        **overrides,
    })


def article(**fields: object) -> bytes:
    base = {"id": f"t-{uuid.uuid4().hex[:6]}", "source": "test", "title": "T", "body": "Some body text.",
            "published_at": "2024-01-01T00:00:00Z"}
    return orjson.dumps({**base, **fields})


#: malformed inputs and the error class each must be dead-lettered with
MALFORMED: list[tuple[bytes, str]] = [
    (b"this is not json", "NotJson"),
    (b"\xff\xfe\x00garbage", "NotUtf8"),
    (orjson.dumps({"id": "no-body", "source": "test"}), "SchemaViolation"),
    (orjson.dumps(["an", "array"]), "SchemaViolation"),
    (article(schema_version=99), "UnsupportedSchemaVersion"),
    (article(body="   \n\t  "), "EmptyBody"),
    (article(body="word " * 60_000), "BodyTooLarge"),
    (b"[" * 100_000 + b"]" * 100_000, "NotJson"),
]


async def committed_equals_highwater(settings: Settings) -> dict:
    """Per raw partition: (committed offset of the worker's group, high watermark)."""
    admin = AIOKafkaAdminClient(**client_kwargs(settings))
    consumer = AIOKafkaConsumer(**client_kwargs(settings))
    await admin.start()
    await consumer.start()
    try:
        committed = await admin.list_consumer_group_offsets(settings.app_id)
        partitions = [TopicPartition(settings.topic_raw, p) for p in range(settings.topic_partitions)]
        ends = await consumer.end_offsets(partitions)
        return {tp.partition: (committed.get(tp).offset if committed.get(tp) else 0, ends[tp]) for tp in partitions}
    finally:
        await admin.close()
        await consumer.stop()


async def test_every_offset_lands_in_exactly_one_output_topic(kafka: Settings, start_worker) -> None:
    settings = isolated(kafka)
    await ensure_topics(settings)
    samples = SAMPLES.read_bytes().splitlines()
    inputs = [(value, None) for value in samples] + MALFORMED
    worker = start_worker(settings)

    async with ArticleProducer(settings, validate=False) as producer:
        reports = await producer.send_many(value for value, _ in inputs)
    produced = {(r.partition, r.offset): inputs[i] for i, r in enumerate(reports)}
    outcomes = await worker.alongside(collect_outcomes(settings, produced, timeout_s=180))

    missing = set(produced) - set(outcomes)
    assert not missing, f"no output for {missing}; worker log:\n{worker.log_tail()}"
    for coordinates, results in outcomes.items():
        assert len(results) == 1, f"{coordinates} produced {len(results)} outputs"
        topic, record = results[0]
        value, expected_error = produced[coordinates]
        if expected_error is None:
            assert topic == settings.topic_enriched, record
            assert_valid("enriched-record", record)
            assert record["provenance"]["input"]["offset"] == coordinates[1]
        else:
            assert topic == settings.topic_dead_letter, f"{expected_error} was published: {record.get('id')}"
            assert_valid("dead-letter", record)
            assert record["error_class"] == expected_error, record["reason"]
            assert base64.b64decode(record["original_base64"]) == value

    assert worker.stop() == 0, worker.log_tail()
    offsets = await committed_equals_highwater(settings)
    assert all(committed == end for committed, end in offsets.values()), offsets


async def test_enriched_records_are_keyed_by_article_id_and_carry_schema_headers(
    kafka: Settings, start_worker
) -> None:
    settings = isolated(kafka)
    await ensure_topics(settings)
    worker = start_worker(settings)
    value = SAMPLES.read_bytes().splitlines()[0]
    async with ArticleProducer(settings) as producer:
        [report] = await producer.send_many([value])
    await worker.alongside(collect_outcomes(settings, [(report.partition, report.offset)], timeout_s=120))

    consumer = AIOKafkaConsumer(settings.topic_enriched, **client_kwargs(settings),
                                auto_offset_reset="earliest")
    await consumer.start()
    try:
        message = await asyncio.wait_for(consumer.getone(), timeout=30)
    finally:
        await consumer.stop()
    assert message.key == orjson.loads(value)["id"].encode()
    assert dict(message.headers) == {"schema": b"wirestream.enriched", "schema-version": b"1"}

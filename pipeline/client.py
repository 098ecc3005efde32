"""Producing raw articles and reading the output topics from Python (on aiokafka).

``ArticleProducer`` validates before sending (unless told not to, e.g. to test
the dead-letter path) and keys each message by article id;
``read_topic`` iterates a topic's records from the beginning or the end.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterable
from types import TracebackType

import orjson
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from aiokafka.structs import ConsumerRecord, RecordMetadata

from pipeline.config import Settings
from pipeline.records import decode_raw_article


class ArticleProducer:
    """Sends raw articles to the raw topic, keyed by id, and waits for delivery."""

    def __init__(self, settings: Settings, validate: bool = True) -> None:
        self.settings = settings
        self.validate = validate
        self._producer = AIOKafkaProducer(
            bootstrap_servers=settings.bootstrap_servers,
            acks="all",
            linger_ms=5,
            max_request_size=max(settings.max_message_bytes * 4, 1_048_576),
        )

    async def __aenter__(self) -> ArticleProducer:
        await self._producer.start()
        return self

    async def __aexit__(self, *exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        await self._producer.stop()

    def _key(self, value: bytes) -> bytes | None:
        """The article id as key; messages that are not articles go unkeyed."""
        if self.validate:
            return decode_raw_article(value, self.settings.max_message_bytes).id.encode()
        try:
            article_id = orjson.loads(value).get("id")
        except (orjson.JSONDecodeError, AttributeError):
            return None
        return article_id.encode() if isinstance(article_id, str) else None

    async def send_many(self, values: Iterable[bytes]) -> list[RecordMetadata]:
        """Send every value (raises on an invalid article when validating); returns delivery reports."""
        futures = [
            await self._producer.send(self.settings.topic_raw, value=value, key=self._key(value))
            for value in values
        ]
        return list(await asyncio.gather(*futures))


async def read_topic(
    settings: Settings,
    topic: str,
    *,
    from_beginning: bool = True,
    idle_timeout_s: float | None = 5.0,
    group_id: str | None = None,
) -> AsyncIterator[ConsumerRecord]:
    """Yield a topic's records; stop after ``idle_timeout_s`` without new ones (None: follow forever)."""
    consumer = AIOKafkaConsumer(
        topic,
        bootstrap_servers=settings.bootstrap_servers,
        group_id=group_id,
        enable_auto_commit=group_id is not None,
        auto_offset_reset="earliest" if from_beginning else "latest",
    )
    await consumer.start()
    try:
        while True:
            batch = await consumer.getmany(timeout_ms=int((idle_timeout_s or 1.0) * 1000))
            if not batch and idle_timeout_s is not None:
                return
            for records in batch.values():
                for record in records:
                    yield record
    finally:
        await consumer.stop()


Coordinates = tuple[int, int]
"""(partition, offset) of a raw message."""


async def collect_outcomes(
    settings: Settings, produced: Iterable[Coordinates], timeout_s: float = 120.0
) -> dict[Coordinates, list[tuple[str, dict]]]:
    """Wait until every produced raw message has an output; map each to [(topic, record), ...].

    Outputs are matched by the input coordinates every enriched record and
    dead letter carries, so one call proves the accounting: a list of length
    one per input means "exactly once in exactly one topic". Returns what was
    found when ``timeout_s`` runs out.
    """
    wanted = set(produced)
    found: dict[Coordinates, list[tuple[str, dict]]] = {}
    consumer = AIOKafkaConsumer(
        settings.topic_enriched, settings.topic_dead_letter,
        bootstrap_servers=settings.bootstrap_servers,
        group_id=None, enable_auto_commit=False, auto_offset_reset="earliest",
    )
    await consumer.start()
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout_s
    try:
        while not wanted.issubset(found) and loop.time() < deadline:
            for records in (await consumer.getmany(timeout_ms=500)).values():
                for message in records:
                    record = orjson.loads(message.value)
                    source = record.get("input") or record.get("provenance", {}).get("input", {})
                    if source.get("topic") != settings.topic_raw:
                        continue
                    coordinates = (source["partition"], source["offset"])
                    if coordinates in wanted:
                        found.setdefault(coordinates, []).append((message.topic, record))
    finally:
        await consumer.stop()
    return found

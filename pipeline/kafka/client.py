"""Producing raw articles and reading the output topics from Python (on aiokafka).

``ArticleProducer`` validates before sending (unless told not to, e.g. to test
the dead-letter path), keys each message by article id and keeps a delivery
report; ``EnrichedConsumer`` yields typed, optionally filtered enriched
records; ``read_topic`` iterates any topic's raw messages.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any

import orjson
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from aiokafka.structs import ConsumerRecord, RecordMetadata

from pipeline.config import Settings
from pipeline.kafka.security import client_kwargs, start
from pipeline.records import ENRICHED_HEADERS, decode_raw_article
from pipeline.sections.record import EnrichedRecord, decode_record


@dataclass(frozen=True, slots=True)
class Delivery:
    """Where the broker stored one sent message."""

    key: str | None
    partition: int
    offset: int


@dataclass(slots=True)
class DeliveryReport:
    """Every delivery a producer got confirmed, to log or to match outputs against."""

    topic: str
    deliveries: list[Delivery] = field(default_factory=list)

    def by_partition(self) -> dict[int, tuple[int, int]]:
        """Partition → (first, last) offset written."""
        spans: dict[int, tuple[int, int]] = {}
        for d in self.deliveries:
            first, last = spans.get(d.partition, (d.offset, d.offset))
            spans[d.partition] = (min(first, d.offset), max(last, d.offset))
        return dict(sorted(spans.items()))

    def __str__(self) -> str:
        parts = ", ".join(f"p{p} {a}–{b}" if a != b else f"p{p} {a}" for p, (a, b) in self.by_partition().items())
        return f"{len(self.deliveries)} message(s) delivered to {self.topic}" + (f": {parts}" if parts else "")


class ArticleProducer:
    """Sends raw articles to the raw topic, keyed by id, and waits for delivery.

    aiokafka batches the sends of one ``send_many`` call (``linger_ms``);
    ``report`` accumulates the confirmed deliveries of the producer's life.
    """

    def __init__(self, settings: Settings, validate: bool = True) -> None:
        self.settings = settings
        self.validate = validate
        self.report = DeliveryReport(settings.topic_raw)
        self._producer = AIOKafkaProducer(
            **client_kwargs(settings),
            acks="all",
            linger_ms=5,
            max_request_size=settings.max_message_bytes + 1024,
        )

    async def __aenter__(self) -> ArticleProducer:
        try:
            await start(self._producer, self.settings)
        except BaseException:
            await self._producer.stop()
            raise
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
        keys, futures = [], []
        for value in values:
            key = self._key(value)
            keys.append(key)
            futures.append(await self._producer.send(self.settings.topic_raw, value=value, key=key))
        reports: list[RecordMetadata] = list(await asyncio.gather(*futures))
        self.report.deliveries.extend(
            Delivery(key.decode() if key else None, r.partition, r.offset) for key, r in zip(keys, reports)
        )
        return reports


class EnrichedConsumer:
    """Async iterator of typed enriched records, optionally filtered.

    Without ``group_id`` it reads the whole topic from ``offset`` ("earliest"
    or "latest") and commits nothing. With one, it resumes where the group
    left off and commits after each batch has been iterated past
    (at-least-once: a crash mid-batch hands the batch over again).
    ``idle_timeout_s`` ends the iteration after that long without a record.
    It reads committed records only: with exactly-once workers, records of an
    aborted transaction never reach it.
    """

    def __init__(
        self,
        settings: Settings,
        *,
        group_id: str | None = None,
        offset: str = "earliest",
        idle_timeout_s: float | None = None,
        missing_notice: bool = False,
        speaker: str | None = None,
        entity: str | None = None,
    ) -> None:
        if offset not in ("earliest", "latest"):
            raise ValueError(f"offset must be 'earliest' or 'latest', not {offset!r}")
        self.idle_timeout_s = idle_timeout_s
        self.accepts = RecordFilter(missing_notice=missing_notice, speaker=speaker, entity=entity)
        self._consumer = AIOKafkaConsumer(
            settings.topic_enriched,
            **client_kwargs(settings),
            group_id=group_id,
            enable_auto_commit=False,
            auto_offset_reset=offset,
            isolation_level="read_committed",
        )
        self._commits = group_id is not None
        self._settings = settings

    async def __aenter__(self) -> EnrichedConsumer:
        try:
            await start(self._consumer, self._settings)
        except BaseException:
            await self._consumer.stop()
            raise
        return self

    async def __aexit__(self, *exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        await self._consumer.stop()

    async def __aiter__(self) -> AsyncIterator[EnrichedRecord]:
        timeout_ms = int((self.idle_timeout_s or 1.0) * 1000)
        while True:
            batch = await self._consumer.getmany(timeout_ms=timeout_ms)
            if not batch and self.idle_timeout_s is not None:
                return
            for messages in batch.values():
                for message in messages:
                    if not is_enriched(message):
                        continue
                    record = decode_record(message.value)
                    if self.accepts(record):
                        yield record
            if batch and self._commits:
                await self._consumer.commit()


@dataclass(frozen=True, slots=True)
class RecordFilter:
    """Which enriched records a consumer wants; every condition set must hold."""

    missing_notice: bool = False
    speaker: str | None = None
    entity: str | None = None

    def __call__(self, record: EnrichedRecord) -> bool:
        return ((not self.missing_notice or record.missing_notice)
                and (self.speaker is None or record.has_speaker(self.speaker))
                and (self.entity is None or record.has_entity(self.entity)))


def is_enriched(message: ConsumerRecord) -> bool:
    """Route by header: an enriched record of a schema version this client reads."""
    headers = dict(message.headers or ())
    return message.value is not None and all(headers.get(k, v) == v for k, v in ENRICHED_HEADERS.items())


async def read_topic(
    settings: Settings,
    topic: str,
    *,
    from_beginning: bool = True,
    idle_timeout_s: float | None = 5.0,
    group_id: str | None = None,
    isolation_level: str = "read_committed",
) -> AsyncIterator[ConsumerRecord]:
    """Yield a topic's records; stop after ``idle_timeout_s`` without new ones (None: follow forever).

    ``read_committed`` (the default) skips records of aborted transactions;
    ``read_uncommitted`` shows them too.
    """
    consumer = AIOKafkaConsumer(
        topic,
        **client_kwargs(settings),
        group_id=group_id,
        enable_auto_commit=group_id is not None,
        auto_offset_reset="earliest" if from_beginning else "latest",
        isolation_level=isolation_level,
    )
    try:
        await start(consumer, settings)
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
    settings: Settings, produced: Iterable[Coordinates], timeout_s: float = 120.0,
    isolation_level: str = "read_committed",
) -> dict[Coordinates, list[tuple[str, dict[str, Any]]]]:
    """Wait until every produced raw message has an output; map each to [(topic, record), ...].

    Outputs are matched by the input coordinates every enriched record and
    dead letter carries, so one call proves the accounting: a list of length
    one per input means "exactly once in exactly one topic". Returns what was
    found when ``timeout_s`` runs out. Reads committed records unless told
    ``isolation_level="read_uncommitted"``.
    """
    wanted = set(produced)
    found: dict[Coordinates, list[tuple[str, dict[str, Any]]]] = {}
    consumer = AIOKafkaConsumer(
        settings.topic_enriched, settings.topic_dead_letter,
        **client_kwargs(settings),
        group_id=None, enable_auto_commit=False, auto_offset_reset="earliest", isolation_level=isolation_level,
    )
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout_s
    try:
        await start(consumer, settings)
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

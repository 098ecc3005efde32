"""The Faust agent: raw topic → stages → enriched or dead-letter topic.

Batches come from ``stream.noack_take`` so that nothing is acknowledged
before its output is produced. At-least-once: the events of a batch are
acked (and later committed by Faust) only after the broker confirmed every
enriched record and dead letter of that batch. Exactly-once: Faust acks and
commits nothing of the raw topic; each batch's outputs and offsets go into
Kafka transactions (:mod:`pipeline.kafka.exactly_once`).
``concurrency=1`` keeps offsets committed in order (faust-streaming #606);
throughput scales with partitions and worker processes instead.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from typing import cast

import faust
from aiokafka.errors import KafkaError
from faust.types import TP, EventT

from pipeline.article import Origin
from pipeline.config import Settings
from pipeline.enrich import Enricher, Message, Outcome
from pipeline.kafka.exactly_once import TransactionalBatches
from pipeline.kafka.monitors import attach_monitors
from pipeline.metrics import (
    BROKER_ERRORS,
    END_TO_END_SECONDS,
    IN_FLIGHT,
    MESSAGES_CONSUMED,
    MESSAGES_PUBLISHED,
    count_content,
)
from pipeline.records import DEAD_LETTER_HEADERS, ENRICHED_HEADERS
from pipeline.sections.record import EnrichedRecord

log = logging.getLogger(__name__)

RETRY_FIRST_S = 0.5
RETRY_MAX_S = 30.0


def _message(event: EventT[bytes]) -> Message:
    msg = event.message
    timestamp_ms = int(msg.timestamp * 1000) if msg.timestamp else None
    return Message(
        value=msg.value,
        key=msg.key,
        origin=Origin(topic=msg.topic, partition=msg.partition, offset=msg.offset, timestamp_ms=timestamp_ms),
    )


def _count_content(record: EnrichedRecord) -> None:
    """Content counters; designated mentions and missing notices count listed persons as well as organisations."""
    section = record.designations
    organisations = [o for o in section.organisations if o.designated] if section else []
    persons = [p for p in section.persons or [] if p.designated] if section else []
    count_content(
        entities=len(record.entities),
        quotes=len(record.quotes),
        designated_mentions=sum(len(o.mentions) for o in organisations) + sum(len(p.mentions) for p in persons),
        missing_notices=sum(o.notice_missing for o in organisations) + sum(p.notice_missing for p in persons),
    )


def published(settings: Settings, outcomes: Sequence[Outcome]) -> None:
    """Count what the broker confirmed: records per topic, end-to-end latency, content found."""
    now = time.time()
    for outcome in outcomes:
        target = settings.topic_dead_letter if outcome.dead else settings.topic_enriched
        MESSAGES_PUBLISHED.labels(target).inc()
        if outcome.message.origin.timestamp_ms:
            END_TO_END_SECONDS.observe(max(0.0, now - outcome.message.origin.timestamp_ms / 1000))
        if isinstance(outcome.record, EnrichedRecord):
            _count_content(outcome.record)


async def _send(enriched: faust.TopicT, dead_letters: faust.TopicT, outcomes: Sequence[Outcome]) -> None:
    """Produce every outcome and wait until the broker confirmed all of them."""
    pending = []
    for outcome in outcomes:
        topic, headers = (dead_letters, DEAD_LETTER_HEADERS) if outcome.dead else (enriched, ENRICHED_HEADERS)
        pending.append(await topic.send(key=outcome.key, value=outcome.value, headers=headers))
    await asyncio.gather(*pending)


def attach(app: faust.App, settings: Settings, enricher: Enricher) -> None:
    """Declare the topics and register the enrichment agent and the lag monitor on ``app``."""
    exactly_once = settings.processing_guarantee == "exactly_once"
    # acks=False: Faust neither tracks nor commits the raw topic's offsets; our transactions do
    raw_topic = app.topic(settings.topic_raw, key_type=bytes, value_type=bytes, acks=not exactly_once)
    enriched_topic = app.topic(settings.topic_enriched, key_type=bytes, value_type=bytes)
    dead_letter_topic = app.topic(settings.topic_dead_letter, key_type=bytes, value_type=bytes)
    next_offsets: dict[TP, int] = {}
    stage_thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="stages")

    async def publish(outcomes: Sequence[Outcome]) -> None:
        """Send until delivered: an unreachable broker stalls the agent (backpressure), never drops.

        A retry may re-send records the broker had already taken: at-least-once,
        with the same key and content.
        """
        delay = RETRY_FIRST_S
        while True:
            try:
                await _send(enriched_topic, dead_letter_topic, outcomes)
                break
            except KafkaError as exc:
                BROKER_ERRORS.labels("produce").inc()
                # A non-retriable error (e.g. a topic whose max.message.bytes is below
                # WIRESTREAM_MAX_RECORD_BYTES) needs an operator; the batch waits for the fix.
                level = logging.WARNING if exc.retriable else logging.ERROR
                log.log(level, "publishing %d records failed (%r); retrying in %.1fs", len(outcomes), exc, delay)
                await asyncio.sleep(delay)
                delay = min(delay * 2, RETRY_MAX_S)
        published(settings, outcomes)

    async def enrich_events(events: Sequence[EventT[bytes]]) -> list[Outcome]:
        # The stages are CPU-bound: run them off the event loop so heartbeats go on,
        # always on the same thread (one malloc arena, spaCy touched by one thread).
        messages = [_message(event) for event in events]
        return await asyncio.get_running_loop().run_in_executor(stage_thread, enricher.enrich, messages)

    transactional = (TransactionalBatches(app, settings, enrich_events, partial(published, settings))
                     if exactly_once else None)

    async def handle(stream: faust.StreamT[bytes], events: Sequence[EventT[bytes]]) -> None:
        """Enrich, publish, then acknowledge one batch (or commit it in transactions)."""
        IN_FLIGHT.set(len(events))
        MESSAGES_CONSUMED.labels(settings.topic_raw).inc(len(events))
        if transactional is not None:
            await transactional.handle(events)
        else:
            await publish(await enrich_events(events))
            for event in events:
                await stream.ack(event)
        for event in events:
            next_offsets[event.message.tp] = event.message.offset + 1
        IN_FLIGHT.set(0)

    @app.agent(raw_topic, name="enrich", concurrency=1)
    async def enrich(stream: faust.StreamT[bytes]) -> None:
        # noack_take is the concrete Stream's and yields events, not values (Faust annotates it loosely)
        batches = cast(AsyncIterator[Sequence[EventT[bytes]]],
                       cast(faust.Stream[bytes], stream).noack_take(settings.batch_size, within=settings.batch_wait_s))
        async for events in batches:
            batch = asyncio.ensure_future(handle(stream, events))
            try:
                await asyncio.shield(batch)
            except asyncio.CancelledError:
                # Shutting down: finish the in-flight batch (bounded) so its offsets get committed.
                log.info("stopping: finishing the in-flight batch of %d", len(events))
                await asyncio.wait({batch}, timeout=settings.shutdown_timeout_s)
                if transactional is not None:
                    await transactional.close()
                raise

    attach_monitors(app, settings, next_offsets)

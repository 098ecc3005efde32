"""One transactional producer per input partition: a partition's outputs and its offset commit together.

Fencing is by transactional id, ``<app id>.<raw topic>.<partition>``, not by
consumer-group metadata: aiokafka 0.14 has no ``group_metadata`` (its
``send_offsets_to_transaction`` sends ``TxnOffsetCommit`` with the group id
only, never the member id and generation of KIP-447), so the broker could not
refuse a zombie's offsets by group membership. A transactional id per input
partition gives the same protection through the producer epoch: whoever
starts the producer of a partition bumps its epoch, which aborts the previous
owner's open transaction (or waits for its commit to finish) and makes every
later send, offset commit or commit of that owner fail with
``ProducerFenced``. Only then does the new owner read the partition's
committed offset, so it never starts from an offset a zombie is still moving.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass

from aiokafka import AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.errors import KafkaError
from aiokafka.structs import OffsetAndMetadata, RecordMetadata, TopicPartition

from pipeline.config import Settings
from pipeline.enrich import Outcome
from pipeline.kafka.security import client_kwargs, start
from pipeline.metrics import TRANSACTION_COMMIT_SECONDS
from pipeline.records import DEAD_LETTER_HEADERS, ENRICHED_HEADERS

log = logging.getLogger(__name__)

#: a transaction left open by a dead worker is aborted by the broker after this long,
#: unless the partition's next owner fences it first (it does, as it starts)
TRANSACTION_TIMEOUT_MS = 60_000
#: a claim, commit or abort taking longer is given up (aiokafka retries some requests forever);
#: the retry's new producer fences the stuck one
STEP_TIMEOUT_S = 30.0
CLOSE_TIMEOUT_S = 5.0
#: tries at reading a committed offset while the group's coordinator is not available yet, 0.5 s apart
COORDINATOR_ATTEMPTS = 20


def transactional_id(settings: Settings, partition: int) -> str:
    """The id every owner of raw partition ``partition`` uses in turn (the producer epoch tells them apart)."""
    return f"{settings.app_id}.{settings.topic_raw}.{partition}"


@dataclass(slots=True)
class Claim:
    """This worker's hold on one input partition: its producer and the first offset not yet committed."""

    producer: AIOKafkaProducer
    next_offset: int | None  # None: the group has committed nothing for the partition yet
    in_transaction: bool = False


class PartitionTransactions:
    """The claims of one worker, keyed by raw partition; one open transaction per claim at a time."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._claims: dict[int, Claim] = {}
        self._admin: AIOKafkaAdminClient | None = None

    def claimed(self) -> list[int]:
        """The raw partitions this worker holds a claim on."""
        return list(self._claims)

    async def claim(self, partition: int) -> Claim:
        """This worker's claim on ``partition`` with a transaction open, fencing the previous owner if new."""
        claim = self._claims.get(partition)
        if claim is None:
            claim = await asyncio.wait_for(self._new_claim(partition), STEP_TIMEOUT_S)
            self._claims[partition] = claim
        elif not claim.in_transaction:
            await claim.producer.begin_transaction()
            claim.in_transaction = True
        return claim

    async def _new_claim(self, partition: int) -> Claim:
        producer = AIOKafkaProducer(
            **client_kwargs(self._settings),
            transactional_id=transactional_id(self._settings, partition),
            transaction_timeout_ms=TRANSACTION_TIMEOUT_MS,
            max_request_size=self._settings.max_record_bytes + 1024,
        )
        try:
            await start(producer, self._settings)
            # begin waits for the producer id: the epoch is bumped and the previous owner fenced
            await producer.begin_transaction()
            return Claim(producer, await self._committed(partition), in_transaction=True)
        except BaseException:
            await _close(producer)
            raise

    async def send(self, partition: int, outcomes: Sequence[Outcome]) -> list[asyncio.Future[RecordMetadata]]:
        """Send ``outcomes`` in the claim's open transaction; the futures resolve once the broker has them."""
        producer = self._claims[partition].producer
        pending = []
        for outcome in outcomes:
            topic, headers = ((self._settings.topic_dead_letter, DEAD_LETTER_HEADERS) if outcome.dead
                              else (self._settings.topic_enriched, ENRICHED_HEADERS))
            pending.append(await producer.send(topic, value=outcome.value, key=outcome.key,
                                               headers=list(headers.items())))
        return pending

    async def commit(self, partition: int, outcomes: Sequence[Outcome], next_offset: int) -> float:
        """Send ``outcomes`` and the offset ``next_offset`` in the claim's open transaction, then commit.

        Returns the commit's duration in seconds. Raises ``KafkaError`` when any
        step fails (``ProducerFenced`` when another worker owns the partition),
        ``TimeoutError`` after ``STEP_TIMEOUT_S``.
        """
        return await asyncio.wait_for(self._commit(partition, outcomes, next_offset), STEP_TIMEOUT_S)

    async def _commit(self, partition: int, outcomes: Sequence[Outcome], next_offset: int) -> float:
        claim = self._claims[partition]
        # aiokafka would commit a transaction some of whose records failed (a failed produce does not
        # make its transaction abortable), so every delivery is confirmed before the offsets go in
        deliveries = await asyncio.gather(*await self.send(partition, outcomes), return_exceptions=True)
        failure = next((d for d in deliveries if isinstance(d, BaseException)), None)
        if failure is not None:  # every delivery was awaited, so none is left unretrieved in the log
            raise failure
        raw = TopicPartition(self._settings.topic_raw, partition)
        await claim.producer.send_offsets_to_transaction({raw: OffsetAndMetadata(next_offset, "")},
                                                         self._settings.app_id)
        started = time.perf_counter()
        await claim.producer.commit_transaction()
        seconds = time.perf_counter() - started
        TRANSACTION_COMMIT_SECONDS.observe(seconds)
        claim.in_transaction, claim.next_offset = False, next_offset
        return seconds

    async def abort(self, partition: int) -> None:
        """Abort the claim's open transaction and give the claim up (the partition is no longer ours)."""
        claim = self._claims.get(partition)
        if claim is not None and claim.in_transaction:
            try:
                await asyncio.wait_for(claim.producer.abort_transaction(), STEP_TIMEOUT_S)
            except (KafkaError, TimeoutError) as exc:  # fenced or unreachable: the next owner's fencing aborts it
                log.warning("aborting the transaction of %s[%d] failed: %r", self._settings.topic_raw, partition, exc)
        await self.release(partition)

    async def release(self, partition: int) -> None:
        """Give up the claim; an open transaction is aborted by the next owner's fencing or the timeout."""
        claim = self._claims.pop(partition, None)
        if claim is not None:
            await _close(claim.producer)

    async def release_all(self) -> None:
        for partition in list(self._claims):
            await self.release(partition)
        if self._admin is not None:
            await self._admin.close()
            self._admin = None

    async def _committed(self, partition: int) -> int | None:
        """The group's committed offset of a raw partition, read after fencing (so no zombie can move it)."""
        if self._admin is None:
            admin = AIOKafkaAdminClient(**client_kwargs(self._settings))
            await start(admin, self._settings)
            self._admin = admin
        raw = TopicPartition(self._settings.topic_raw, partition)
        for attempt in range(COORDINATOR_ATTEMPTS):
            try:
                offsets = await self._admin.list_consumer_group_offsets(self._settings.app_id, partitions=[raw])
                break
            except KafkaError as exc:  # e.g. the group's coordinator is still loading: the claim is kept
                if not exc.retriable or attempt == COORDINATOR_ATTEMPTS - 1:
                    raise
                await asyncio.sleep(0.5)
        found = offsets.get(raw)
        return found.offset if found is not None and found.offset >= 0 else None


async def _close(producer: AIOKafkaProducer) -> None:
    """Stop a producer; one whose batches are stuck (idempotent batches never expire) is left to its fencing."""
    try:
        await asyncio.wait_for(producer.stop(), CLOSE_TIMEOUT_S)
    except TimeoutError:
        log.warning("a transactional producer did not stop within %.0fs; its batches are fenced", CLOSE_TIMEOUT_S)

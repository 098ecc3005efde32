"""Exactly-once batches: each batch's outputs and input offsets in one transaction per input partition.

Faust never commits the raw topic's offsets in this mode: the agent declares
the raw topic with ``acks=False``, so Faust's consumer tracks no event of it,
its periodic and rebalance commits have nothing to commit (it can move the
group's offset neither forward past an open transaction nor back behind a
committed one), and a rebalance does not wait for the in-flight batch. The
offsets move only inside our transactions (``send_offsets_to_transaction``).
After every rebalance Faust seeks its partitions to the committed offsets,
and each new claim re-reads them after fencing, so events below a claim's
committed offset (already published by the previous owner) are skipped.
"""

from __future__ import annotations

import asyncio
import logging
from collections import defaultdict
from collections.abc import Awaitable, Callable, Iterable, Sequence
from typing import Any, TypeVar

import faust
from aiokafka.errors import KafkaError, ProducerFenced
from faust.types import TP, EventT

from pipeline.config import Settings
from pipeline.enrich import Outcome
from pipeline.kafka.security import KafkaConnectError
from pipeline.kafka.transactions import PartitionTransactions
from pipeline.metrics import BROKER_ERRORS

log = logging.getLogger(__name__)
T = TypeVar("T")

RETRY_FIRST_S = 0.5
RETRY_MAX_S = 30.0

Enrich = Callable[[Sequence[EventT[bytes]]], Awaitable[list[Outcome]]]
Published = Callable[[Sequence[Outcome]], None]


def _by_partition(items: Iterable[tuple[int, T]]) -> dict[int, list[T]]:
    grouped: dict[int, list[T]] = defaultdict(list)
    for partition, item in items:
        grouped[partition].append(item)
    return grouped


class TransactionalBatches:
    """Processes the agent's batches in transactions, with fencing and clean aborts on rebalance."""

    def __init__(self, app: faust.App, settings: Settings, enrich: Enrich, published: Published) -> None:
        self._app = app
        self._settings = settings
        self._enrich = enrich
        self._published = published
        self._transactions = PartitionTransactions(settings)
        self._generation = -1
        self._fenced: set[int] = set()  # raw partitions another worker took in this generation
        self._revoked: set[int] = set()
        self._busy = False
        app.on_partitions_revoked.connect(self._on_revoked)

    async def handle(self, events: Sequence[EventT[bytes]]) -> None:
        """Enrich the events this worker still owns and commit each partition's outcomes with its offset."""
        self._busy = True
        try:
            await self._new_generation()
            generation = self._generation
            todo = await self._admit(events)
            outcomes = await self._enrich(todo) if todo else []
            for partition, outs in _by_partition((o.message.origin.partition, o) for o in outcomes).items():
                await self._commit(partition, outs, generation)
        finally:
            self._busy = False
            for partition in self._revoked & set(self._owned()):
                await self._transactions.abort(partition)

    async def close(self) -> None:
        """Abort whatever is open and close every producer (the worker is stopping)."""
        for partition in self._owned():
            await self._transactions.abort(partition)
        await self._transactions.release_all()

    def _owned(self) -> list[int]:
        return self._transactions.claimed()

    def _assigned(self) -> set[int]:
        return {tp.partition for tp in self._app.consumer.assignment() if tp.topic == self._settings.topic_raw}

    async def _new_generation(self) -> None:
        """After a rebalance every claim is re-made: its partition may have had another owner meanwhile."""
        if self._app.consumer_generation_id != self._generation:
            for partition in self._owned():
                await self._transactions.abort(partition)
            self._generation = self._app.consumer_generation_id
            self._fenced.clear()
            self._revoked.clear()

    async def _admit(self, events: Sequence[EventT[bytes]]) -> list[EventT[bytes]]:
        """The events to process: fetched in this generation (after a rebalance Faust reads again from the
        committed offsets, so an older event may lie past a batch that was aborted), of partitions assigned
        to us and not fenced, at or past the committed offset."""
        assigned = self._assigned() - self._fenced - self._revoked
        current = [e for e in events if e.message.generation_id == self._generation]
        todo: list[EventT[bytes]] = []
        for partition, group in _by_partition((e.message.partition, e) for e in current).items():
            if partition not in assigned:
                continue
            committed = await self._committed(partition)
            if committed is not None:
                todo.extend(event for event in group if event.message.offset >= committed)
        return todo

    async def _committed(self, partition: int) -> int | None:
        """Claim ``partition`` (retrying while the broker is away) and return its committed offset (0 if none);
        None when a rebalance took the partition meanwhile."""
        delay = RETRY_FIRST_S
        while self._app.consumer_generation_id == self._generation and partition not in self._revoked:
            try:
                return (await self._transactions.claim(partition)).next_offset or 0
            except (KafkaError, KafkaConnectError, TimeoutError) as exc:
                delay = await self._failed("claiming", partition, exc, delay)
        return None

    async def _commit(self, partition: int, outcomes: Sequence[Outcome], generation: int) -> None:
        """Commit until done, or abort when the partition is no longer ours (rebalance or fenced)."""
        delay = RETRY_FIRST_S
        raw = f"{self._settings.topic_raw}[{partition}]"
        while True:
            if self._app.consumer_generation_id != generation or partition in self._revoked:
                log.info("rebalance: aborting the transaction of %s (%d records)", raw, len(outcomes))
                await self._transactions.abort(partition)
                return
            try:
                claim = await self._transactions.claim(partition)
                todo = [o for o in outcomes if claim.next_offset is None
                        or o.message.origin.offset >= claim.next_offset]
                if todo:  # else the failed attempt's commit had gone through
                    await self._transactions.commit(partition, todo, todo[-1].message.origin.offset + 1)
                    self._published(todo)
                return
            except ProducerFenced:
                BROKER_ERRORS.labels("commit").inc()
                log.warning("transaction of %s refused: fenced, another worker owns the partition; "
                            "dropping %d records", raw, len(outcomes))
                self._fenced.add(partition)
                await self._transactions.release(partition)
                return
            except (KafkaError, KafkaConnectError, TimeoutError) as exc:
                delay = await self._failed("committing", partition, exc, delay)

    async def _failed(self, doing: str, partition: int, exc: BaseException, delay: float) -> float:
        """Drop the partition's producer (the retry fences it and re-reads the offset); back off."""
        BROKER_ERRORS.labels("commit").inc()
        log.warning("%s the transaction of %s[%d] failed (%r); retrying in %.1fs",
                    doing, self._settings.topic_raw, partition, exc, delay)
        await self._transactions.release(partition)
        await asyncio.sleep(delay)
        return min(delay * 2, RETRY_MAX_S)

    async def _on_revoked(self, app: faust.App, /, *args: Any, **_: Any) -> None:
        """A rebalance takes partitions away: open transactions of theirs are aborted, now or after the batch."""
        revoked: set[TP] = args[0]
        partitions = {tp.partition for tp in revoked if tp.topic == self._settings.topic_raw}
        self._revoked |= partitions
        if not self._busy:
            for partition in partitions & set(self._owned()):
                await self._transactions.abort(partition)

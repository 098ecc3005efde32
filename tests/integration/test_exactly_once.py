"""Exactly-once against the real broker: crashes, outages and rebalances leave no loss and no duplicate.

Every ledger is read by a ``read_committed`` consumer (``collect_outcomes``);
run with ``-s`` to see them. The stage list is the clean stage only: these
tests are about delivery, not about what the stages find.
"""

from __future__ import annotations

import asyncio
import random
import signal
import time
from collections.abc import Sequence
from pathlib import Path

import pytest
from aiokafka.errors import ProducerFenced

from pipeline.article import Article, Origin
from pipeline.config import Settings
from pipeline.enrich import Message, build_enricher
from pipeline.kafka import broker
from pipeline.kafka.client import Coordinates, EnrichedConsumer, collect_outcomes, read_topic
from pipeline.kafka.topics import ensure_topics
from pipeline.kafka.transactions import PartitionTransactions
from pipeline.stages.base import NoConfig, Stage
from tests.conftest import free_port
from tests.integration.faults import Ledger, ledger, numbered_articles, produce, wait_for_outputs
from tests.integration.test_end_to_end import isolated
from tests.integration.test_faults import counter, scrape

pytestmark = pytest.mark.integration

COLLECT_TIMEOUT_S = 180.0
#: inputs of a test whose fault must land mid-stream (the clean stage alone takes them in well under a minute)
BACKLOG = 1200


class HoldingStage(Stage[NoConfig]):
    """Stands for a slow NLP stage at a fraction of its CPU: each batch (and so its transaction) stays
    open for a while, so that a pause or a rebalance lands inside one. One sleep per chunk (a batch of
    4 is one chunk): a process paused inside it resumes past its deadline, as a model would finish."""

    name = "hold"
    batched = True

    def process(self, articles: Sequence[Article]) -> None:
        time.sleep(HOLD_S * len(articles))


#: the clean stage, then the hold: about 10 articles per second and worker
SLOW_STAGES = ["clean", "tests.integration.test_exactly_once:HoldingStage"]
HOLD_S = 0.1


async def trickle(settings: Settings, values: Sequence[bytes], per_second: float,
                  produced: list[Coordinates]) -> None:
    """Produce ``values`` at a steady rate, appending each one's coordinates to ``produced`` as it goes."""
    chunk = max(1, round(per_second / 5))
    for start in range(0, len(values), chunk):
        produced += await produce(settings, values[start:start + chunk])
        await asyncio.sleep(chunk / per_second)


async def published_by(metrics_port: int, timeout_s: float = 90.0) -> float:
    """Wait until the worker serving ``metrics_port`` has published records; how many."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout_s
    while loop.time() < deadline:
        try:
            published = counter(scrape(metrics_port), "wirestream_messages_published_total")
        except OSError:
            published = 0.0  # the metrics server is not up yet
        if published:
            return published
        await asyncio.sleep(0.5)
    raise AssertionError(f"the worker on metrics port {metrics_port} published nothing in {timeout_s:.0f}s")


MALFORMED_EVERY = 8


def with_malformed(values: list[bytes]) -> list[bytes]:
    """Every ``MALFORMED_EVERY``-th value replaced by one that is not JSON (a dead letter)."""
    return [b"not json %d" % index if index % MALFORMED_EVERY == MALFORMED_EVERY - 1 else value
            for index, value in enumerate(values)]


def exactly_once(kafka: Settings, **overrides: object) -> Settings:
    """Isolated exactly-once settings: the cheap stage list, small batches, and a short session
    (the broker's minimum) so that a killed worker's partitions move on quickly."""
    return isolated(kafka, **{"processing_guarantee": "exactly_once", "stages": ["clean"], "batch_size": 4,
                              "session_timeout_s": 6.0, **overrides})


async def settle(settings: Settings, worker, produced: list[Coordinates], label: str) -> Ledger:
    """Wait (watching ``worker``) until every input has an output; print and return the ledger."""
    outcomes = await worker.alongside(collect_outcomes(settings, produced, timeout_s=COLLECT_TIMEOUT_S))
    account = ledger(settings, produced, outcomes)
    print(f"\n{label}: {account}")
    return account


def assert_exactly_once(account: Ledger) -> None:
    assert account.lost == 0
    assert account.duplicated == 0
    assert account.enriched + account.dead_lettered == account.produced


async def test_sigkill_at_random_points_loses_and_duplicates_nothing(kafka: Settings, start_worker) -> None:
    settings = exactly_once(kafka)
    await ensure_topics(settings)
    rng = random.Random(19)
    produced: list[Coordinates] = []
    for round_number in range(5):
        produced += await produce(settings, with_malformed(numbered_articles(120, f"kill{round_number}")))
        done = len(await collect_outcomes(settings, produced, timeout_s=1))
        worker = start_worker(settings)
        await worker.alongside(wait_for_outputs(settings, produced, at_least=done + rng.randint(4, 60)))
        await asyncio.sleep(rng.uniform(0.0, 0.5))
        worker.proc.send_signal(signal.SIGKILL)
        worker.proc.wait()
    account = await settle(settings, start_worker(settings), produced, "exactly-once, 5 SIGKILLs")
    assert_exactly_once(account)
    assert account.dead_lettered == 5 * 120 // MALFORMED_EVERY, "dead letters are committed once, like the rest"
    uncommitted = await collect_outcomes(settings, produced, timeout_s=5, isolation_level="read_uncommitted")
    print(f"    the same topics read_uncommitted: {ledger(settings, produced, uncommitted)}   "
          "(copies from the transactions the kills left open, aborted by the next owner)")


async def test_broker_restart_mid_transaction_loses_and_duplicates_nothing(kafka: Settings, start_worker) -> None:
    settings = exactly_once(kafka)
    await ensure_topics(settings)
    produced = await produce(settings, numbered_articles(BACKLOG, "outage"))
    worker = start_worker(settings)
    await worker.alongside(wait_for_outputs(settings, produced, at_least=40))
    broker.down(kafka)
    await asyncio.sleep(3)
    await asyncio.to_thread(broker.up, kafka)
    assert_exactly_once(await settle(settings, worker, produced, "exactly-once, broker restarted mid-stream"))
    log = worker.log_path.read_text(errors="replace")
    assert "the transaction of" in log and "failed" in log, "the outage never hit a transaction"


async def test_a_worker_joining_then_leaving_mid_stream(kafka: Settings, start_worker) -> None:
    settings = exactly_once(kafka, stages=SLOW_STAGES)
    await ensure_topics(settings)
    produced: list[Coordinates] = []
    feed = asyncio.ensure_future(trickle(settings, numbered_articles(450, "rebalance"), 15, produced))
    first = start_worker(settings)
    await first.alongside(wait_for_outputs(settings, produced, at_least=20))
    metrics_port = free_port()
    second = start_worker(settings, WIRESTREAM_METRICS_PORT=str(metrics_port))  # rebalance: partitions shared
    published = await second.alongside(first.alongside(published_by(metrics_port)))
    assert not feed.done(), "the stream ended before the second worker left: no mid-stream rebalance"
    assert second.stop() == 0  # rebalance: its partitions come back to the first
    await feed
    account = await settle(settings, first, produced, "exactly-once, a worker joined then left")
    print(f"the second worker published {published:.0f} records before leaving")
    assert_exactly_once(account)


async def test_a_paused_worker_cannot_commit_after_its_partitions_moved(kafka: Settings, start_worker) -> None:
    settings = exactly_once(kafka, stages=SLOW_STAGES)
    await ensure_topics(settings)
    produced: list[Coordinates] = []
    # faster than one worker takes them: the zombie is always inside a batch when paused
    feed = asyncio.ensure_future(trickle(settings, numbered_articles(400, "zombie"), 15, produced))
    zombie = start_worker(settings)
    done = await zombie.alongside(wait_for_outputs(settings, produced, at_least=20))
    zombie.proc.send_signal(signal.SIGSTOP)  # mid-batch, past its session: the group gives its partitions away
    owner = start_worker(settings)
    await owner.alongside(wait_for_outputs(settings, produced, at_least=done + 60))
    zombie.proc.send_signal(signal.SIGCONT)
    assert not feed.done(), "the stream ended before the zombie resumed"
    await feed
    account = await settle(settings, owner, produced, "exactly-once, paused worker resumed as a zombie")
    assert_exactly_once(account)
    # The zombie finishes its batch after the owner's outputs are all in: wait for its verdict.
    # Either its commit is refused (the producer was fenced) or it learns of the rebalance
    # first and aborts; it never commits (the ledger above), and the fencing itself is shown
    # deterministically by test_fenced_records_are_seen_only_by_read_uncommitted_readers.
    verdict = await zombie_verdict(zombie.log_path, timeout_s=60)
    print(f"the zombie's in-flight transaction: {verdict}")
    assert verdict in ("refused: fenced", "rebalance: aborting"), "the zombie never gave up its transaction"


async def zombie_verdict(log_path: Path, timeout_s: float) -> str | None:
    """The first of the two ways a resumed zombie gives up its transaction that its log shows."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        log = log_path.read_text(errors="replace")
        found = [(log.find(line), line) for line in ("refused: fenced", "rebalance: aborting") if line in log]
        if found:
            return min(found)[1]
        await asyncio.sleep(0.5)
    return None


async def shipped_readers_see(settings: Settings) -> tuple[int, int]:
    """How many enriched records ``EnrichedConsumer`` and ``read_topic`` (``wirestream tail``, the review
    page) yield with their default isolation."""
    async with EnrichedConsumer(settings, idle_timeout_s=2) as consumer:
        typed = [record async for record in consumer]
    raw = [message async for message in read_topic(settings, settings.topic_enriched, idle_timeout_s=2)]
    return len(typed), len(raw)


async def test_fenced_records_are_seen_only_by_read_uncommitted_readers(kafka: Settings) -> None:
    """A claim's records sent, then another claim on the partition: the first one's commit is refused,
    read_committed readers never see its records, read_uncommitted readers do."""
    settings = exactly_once(kafka, topic_partitions=1)
    await ensure_topics(settings)
    values = numbered_articles(6, "fence")
    produced = await produce(settings, values)
    messages = [Message(value, None, Origin(settings.topic_raw, partition, offset))
                for value, (partition, offset) in zip(values, produced)]
    outcomes = build_enricher(settings).enrich(messages)
    next_offset = produced[-1][1] + 1
    zombie, owner = PartitionTransactions(settings), PartitionTransactions(settings)
    try:
        await zombie.claim(0)
        await asyncio.gather(*await zombie.send(0, outcomes))  # in the log, not committed
        await owner.claim(0)  # the partition's next owner fences the first
        with pytest.raises(ProducerFenced):
            await zombie.commit(0, [], next_offset)
        uncommitted = await collect_outcomes(settings, produced, timeout_s=5, isolation_level="read_uncommitted")
        assert await collect_outcomes(settings, produced, timeout_s=3) == {}
        assert await shipped_readers_see(settings) == (0, 0), "the client and `wirestream tail` read committed"
        await owner.commit(0, outcomes, next_offset)
    finally:
        await zombie.release_all()
        await owner.release_all()
    committed = ledger(settings, produced, await collect_outcomes(settings, produced, timeout_s=30))
    both = ledger(settings, produced, await collect_outcomes(settings, produced, timeout_s=5,
                                                             isolation_level="read_uncommitted"))
    print(f"\nfenced then committed by the owner: read_committed {committed}\n"
          f"    read_uncommitted {both}   (the fenced claim's aborted records before the owner's commit: "
          f"{len(uncommitted)})")
    assert_exactly_once(committed)
    assert await shipped_readers_see(settings) == (len(produced), len(produced))
    assert len(uncommitted) == len(produced)
    assert both.duplicated == len(produced), "read_uncommitted sees the aborted copies beside the committed ones"

"""Exactly-once against the real broker: crashes, outages and rebalances leave no loss and no duplicate.

Every ledger is read by a ``read_committed`` consumer (``collect_outcomes``);
run with ``-s`` to see them. The stage list is the clean stage only: these
tests are about delivery, not about what the stages find.
"""

from __future__ import annotations

import asyncio
import random
import signal

import pytest

from pipeline.config import Settings
from pipeline.kafka import broker
from pipeline.kafka.client import Coordinates, collect_outcomes
from pipeline.kafka.topics import ensure_topics
from tests.integration.faults import Ledger, ledger, numbered_articles, produce, wait_for_outputs
from tests.integration.test_end_to_end import isolated

pytestmark = pytest.mark.integration

COLLECT_TIMEOUT_S = 180.0


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
        produced += await produce(settings, numbered_articles(120, f"kill{round_number}"))
        done = len(await collect_outcomes(settings, produced, timeout_s=1))
        worker = start_worker(settings)
        await worker.alongside(wait_for_outputs(settings, produced, at_least=done + rng.randint(4, 60)))
        await asyncio.sleep(rng.uniform(0.0, 0.5))
        worker.proc.send_signal(signal.SIGKILL)
        worker.proc.wait()
    assert_exactly_once(await settle(settings, start_worker(settings), produced, "exactly-once, 5 SIGKILLs"))

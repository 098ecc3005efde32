"""Crashes, shutdowns and broker outages against the real broker: nothing is lost.

Each test prints its ledger (produced / enriched / dead-lettered / duplicated / lost);
run with ``-s`` to see them.
"""

from __future__ import annotations

import asyncio
import signal
import time
import urllib.request

import psutil
import pytest
from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.admin.config_resource import ConfigResource, ConfigResourceType

from pipeline.config import Settings
from pipeline.kafka import broker
from pipeline.kafka.client import collect_outcomes
from pipeline.kafka.security import client_kwargs
from pipeline.kafka.topics import ensure_topics
from tests.conftest import free_port
from tests.integration.faults import ledger, numbered_articles, produce, wait_for_outputs
from tests.integration.test_end_to_end import committed_equals_highwater, isolated

pytestmark = pytest.mark.integration


async def test_worker_killed_mid_batch_loses_nothing(kafka: Settings, start_worker) -> None:
    settings = isolated(kafka, batch_size=8)
    await ensure_topics(settings)
    produced = await produce(settings, numbered_articles(160, "kill"))
    first = start_worker(settings)
    await first.alongside(wait_for_outputs(settings, produced, at_least=24))
    first.proc.send_signal(signal.SIGKILL)
    first.proc.wait()

    second = start_worker(settings)
    outcomes = await second.alongside(collect_outcomes(settings, produced, timeout_s=240))
    account = ledger(settings, produced, outcomes)
    print(f"\nSIGKILL mid-batch: {account}")
    assert account.lost == 0
    assert account.enriched + account.dead_lettered == account.produced


async def test_sigterm_finishes_and_commits_the_in_flight_batch(kafka: Settings, start_worker) -> None:
    settings = isolated(kafka, batch_size=8, shutdown_timeout_s=20.0)
    await ensure_topics(settings)
    produced = await produce(settings, numbered_articles(120, "term"))
    worker = start_worker(settings)
    await worker.alongside(wait_for_outputs(settings, produced, at_least=16))

    started = time.monotonic()
    worker.proc.send_signal(signal.SIGTERM)
    exit_code = worker.proc.wait(timeout=settings.shutdown_timeout_s + 15)
    assert exit_code == 0, worker.log_tail()
    print(f"\nSIGTERM: exited in {time.monotonic() - started:.1f}s")

    # Everything published was committed and nothing committed is unpublished.
    published = await collect_outcomes(settings, produced, timeout_s=2)
    committed = await committed_equals_highwater(settings)
    for partition, (offset, _) in committed.items():
        outputs = sorted(o for p, o in published if p == partition)
        assert outputs == list(range(offset)), f"partition {partition}: committed {offset}, outputs {outputs[-3:]}"

    restarted = start_worker(settings)
    outcomes = await restarted.alongside(collect_outcomes(settings, produced, timeout_s=240))
    account = ledger(settings, produced, outcomes)
    print(f"SIGTERM then restart: {account}")
    assert account.lost == 0
    assert account.duplicated == 0, "a graceful stop must not leave anything to re-process"


def scrape(port: int) -> str:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5) as response:
        return response.read().decode()


def gauge(text: str, name: str) -> float | None:
    for line in text.splitlines():
        if line.startswith(name + " "):
            return float(line.split()[1])
    return None


async def connected_becomes(port: int, value: float, timeout_s: float = 30.0) -> bool:
    """Whether the worker reports ``wirestream_broker_connected == value`` within the timeout."""
    for _ in range(int(timeout_s / 0.5)):
        if gauge(scrape(port), "wirestream_broker_connected") == value:
            return True
        await asyncio.sleep(0.5)
    return False


async def test_broker_restart_is_survived_and_visible_in_metrics(kafka: Settings, start_worker) -> None:
    metrics_port = free_port()
    settings = isolated(kafka, metrics_port=metrics_port)
    await ensure_topics(settings)
    before = await produce(settings, numbered_articles(40, "before"))
    worker = start_worker(settings)
    await worker.alongside(collect_outcomes(settings, before, timeout_s=180))
    assert await connected_becomes(metrics_port, 1.0)

    broker.down(kafka)
    seen_down = await connected_becomes(metrics_port, 0.0)
    await asyncio.to_thread(broker.up, kafka)
    assert seen_down, "the outage never showed in wirestream_broker_connected"

    after = await produce(settings, numbered_articles(40, "after"))
    outcomes = await worker.alongside(collect_outcomes(settings, before + after, timeout_s=240))
    account = ledger(settings, before + after, outcomes)
    print(f"\nbroker restart: {account}")
    assert account.lost == 0
    errors = [line for line in scrape(metrics_port).splitlines()
              if line.startswith('wirestream_broker_errors_total{operation="connect"}')]
    assert errors and float(errors[0].split()[1]) >= 1


async def set_max_message_bytes(settings: Settings, topic: str, value: int) -> None:
    admin = AIOKafkaAdminClient(**client_kwargs(settings))
    await admin.start()
    try:
        await admin.alter_configs([ConfigResource(ConfigResourceType.TOPIC, topic,
                                                  {"max.message.bytes": str(value)})])
    finally:
        await admin.close()


def counter(text: str, name: str) -> float:
    return sum(float(line.split()[-1]) for line in text.splitlines() if line.startswith(name + "{"))


async def test_refusing_downstream_stalls_the_worker_without_loss(kafka: Settings, start_worker) -> None:
    metrics_port = free_port()
    settings = isolated(kafka, metrics_port=metrics_port, batch_size=8)
    await ensure_topics(settings)
    await set_max_message_bytes(settings, settings.topic_enriched, 1_000)  # every record is refused
    produced = await produce(settings, numbered_articles(300, "stall"))
    worker = start_worker(settings)

    await asyncio.sleep(25)
    assert await collect_outcomes(settings, produced, timeout_s=1) == {}
    metrics = scrape(metrics_port)
    taken = counter(metrics, "wirestream_messages_consumed_total")
    assert taken == settings.batch_size, "the agent must wait for its batch instead of taking more"
    assert counter(metrics, "wirestream_broker_errors_total") >= 1
    rss_mb = psutil.Process(worker.proc.pid).memory_info().rss / 2**20

    await set_max_message_bytes(settings, settings.topic_enriched, settings.max_record_bytes)
    outcomes = await worker.alongside(collect_outcomes(settings, produced, timeout_s=240))
    account = ledger(settings, produced, outcomes)
    print(f"\ndownstream refusing for 25 s: agent took {taken:.0f} messages, worker RSS {rss_mb:.0f} MB; "
          f"after the fix: {account}")
    assert account.lost == 0

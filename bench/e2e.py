"""End-to-end runs through the real broker: worker subprocesses, a producer, a collector.

A run gets its own topics and consumer group, starts ``python -m pipeline
worker`` processes and waits until all of them have joined the group (so the
model load is not timed), then produces the articles in one burst and times
from the first send to the last output collected. Resident memory of every
worker is sampled throughout. :func:`paced` then produces at a fixed rate on
the same workers to measure latency at a given load, not queueing behind a burst.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson
import psutil
from aiokafka import AIOKafkaConsumer
from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.errors import KafkaError

from pipeline.config import Settings
from pipeline.kafka import broker
from pipeline.kafka.broker import BrokerPaths
from pipeline.kafka.client import ArticleProducer

JOIN_TIMEOUT_S = 120.0
RSS_EVERY_S = 0.25


def stage_ms(provenance: dict[str, Any]) -> dict[str, float]:
    """Milliseconds per article and stage: measured per article, or a chunk's time divided by its size."""
    chunked = {stage: chunk["chunk_ms"] / chunk["chunk_size"] for stage, chunk in provenance["chunk_timings"].items()}
    return {**provenance["timings_ms"], **chunked}


@dataclass(slots=True)
class Output:
    """One collected output: its latency, whether it is a dead letter, its stage timings."""

    latency_s: float
    dead: bool
    timings_ms: dict[str, float]


@dataclass(slots=True)
class Collected:
    """Outputs of one produce phase, keyed by input (partition, offset)."""

    outputs: dict[tuple[int, int], Output] = field(default_factory=dict)
    last_at: float = 0.0


def free_port() -> int:
    """A free TCP port on the loopback interface."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def bench_broker(prefix: str, **settings: Any) -> Iterator[tuple[Settings, Path]]:
    """An embedded broker on free loopback ports, state in a temporary directory purged afterwards."""
    run_root = Path(tempfile.mkdtemp(prefix=prefix))
    port = free_port()
    kafka = Settings(metrics_port=0, kafka_port=port, kafka_controller_port=free_port(),
                     bootstrap_servers=f"127.0.0.1:{port}", state_dir=run_root, **settings)
    print(broker.up(kafka))
    try:
        yield kafka, run_root
    finally:
        print(broker.down(kafka, purge=True))
        shutil.rmtree(run_root, ignore_errors=True)


def worker_env(settings: Settings) -> dict[str, str]:
    """The environment that makes a worker subprocess use ``settings``."""
    return {**os.environ, **settings.as_environment()}


class Workers:
    """``count`` worker subprocesses on ``settings``, with their peak RSS sampled."""

    def __init__(self, settings: Settings, count: int, run_dir: Path) -> None:
        self.settings = settings
        self.procs: list[subprocess.Popen[bytes]] = []
        self.logs: list[Path] = []
        self.peak_rss = [0] * count
        self.joined_rss = [0] * count
        env = worker_env(settings)
        for index in range(count):
            self.logs.append(run_dir / f"{settings.app_id}-{index}.log")
            with self.logs[-1].open("wb") as log:
                self.procs.append(subprocess.Popen([sys.executable, "-m", "pipeline", "worker"], env=env,
                                                   cwd=run_dir, stdout=log, stderr=subprocess.STDOUT))
        self._sampler: asyncio.Task[None] | None = None

    async def _sample(self) -> None:
        handles = [psutil.Process(p.pid) for p in self.procs]
        while True:
            for index, handle in enumerate(handles):
                try:
                    self.peak_rss[index] = max(self.peak_rss[index], handle.memory_info().rss)
                except psutil.NoSuchProcess:
                    pass
            await asyncio.sleep(RSS_EVERY_S)

    async def joined(self) -> None:
        """Sample RSS from now on, and return once every worker is a member of a stable group."""
        self._sampler = asyncio.create_task(self._sample())
        admin = AIOKafkaAdminClient(bootstrap_servers=self.settings.bootstrap_servers)
        await admin.start()
        deadline = time.monotonic() + JOIN_TIMEOUT_S
        try:
            while time.monotonic() < deadline:
                exited = [log for proc, log in zip(self.procs, self.logs) if proc.poll() is not None]
                if exited:
                    raise RuntimeError(f"a worker exited during start-up; see {exited[0]}")
                try:
                    (response,) = await admin.describe_consumer_groups([self.settings.app_id])
                except KafkaError:
                    pass  # no coordinator yet: the offsets topic is being created
                else:
                    _, _, state, _, _, members, *_ = response.groups[0]
                    if state == "Stable" and len(members) == len(self.procs):
                        self.joined_rss = [psutil.Process(p.pid).memory_info().rss for p in self.procs]
                        return
                await asyncio.sleep(0.5)
        finally:
            await admin.close()
        raise TimeoutError(f"workers did not join group {self.settings.app_id} in {JOIN_TIMEOUT_S:.0f}s")

    def cpu_seconds(self) -> float:
        """User + system CPU the workers have used so far."""
        return sum(sum(psutil.Process(p.pid).cpu_times()[:2]) for p in self.procs)

    def stop(self) -> None:
        """SIGTERM every worker at once, then wait (kill after the grace period)."""
        if self._sampler:
            self._sampler.cancel()
        for proc in self.procs:
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
        for proc in self.procs:
            try:
                proc.wait(timeout=self.settings.shutdown_timeout_s)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


class Collector:
    """Reads the run's enriched and dead-letter topics from the start, in the background."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.seen: dict[tuple[int, int], Output] = {}
        self._arrivals: dict[tuple[int, int], float] = {}
        self._consumer = AIOKafkaConsumer(
            settings.topic_enriched, settings.topic_dead_letter, bootstrap_servers=settings.bootstrap_servers,
            group_id=None, enable_auto_commit=False, auto_offset_reset="earliest",
            isolation_level="read_committed",  # what an exactly-once run's readers see, and when
        )
        self._task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        await self._consumer.start()
        self._task = asyncio.create_task(self._run())

    async def _run(self) -> None:
        while True:
            for records in (await self._consumer.getmany(timeout_ms=200)).values():
                now = time.perf_counter()
                for message in records:
                    record = orjson.loads(message.value)
                    dead = message.topic == self.settings.topic_dead_letter
                    source = record["input"] if dead else record["provenance"]["input"]
                    where = (source["partition"], source["offset"])
                    latency = (message.timestamp - source["timestamp_ms"]) / 1000
                    timings = {} if dead else stage_ms(record["provenance"])
                    self.seen.setdefault(where, Output(latency, dead, timings))
                    self._arrivals.setdefault(where, now)

    async def wait_for(self, wanted: Sequence[tuple[int, int]], timeout_s: float) -> Collected:
        """The outputs of ``wanted`` inputs once all arrived (raises on timeout)."""
        deadline = time.monotonic() + timeout_s
        while not all(w in self.seen for w in wanted):
            if time.monotonic() > deadline:
                missing = sum(w not in self.seen for w in wanted)
                raise TimeoutError(f"{missing} of {len(wanted)} outputs missing after {timeout_s:.0f}s")
            await asyncio.sleep(0.05)
        return Collected({w: self.seen[w] for w in wanted}, max(self._arrivals[w] for w in wanted))

    async def stop(self) -> None:
        if self._task:
            self._task.cancel()
        await self._consumer.stop()


def run_settings(base: Settings, name: str, partitions: int, batch_size: int) -> Settings:
    """Settings of one run: its own topics and group, so runs never see each other's messages."""
    return base.model_copy(update={
        "app_id": f"bench-{name}",
        "topic_raw": f"bench.{name}.raw",
        "topic_enriched": f"bench.{name}.enriched",
        "topic_dead_letter": f"bench.{name}.dlq",
        "topic_partitions": partitions,
        "batch_size": batch_size,
        "metrics_port": 0,
        "log_level": "warning",
    })


async def burst(settings: Settings, collector: Collector, values: Sequence[bytes],
                timeout_s: float) -> tuple[float, Collected]:
    """Produce every value at once; (seconds from first send to last output, the outputs)."""
    async with ArticleProducer(settings, validate=False) as producer:
        started = time.perf_counter()
        reports = await producer.send_many(values)
    collected = await collector.wait_for([(r.partition, r.offset) for r in reports], timeout_s)
    return collected.last_at - started, collected


def broker_cpu_seconds(settings: Settings) -> float:
    """User + system CPU the embedded broker has used so far."""
    pid = int(BrokerPaths.from_settings(settings).pid_file.read_text())
    return sum(psutil.Process(pid).cpu_times()[:2])


async def paced(settings: Settings, collector: Collector, values: Sequence[bytes], rate: float,
                timeout_s: float) -> Collected:
    """Produce one value every ``1 / rate`` seconds (steady load), then collect their outputs."""
    wanted = []
    async with ArticleProducer(settings, validate=False) as producer:
        started = time.perf_counter()
        for index, value in enumerate(values):
            await asyncio.sleep(max(0.0, started + index / rate - time.perf_counter()))
            (report,) = await producer.send_many([value])
            wanted.append((report.partition, report.offset))
    return await collector.wait_for(wanted, timeout_s)


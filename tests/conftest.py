"""Shared fixtures: settings, the real spaCy-backed enricher, and the real Kafka broker."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
from collections.abc import Awaitable, Iterator
from pathlib import Path
from typing import TypeVar

import pytest
from hypothesis import settings as hypothesis_settings

from pipeline.config import Settings

REPO = Path(__file__).resolve().parent.parent
# CI explores the same examples every run (a property failure there is reproducible);
# local runs explore new ones and remember failures in .hypothesis/.
hypothesis_settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    hypothesis_settings.load_profile("ci")

T = TypeVar("T")
SAMPLES = REPO / "samples" / "articles.jsonl"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def settings() -> Settings:
    """Default settings, with metrics off (tests that need them set a port)."""
    return Settings(metrics_port=0)


@pytest.fixture(scope="session")
def stages(settings: Settings) -> list:
    """Every real stage, set up once per test session (models and registry loaded)."""
    from pipeline.enrich import build_enricher

    return build_enricher(settings).stages


@pytest.fixture
def enricher(settings: Settings, stages: list):
    """A fresh runner (empty duplicate window) over the session's real stages."""
    from pipeline.enrich import Enricher

    return Enricher(settings, stages)


@pytest.fixture(scope="session")
def kafka(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Settings]:
    """A real single-node Kafka broker on free loopback ports, for the whole session.

    Fails (never skips) when the broker cannot start: integration tests need it.
    """
    from pipeline.kafka import broker

    port, controller_port = free_port(), free_port()
    settings = Settings(
        kafka_port=port,
        kafka_controller_port=controller_port,
        bootstrap_servers=f"127.0.0.1:{port}",
        state_dir=tmp_path_factory.mktemp("kafka-state"),
        metrics_port=0,
    )
    broker.up(settings)
    yield settings
    broker.down(settings, purge=True)


def env_for(settings: Settings, **extra: str) -> dict[str, str]:
    """The environment a worker subprocess needs to use ``settings``."""
    return {**os.environ, **settings.as_environment(), **extra}


class WorkerProcess:
    """A real ``wirestream worker`` subprocess."""

    def __init__(self, settings: Settings, log_path: Path, **env: str) -> None:
        self.log_path = log_path
        self._log = log_path.open("ab")
        self.proc = subprocess.Popen([sys.executable, "-m", "pipeline", "worker"], stdout=self._log,
                                     stderr=subprocess.STDOUT, env=env_for(settings, **env), cwd=REPO)

    def stop(self, timeout: float = 30.0) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self._log.close()
        return self.proc.returncode

    async def alongside(self, awaitable: Awaitable[T]) -> T:
        """Await ``awaitable`` while watching the worker: fail at once if it dies."""
        task = asyncio.ensure_future(awaitable)
        while not task.done():
            if self.proc.poll() is not None:
                task.cancel()
                raise AssertionError(f"worker exited with {self.proc.returncode}:\n{self.log_tail()}")
            await asyncio.wait({task}, timeout=0.5)
        return task.result()

    def log_tail(self, lines: int = 40) -> str:
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])


@pytest.fixture
def start_worker(tmp_path: Path) -> Iterator:
    """Start real workers against a given settings object; all are stopped afterwards."""
    workers: list[WorkerProcess] = []

    def start(settings: Settings, **env: str) -> WorkerProcess:
        worker = WorkerProcess(settings, tmp_path / f"worker-{len(workers)}.log", **env)
        workers.append(worker)
        return worker

    yield start
    for worker in workers:
        worker.stop()

"""Interoperability: plain kcat produces raw articles and reads the outputs, no Python client in between.

The harness only starts the broker and a worker and creates the topics; the
data goes kcat → raw topic → worker → output topics → kcat.
"""

from __future__ import annotations

import asyncio
import base64
import shutil
import subprocess
import time
from collections.abc import AsyncIterator
from pathlib import Path

import orjson
import pytest

from pipeline.article import Origin
from pipeline.config import Settings
from pipeline.enrich import Message
from pipeline.kafka.client import EnrichedConsumer
from pipeline.kafka.topics import ensure_topics
from tests.conftest import SAMPLES, WorkerProcess
from tests.integration.test_end_to_end import isolated
from tests.schema_check import assert_valid

pytestmark = pytest.mark.integration

SEED = "tass-syria-2015-10-08"
SAMPLE_IDS = [orjson.loads(line)["id"] for line in SAMPLES.read_bytes().splitlines()]
#: the format the docs give for reading an output topic: key, headers, value
FORMAT = "%k\t%h\t%s\n"


def kcat_command(settings: Settings, *args: str) -> list[str]:
    """A kcat command line against the test broker; fails (never skips) when kcat is not installed."""
    binary = shutil.which("kcat")
    if binary is None:
        pytest.fail("kcat is not installed: run deploy/install-tools.sh (Debian package kcat)")
    return [binary, "-b", settings.bootstrap_servers, *args]


def kcat(settings: Settings, *args: str, stdin: bytes | None = None) -> None:
    """Run a kcat command that ends by itself (producing)."""
    done = subprocess.run(kcat_command(settings, *args), input=stdin, capture_output=True, timeout=30, check=False)
    assert done.returncode == 0, done.stderr.decode(errors="replace")


async def consume(settings: Settings, topic: str, count: int, worker: WorkerProcess,
                  timeout_s: float = 180) -> list[tuple[str, str, dict]]:
    """``count`` messages of ``topic`` read by kcat as (key, headers, record); fails fast if the worker dies."""
    args = ["-C", "-X", "isolation.level=read_committed", "-t", topic, "-o", "beginning", "-c", str(count), "-f", FORMAT]
    with subprocess.Popen(kcat_command(settings, *args), stdout=subprocess.PIPE, stderr=subprocess.PIPE) as proc:
        deadline = time.monotonic() + timeout_s
        while proc.poll() is None:
            if worker.proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                pytest.fail(f"fewer than {count} message(s) on {topic} (worker exit code {worker.proc.poll()}); "
                            f"worker log:\n{worker.log_tail()}")
            await asyncio.sleep(0.2)
        out, err = proc.communicate()
    assert proc.returncode == 0, err.decode(errors="replace")
    rows = [line.split("\t", 2) for line in out.decode().splitlines()]
    return [(key, headers, orjson.loads(value)) for key, headers, value in rows]


@pytest.fixture(scope="module")
async def pipeline(kafka: Settings, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[tuple[Settings,
                                                                                                 WorkerProcess]]:
    """A worker on topics of its own, fed by kcat: the samples file, then two malformed messages."""
    settings = isolated(kafka)
    await ensure_topics(settings)
    worker = WorkerProcess(settings, Path(tmp_path_factory.mktemp("kcat")) / "worker.log")
    kcat(settings, "-P", "-t", settings.topic_raw, "-l", str(SAMPLES))
    kcat(settings, "-P", "-t", settings.topic_raw, "-K:", stdin=b"bad-1:this is not json\n")
    yield settings, worker
    worker.stop()


async def test_kcat_round_trip_of_the_samples(pipeline: tuple[Settings, WorkerProcess]) -> None:
    settings, worker = pipeline
    messages = await consume(settings, settings.topic_enriched, len(SAMPLE_IDS), worker)
    assert sorted(key for key, _, _ in messages) == sorted(SAMPLE_IDS)
    for key, headers, record in messages:
        assert headers == "schema=wirestream.enriched,schema-version=1"
        assert record["id"] == key
        assert_valid("enriched-record", record)
    seed = next(record for key, _, record in messages if key == SEED)
    assert "I don’t would like to reveal the nuances" in seed["text"]


async def test_kcat_reads_the_dead_letter_with_its_reason_and_original_bytes(
    pipeline: tuple[Settings, WorkerProcess],
) -> None:
    settings, worker = pipeline
    [(key, headers, record)] = await consume(settings, settings.topic_dead_letter, 1, worker)
    assert headers == "schema=wirestream.dead-letter,schema-version=1"
    assert_valid("dead-letter", record)
    assert (record["error_class"], record["stage"]) == ("NotJson", "decode")
    assert base64.b64decode(record["original_base64"]) == b"this is not json"
    assert base64.b64decode(record["original_key_base64"]) == b"bad-1"


async def test_enriched_consumer_reads_records_kcat_wrote(kafka: Settings, enricher) -> None:
    """The Python consumer on a topic filled by kcat: header routing, filters and group commits."""
    settings = isolated(kafka)
    await ensure_topics(settings)
    lines = SAMPLES.read_bytes().splitlines()
    messages = [Message(value, None, Origin("samples", 0, n)) for n, value in enumerate(lines)]
    records = b"".join(outcome.value + b"\n" for outcome in enricher.enrich(messages))
    enriched_headers = ["-H", "schema=wirestream.enriched", "-H", "schema-version=1"]
    kcat(settings, "-P", "-t", settings.topic_enriched, *enriched_headers, stdin=records)
    kcat(settings, "-P", "-t", settings.topic_enriched, "-H", "schema=wirestream.dead-letter", stdin=b"{}\n")

    async def ids(**options: object) -> list[str]:
        async with EnrichedConsumer(settings, idle_timeout_s=3, **options) as consumer:
            return sorted([record.id async for record in consumer])

    assert await ids() == sorted(SAMPLE_IDS)
    assert await ids(speaker="Peskov") == [SEED]
    assert await ids(entity="Hollande", missing_notice=True) == [SEED]
    assert await ids(group_id=f"{settings.app_id}-reader", entity="Hollande") == [SEED]
    assert await ids(group_id=f"{settings.app_id}-reader") == []  # the group committed past every record

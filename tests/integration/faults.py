"""Helpers of the fault-injection tests: numbered articles, waiting, and the offset ledger."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from dataclasses import dataclass

import orjson

from pipeline.config import Settings
from pipeline.kafka.client import ArticleProducer, Coordinates, collect_outcomes
from tests.conftest import SAMPLES

VOLATILE = frozenset({"processed_at", "timings_ms", "chunk_timings"})


def numbered_articles(count: int, prefix: str) -> list[bytes]:
    """``count`` distinct raw articles made from the samples (ids ``<prefix>-<n>``)."""
    samples = [orjson.loads(line) for line in SAMPLES.read_bytes().splitlines()]
    return [
        orjson.dumps({**samples[n % len(samples)], "id": f"{prefix}-{n}"})
        for n in range(count)
    ]


async def produce(settings: Settings, values: Iterable[bytes]) -> list[Coordinates]:
    async with ArticleProducer(settings, validate=False) as producer:
        return [(r.partition, r.offset) for r in await producer.send_many(values)]


async def wait_for_outputs(settings: Settings, produced: list[Coordinates], at_least: int,
                           timeout_s: float = 120.0) -> int:
    """Poll until at least ``at_least`` inputs have an output; returns how many had one."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout_s
    while loop.time() < deadline:
        found = len(await collect_outcomes(settings, produced, timeout_s=0.5))
        if found >= at_least:
            return found
    raise AssertionError(f"fewer than {at_least} outputs after {timeout_s}s")


def _stable(record: dict) -> dict:
    """A record without the fields that legitimately differ between two publications."""
    provenance = {k: v for k, v in record.get("provenance", {}).items() if k not in VOLATILE}
    return {**{k: v for k, v in record.items() if k not in ("provenance", "failed_at")}, "provenance": provenance}


@dataclass
class Ledger:
    """What became of every produced offset."""

    produced: int
    enriched: int
    dead_lettered: int
    duplicated: int
    lost: int

    def __str__(self) -> str:
        return (f"produced={self.produced} enriched={self.enriched} dead-lettered={self.dead_lettered} "
                f"duplicated={self.duplicated} lost={self.lost}")


def ledger(settings: Settings, produced: list[Coordinates], outcomes: dict) -> Ledger:
    """Account for every offset; asserts duplicates are identical re-publications."""
    for coordinates, results in outcomes.items():
        topics = {topic for topic, _ in results}
        assert len(topics) == 1, f"{coordinates} reached both {topics}"
        first = _stable(results[0][1])
        for _, record in results[1:]:
            assert _stable(record) == first, f"{coordinates} was re-published with other content"
    firsts = [results[0][0] for results in outcomes.values()]
    return Ledger(
        produced=len(produced),
        enriched=firsts.count(settings.topic_enriched),
        dead_lettered=firsts.count(settings.topic_dead_letter),
        duplicated=sum(len(results) - 1 for results in outcomes.values()),
        lost=len(set(produced) - set(outcomes)),
    )

"""A running worker switches to a new registry file between batches: nothing lost, nothing repeated."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from pipeline.config import Settings
from pipeline.kafka.client import ArticleProducer, collect_outcomes
from pipeline.kafka.topics import ensure_topics
from pipeline.registry.registry import BUNDLED_PATH, read_registry
from tests.integration.test_end_to_end import article, committed_equals_highwater, isolated

pytestmark = pytest.mark.integration
BODY = "Members of Tren de Aragua were detained in Texas, officials said. Hamas denied any link."


async def _send(settings: Settings, count: int) -> set[tuple[int, int]]:
    async with ArticleProducer(settings) as producer:
        reports = await producer.send_many(article(body=BODY, published_at="2025-03-01T12:00:00Z")
                                           for _ in range(count))
    return {(r.partition, r.offset) for r in reports}


def _replace(path: Path) -> None:
    """The registry without Tren de Aragua, written beside and renamed over, as the import commands do."""
    data = orjson.loads(path.read_bytes())
    data["organisations"] = [o for o in data["organisations"] if o["id"] != "tren-de-aragua"]
    data["version"] = "reg-test-update"
    partial = path.with_name(".registry.json.partial")
    partial.write_bytes(orjson.dumps(data))
    partial.replace(path)


def _designated(record: dict) -> tuple[str, frozenset[str]]:
    section = record["designations"]
    return section["registry_version"], frozenset(o["org_id"] for o in section["organisations"] if o["designated"])


async def test_worker_picks_up_a_new_registry_file(kafka: Settings, start_worker, tmp_path: Path) -> None:
    registry = tmp_path / "registry.json"
    registry.write_bytes(BUNDLED_PATH.read_bytes())
    settings = isolated(kafka, registry_path=registry)
    await ensure_topics(settings)
    worker = start_worker(settings)

    before = await _send(settings, 6)
    first = await worker.alongside(collect_outcomes(settings, before, timeout_s=180))
    assert set(first) == before, worker.log_tail()
    old = read_registry(BUNDLED_PATH).version
    assert {_designated(r[0][1]) for r in first.values()} == {(old, frozenset({"tren-de-aragua", "hamas"}))}

    _replace(registry)
    after = await _send(settings, 6)
    second = await worker.alongside(collect_outcomes(settings, after, timeout_s=180))
    assert set(second) == after, worker.log_tail()
    assert {_designated(r[0][1]) for r in second.values()} == {("reg-test-update", frozenset({"hamas"}))}

    assert worker.stop() == 0, worker.log_tail()
    every = await collect_outcomes(settings, before | after, timeout_s=30)
    assert all(len(outputs) == 1 for outputs in every.values()) and set(every) == before | after
    assert all(committed == end for committed, end in (await committed_equals_highwater(settings)).values())
    assert "registry reloaded: version reg-test-update" in worker.log_path.read_text()

"""Malformed and adversarial input through the real worker: every offset is accounted for.

Hypothesis generates the records (at least 1,000); they are produced in one go
to a real broker and one real worker, whose resident memory is sampled while
it works.
"""

from __future__ import annotations

import asyncio

import orjson
import psutil
import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from pipeline.config import Settings
from pipeline.kafka.client import collect_outcomes
from pipeline.kafka.topics import ensure_topics
from tests.integration.faults import ledger, produce
from tests.integration.test_end_to_end import isolated

pytestmark = pytest.mark.integration

RECORDS = 1_200
MAX_RSS_MB = 1_200

FIELDS = {"id": "x", "source": "s", "title": "t", "body": "b", "published_at": "2024-01-01T00:00:00Z"}
HOSTILE_TEXT = st.sampled_from([
    "\u200b" * 50_000, "\u202e\u2066" * 20_000, "\x00" * 5_000 + "text", "A" * 150_000,
    "<div>" * 3_000 + "deep", "<p>x</p>" * 20_000, "<b><i>" * 2_000, "«" * 10_000, "“" * 9_999,
    "â€œmojibakeâ€\x9d " * 1_000, " \n\t " * 1_000, "",
])
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**63), 2**63 - 1) | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=20,
)


def article_with(**fields: object) -> bytes:
    return orjson.dumps({**FIELDS, **fields})


MESSAGES = st.one_of(
    st.binary(max_size=300),                                                   # arbitrary bytes
    JSON_VALUES.map(orjson.dumps),                                             # JSON of any shape
    st.dictionaries(st.sampled_from(sorted(FIELDS)), JSON_VALUES).map(orjson.dumps),  # wrong types / missing
    st.builds(lambda body, ct: article_with(body=body, content_type=ct),      # hostile bodies
              HOSTILE_TEXT, st.sampled_from(["text/plain", "text/html", None])),
    st.builds(lambda n: b"[" * n + b"]" * n, st.integers(500, 200_000)),      # deep nesting
    st.builds(lambda title, body: article_with(title=title, body=body),       # plain valid-ish articles
              st.text(max_size=200), st.text(min_size=1, max_size=2_000)),
)


def peak_rss_mb(pid: int, stop: asyncio.Event) -> asyncio.Task:
    async def sample() -> float:
        process, peak = psutil.Process(pid), 0.0
        while not stop.is_set():
            peak = max(peak, process.memory_info().rss / 2**20)
            await asyncio.sleep(0.2)
        return peak
    return asyncio.ensure_future(sample())


async def test_generated_malformed_records_all_end_in_exactly_one_topic(kafka: Settings, start_worker) -> None:
    generated: list[bytes] = []

    @hypothesis_settings(max_examples=RECORDS, database=None, deadline=None,
                         suppress_health_check=list(HealthCheck))
    @given(MESSAGES)
    def collect(message: bytes) -> None:
        generated.append(message)

    collect()
    assert len(generated) >= 1_000

    settings = isolated(kafka)
    await ensure_topics(settings)
    produced = await produce(settings, generated)
    worker = start_worker(settings)
    stop = asyncio.Event()
    peak = peak_rss_mb(worker.proc.pid, stop)
    outcomes = await worker.alongside(collect_outcomes(settings, produced, timeout_s=600))
    stop.set()
    account = ledger(settings, produced, outcomes)
    print(f"\nadversarial input ({len(generated)} generated): {account}; worker peak RSS {await peak:.0f} MB")
    assert account.lost == 0
    assert account.duplicated == 0
    assert await peak < MAX_RSS_MB
    assert worker.proc.poll() is None, "the worker must keep going"

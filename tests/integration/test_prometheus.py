"""A real Prometheus server scrapes a real worker, and the shipped rules load into it.

The worker enriches a known number of articles; Prometheus' HTTP API must then
report the same counts, the per-stage latency histograms and the worker's
info metric, and evaluate the recording rules from deploy/prometheus/rules.yml.
"""

from __future__ import annotations

import asyncio
import json
import shutil
import subprocess
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline.config import Settings
from pipeline.kafka.client import collect_outcomes
from pipeline.kafka.topics import ensure_topics
from tests.conftest import REPO, free_port
from tests.integration.faults import numbered_articles, produce
from tests.integration.test_end_to_end import isolated

pytestmark = pytest.mark.integration

ARTICLES = 12
MALFORMED = [b"not json", b"{}"]


class Prometheus:
    """A Prometheus server on a free loopback port, scraping one target every second."""

    def __init__(self, workdir: Path, target_port: int) -> None:
        binary = shutil.which("prometheus")
        assert binary, "prometheus is not installed: run deploy/install-tools.sh"
        self.port = free_port()
        rules = REPO / "deploy" / "prometheus" / "rules.yml"
        config = workdir / "prometheus.yml"
        config.write_text(
            "global: {scrape_interval: 1s, evaluation_interval: 1s}\n"
            f"rule_files: ['{rules}']\n"
            "scrape_configs:\n"
            "  - job_name: wirestream\n"
            f"    static_configs: [{{targets: ['127.0.0.1:{target_port}']}}]\n"
        )
        self.log = (workdir / "prometheus.log").open("wb")
        self.proc = subprocess.Popen(
            [binary, f"--config.file={config}", f"--storage.tsdb.path={workdir / 'tsdb'}",
             f"--web.listen-address=127.0.0.1:{self.port}"],
            stdout=self.log, stderr=subprocess.STDOUT,
        )

    def query(self, expr: str) -> list[dict]:
        url = f"http://127.0.0.1:{self.port}/api/v1/query?" + urllib.parse.urlencode({"query": expr})
        with urllib.request.urlopen(url, timeout=5) as response:
            body = json.load(response)
        assert body["status"] == "success", body
        return body["data"]["result"]

    async def value_becomes(self, expr: str, expected: float, timeout_s: float = 60.0) -> float | None:
        """Poll ``expr`` (a single-series query) until it equals ``expected``; returns the last value."""
        last = None
        for _ in range(int(timeout_s)):
            try:
                result = self.query(expr)
            except OSError:
                result = []
            if result:
                last = float(result[0]["value"][1])
                if last == expected:
                    return last
            await asyncio.sleep(1)
        return last

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=30)
        self.log.close()


@pytest.fixture
def prometheus_for(tmp_path: Path) -> Iterator:
    servers: list[Prometheus] = []

    def start(target_port: int) -> Prometheus:
        server = Prometheus(tmp_path, target_port)
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()


async def test_prometheus_scrapes_the_worker_counts(kafka: Settings, start_worker, prometheus_for) -> None:
    metrics_port = free_port()
    settings = isolated(kafka, metrics_port=metrics_port)
    await ensure_topics(settings)
    worker = start_worker(settings)
    prometheus = prometheus_for(metrics_port)

    produced = await produce(settings, numbered_articles(ARTICLES, "prom") + MALFORMED)
    await worker.alongside(collect_outcomes(settings, produced, timeout_s=180))

    published = f'sum(wirestream_messages_published_total{{topic="{settings.topic_enriched}"}})'
    assert await prometheus.value_becomes(published, ARTICLES) == ARTICLES
    dead = "sum(wirestream_dead_letters_total)"
    assert await prometheus.value_becomes(dead, len(MALFORMED)) == len(MALFORMED)
    consumed = f'sum(wirestream_messages_consumed_total{{topic="{settings.topic_raw}"}})'
    assert await prometheus.value_becomes(consumed, ARTICLES + len(MALFORMED)) == ARTICLES + len(MALFORMED)

    stages = {series["metric"]["stage"] for series in prometheus.query("wirestream_stage_duration_seconds_count")}
    assert stages == {"clean", "ner", "quotes", "designations"}
    assert prometheus.query('up{job="wirestream"} == 1')
    assert prometheus.query("wirestream_worker_info")[0]["metric"]["model"].startswith("en_core_web_sm")
    rules = json.load(urllib.request.urlopen(f"http://127.0.0.1:{prometheus.port}/api/v1/rules", timeout=5))
    groups = rules["data"]["groups"]
    assert groups and all(rule["health"] in ("ok", "unknown") for g in groups for rule in g["rules"])

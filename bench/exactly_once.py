"""What exactly-once costs: one worker, the same articles and the same paced load under each guarantee.

A run starts one worker with ``WIRESTREAM_PROCESSING_GUARANTEE`` set, times a
burst of articles (first send to last output seen by a ``read_committed``
reader), then produces at a fixed rate to measure latency, and reads the
worker's ``wirestream_transaction_commit_seconds`` histogram: the time to
commit one transaction (one batch's outputs and offsets of one input
partition). ``bench/throughput.py`` runs the exactly-once side after its
at-least-once run (3a) and compares with it; alone, this script runs both
sides on a small corpus:

    python bench/exactly_once.py [--articles 160] [--paced-seconds 20]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import orjson
from corpus import BenchArticle, generate
from e2e import Collected, Collector, Workers, bench_broker, burst, free_port, paced, run_settings
from prometheus_client.parser import text_string_to_metric_families

from pipeline.config import Settings
from pipeline.kafka.topics import ensure_topics

PARTITIONS = 2
COLLECT_TIMEOUT_S = 900.0
COMMIT_METRIC = "wirestream_transaction_commit_seconds"


@dataclass(frozen=True, slots=True)
class CommitTimes:
    """The worker's transaction commits: how many, their mean, and the histogram bucket holding the p99."""

    count: int
    mean_ms: float
    p99_at_most_ms: float


@dataclass(frozen=True, slots=True)
class GuaranteeRun:
    """One guarantee's run: burst words per second, paced latencies, commit times (exactly-once only)."""

    guarantee: str
    articles_per_s: float
    words_per_s: float
    latencies_s: list[float]
    commits: CommitTimes | None

    def percentile(self, q: float) -> float:
        ordered = sorted(self.latencies_s)
        return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def commit_times(metrics_port: int) -> CommitTimes | None:
    """Read the commit-time histogram from a worker's metrics endpoint (None before any commit)."""
    with urllib.request.urlopen(f"http://127.0.0.1:{metrics_port}/metrics", timeout=5) as response:
        text = response.read().decode()
    samples = {(s.name, s.labels.get("le")): s.value for family in text_string_to_metric_families(text)
               if family.name == COMMIT_METRIC for s in family.samples}
    count = int(samples.get((f"{COMMIT_METRIC}_count", None), 0))
    if not count:
        return None
    buckets = sorted((float(le), value) for (name, le), value in samples.items() if le is not None)
    p99 = next(le for le, cumulative in buckets if cumulative >= 0.99 * count)
    return CommitTimes(count, samples[(f"{COMMIT_METRIC}_sum", None)] * 1000 / count, p99 * 1000)


async def run(base: Settings, guarantee: str, articles: Sequence[BenchArticle], paced_pool: Sequence[BenchArticle],
              paced_rate: float | None, paced_seconds: float, run_dir: Path) -> GuaranteeRun:
    """One worker under ``guarantee``: a burst of ``articles``, then ``paced_rate`` articles/s from ``paced_pool``
    (default: half the burst's rate) for ``paced_seconds``."""
    metrics_port = free_port()
    settings = run_settings(base, guarantee.replace("_", "-"), PARTITIONS, base.batch_size).model_copy(
        update={"processing_guarantee": guarantee, "metrics_port": metrics_port})
    await ensure_topics(settings)
    pool = Workers(settings, 1, run_dir)
    collector = Collector(settings)
    try:
        await pool.joined()
        await collector.start()
        seconds, _ = await burst(settings, collector, [orjson.dumps(a.raw) for a in articles], COLLECT_TIMEOUT_S)
        rate = paced_rate or 0.5 * len(articles) / seconds
        count = max(10, int(paced_seconds * rate))
        steady: Collected = await paced(settings, collector, [orjson.dumps(a.raw) for a in paced_pool[:count]],
                                        rate, COLLECT_TIMEOUT_S)
        commits = commit_times(metrics_port)
    finally:
        await collector.stop()
        pool.stop()
    words = sum(a.words for a in articles)
    return GuaranteeRun(guarantee, len(articles) / seconds, words / seconds,
                        [o.latency_s for o in steady.outputs.values()], commits)


def report(exactly: GuaranteeRun, at_least_words_per_s: float, at_least_p99_s: float) -> dict[str, float | int]:
    """Print the comparison; return the keys of the summary line."""
    ratio = exactly.words_per_s / at_least_words_per_s
    commits = exactly.commits
    print(f"(6) exactly-once, 1 worker: {exactly.articles_per_s:.2f} articles/s, {ratio:.2f} of at-least-once "
          f"[words/s]; paced latency p50 {exactly.percentile(0.5):.2f} s, p99 {exactly.percentile(0.99):.2f} s "
          f"(at-least-once p99 {at_least_p99_s:.2f} s)")
    if commits:
        print(f"    transaction commit: mean {commits.mean_ms:.1f} ms, p99 ≤ {commits.p99_at_most_ms:.0f} ms "
              f"over {commits.count} transactions (one per batch and input partition)")
    return {
        "eos_1worker_articles_per_s": round(exactly.articles_per_s, 2),
        "eos_throughput_ratio": round(ratio, 3),
        "eos_p50_latency_s": round(exactly.percentile(0.5), 3),
        "eos_p99_latency_s": round(exactly.percentile(0.99), 3),
        "eos_commit_ms_mean": round(commits.mean_ms, 2) if commits else float("nan"),
        "eos_commit_ms_p99_at_most": commits.p99_at_most_ms if commits else float("nan"),
        "eos_transactions": commits.count if commits else 0,
    }


async def both(base: Settings, corpus: Sequence[BenchArticle], paced_seconds: float,
               run_dir: Path) -> tuple[GuaranteeRun, GuaranteeRun]:
    """At-least-once, then exactly-once at the same paced rate, on the same articles."""
    half = len(corpus) // 2
    at_least = await run(base, "at_least_once", corpus[:half], corpus[half:], None, paced_seconds, run_dir)
    paced_rate = 0.5 * at_least.articles_per_s
    exactly = await run(base, "exactly_once", corpus[:half], corpus[half:], paced_rate, paced_seconds, run_dir)
    return at_least, exactly


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=160, help="corpus size: half burst, half paced pool")
    parser.add_argument("--paced-seconds", type=float, default=20.0, help="length of the paced phase")
    parser.add_argument("--batch-size", type=int, default=Settings().batch_size)
    args = parser.parse_args()
    corpus = list(generate(args.articles))
    with bench_broker("wirestream-eos-", batch_size=args.batch_size) as (kafka, run_root):
        at_least, exactly = asyncio.run(both(kafka, corpus, args.paced_seconds, run_root))
    print(f"at-least-once, 1 worker: {at_least.articles_per_s:.2f} articles/s; paced latency "
          f"p50 {at_least.percentile(0.5):.2f} s, p99 {at_least.percentile(0.99):.2f} s "
          f"({len(at_least.latencies_s)} articles, mean {statistics.fmean(at_least.latencies_s):.2f} s)")
    summary = report(exactly, at_least.words_per_s, at_least.percentile(0.99))
    print(orjson.dumps({"articles": args.articles, "batch_size": args.batch_size, **summary}).decode())


if __name__ == "__main__":
    main()

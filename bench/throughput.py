"""Wirestream against bare spaCy: offline, and end to end through a real broker with 1 and 2 workers.

One run prints: (1) bare ``nlp.pipe`` throughput of the model on the articles'
plain text, the baseline (and, beside it, the model as the stages load it:
the attribute ruler in its table form, same annotations); (2) the offline Enricher (every stage, no Kafka);
(3) end to end through Kafka, 1 worker and 2 workers on 2 partitions; (4) the
per-stage share of time, p50/p99 latency at half of the 1-worker peak rate and
peak RSS per worker; (5) the ratios; (6) exactly-once, 1 worker, on the articles
and at the paced rate of (3a): throughput relative to (3a), p99 latency,
transaction commit time (bench/exactly_once.py); (7) Russian copy: its offline rate next to
English's, English again with the Russian models loaded (its ratio to the baseline
must not move), and one worker with both languages loaded on a mixed burst (RSS).
The last line is one JSON object for scripts.

Phases use nested slices of one corpus so that each takes about the same wall
time: baseline, offline and 1 worker the first quarter, 2 workers the first half.
Ratios compare words per second (articles per second of different slices differ
by their mean length). See docs/performance.md.

    python bench/throughput.py [--articles 2000] [--batch-size 32] [--quick] [--russian-only]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import exactly_once
import orjson
import spacy
from corpus import BenchArticle, generate
from e2e import Collected, Collector, Workers, bench_broker, broker_cpu_seconds, burst, paced, run_settings, stage_ms
from russian import bench_articles as russian_articles
from spacy.language import Language

from pipeline.article import Origin
from pipeline.config import Settings
from pipeline.enrich import Message, build_enricher
from pipeline.kafka.topics import ensure_topics
from pipeline.nlp import load_nlp

PARTITIONS = 2
PACED_SECONDS = 30.0
COLLECT_TIMEOUT_S = 900.0


@dataclass(frozen=True, slots=True)
class Rate:
    """Throughput of one phase."""

    articles: int
    words: int
    seconds: float
    cpu_seconds: float

    @property
    def articles_per_s(self) -> float:
        return self.articles / self.seconds

    @property
    def words_per_s(self) -> float:
        return self.words / self.seconds

    @property
    def cpu_ms_per_article(self) -> float:
        return self.cpu_seconds * 1000 / self.articles

    def line(self, label: str) -> str:
        return (f"{label:<37} {self.articles_per_s:6.2f} articles/s {self.words_per_s:6.0f} words/s "
                f"{self.cpu_ms_per_article:5.0f} CPU ms/article ({self.articles} in {self.seconds:.1f} s)")


def _words(articles: Sequence[BenchArticle]) -> int:
    return sum(a.words for a in articles)


def model_rate(nlp: Language, articles: Sequence[BenchArticle], batch_size: int) -> Rate:
    """``nlp.pipe`` over the plain texts, in batches as the workers use; one untimed warm-up batch."""
    texts = [a.text for a in articles]
    for _ in nlp.pipe(texts[:batch_size], batch_size=batch_size):
        pass
    started, cpu = time.perf_counter(), time.process_time()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    return Rate(len(texts), _words(articles), time.perf_counter() - started, time.process_time() - cpu)


def offline(settings: Settings, articles: Sequence[BenchArticle]) -> tuple[Rate, list[dict[str, float]]]:
    """The Enricher as ``wirestream enrich`` runs it, serialising every outcome; also each record's timings."""
    enricher = build_enricher(settings)
    messages = [Message(orjson.dumps(a.raw), None, Origin("bench", 0, i)) for i, a in enumerate(articles)]
    size = settings.batch_size
    enricher.enrich(messages[:size])  # warm-up, untimed
    timings, dead = [], 0
    started, cpu = time.perf_counter(), time.process_time()
    for start in range(0, len(messages), size):
        for outcome in enricher.enrich(messages[start:start + size]):
            outcome.value  # noqa: B018 - serialisation is part of the hot path
            dead += outcome.dead
            if not outcome.dead:
                timings.append(stage_ms(orjson.loads(outcome.value)["provenance"]))
    rate = Rate(len(messages), _words(articles), time.perf_counter() - started, time.process_time() - cpu)
    if dead:
        print(f"  note: {dead} article(s) became dead letters offline")
    return rate, timings


@dataclass(frozen=True, slots=True)
class RunResult:
    """One end-to-end run: burst throughput and outputs, the paced phase (if any), peak RSS per worker."""

    rate: Rate
    collected: Collected
    paced: Collected | None
    paced_rate: float
    peak_rss_mb: list[float]
    joined_rss_mb: list[float]
    broker_cpu_ms_per_article: float


async def end_to_end(base: Settings, name: str, workers: int, articles: Sequence[BenchArticle],
                     paced_pool: Sequence[BenchArticle], paced_seconds: float, run_dir: Path) -> RunResult:
    """Start ``workers`` workers, wait until they joined, time a burst of ``articles``.

    With a ``paced_pool``, then produce from it at half the burst's rate for ``paced_seconds``
    on the same workers: latency at 50% of peak load.
    """
    settings = run_settings(base, name, PARTITIONS, base.batch_size)
    await ensure_topics(settings)
    pool = Workers(settings, workers, run_dir)
    collector = Collector(settings)
    steady, paced_rate, cpu, broker_cpu = None, 0.0, 0.0, 0.0
    try:
        await pool.joined()
        await collector.start()
        cpu, broker_cpu = pool.cpu_seconds(), broker_cpu_seconds(settings)
        seconds, collected = await burst(settings, collector, [orjson.dumps(a.raw) for a in articles],
                                         COLLECT_TIMEOUT_S)
        cpu, broker_cpu = pool.cpu_seconds() - cpu, broker_cpu_seconds(settings) - broker_cpu
        if paced_pool:
            paced_rate = 0.5 * len(articles) / seconds
            count = max(10, int(paced_seconds * paced_rate))
            steady = await paced(settings, collector, [orjson.dumps(a.raw) for a in paced_pool[:count]],
                                 paced_rate, COLLECT_TIMEOUT_S)
    finally:
        await collector.stop()
        pool.stop()
    return RunResult(Rate(len(articles), _words(articles), seconds, cpu), collected, steady, paced_rate,
                     [r / 2**20 for r in pool.peak_rss], [r / 2**20 for r in pool.joined_rss],
                     broker_cpu * 1000 / len(articles))


async def kafka_runs(kafka: Settings, quarter: Sequence[BenchArticle], half: Sequence[BenchArticle],
                     paced_seconds: float, run_dir: Path) -> tuple[RunResult, RunResult]:
    """(3a) 1 worker on the quarter, then a paced load; (3b) 2 workers on the half."""
    one = await end_to_end(kafka, "w1", 1, quarter, half[len(quarter):], paced_seconds, run_dir)
    print(one.rate.line("(3a) Kafka, 1 worker, 2 partitions") + f" + broker {one.broker_cpu_ms_per_article:.0f}")
    two = await end_to_end(kafka, "w2", 2, half, [], 0.0, run_dir)
    print(two.rate.line("(3b) Kafka, 2 workers, 2 partitions") + f" + broker {two.broker_cpu_ms_per_article:.0f}")
    return one, two


def _stage_table(offline_timings: list[dict[str, float]], e2e: Collected, offline_rate: Rate) -> list[str]:
    """Per-stage ms/article offline and end to end, and the share of offline wall time per article."""
    wall_ms = 1000 / offline_rate.articles_per_s
    e2e_timings = [o.timings_ms for o in e2e.outputs.values() if not o.dead]
    stages = list(offline_timings[0]) if offline_timings else []
    lines = [f"  {'stage':<14} {'offline ms/art':>14} {'share of wall':>14} {'1-worker ms/art':>16}"]
    for stage in stages:
        off = statistics.fmean(t.get(stage, 0.0) for t in offline_timings)
        on = statistics.fmean(t.get(stage, 0.0) for t in e2e_timings) if e2e_timings else float("nan")
        lines.append(f"  {stage:<14} {off:>14.1f} {off / wall_ms:>14.1%} {on:>16.1f}")
    rest = wall_ms - sum(statistics.fmean(t.get(s, 0.0) for t in offline_timings) for s in stages)
    lines.append(f"  {'outside stages':<14} {rest:>14.1f} {rest / wall_ms:>14.1%} {'':>16}"
                 "   (decode, records, serialisation)")
    return lines


def _percentile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _ms_per_1000_words(rate: Rate) -> float:
    return 1e6 / rate.words_per_s


def _cpu_ms_per_1000_words(rate: Rate) -> float:
    return rate.cpu_seconds * 1e6 / rate.words


def _per_1000_words(rate: Rate) -> str:
    return f"  {_ms_per_1000_words(rate):.0f} ms, {_cpu_ms_per_1000_words(rate):.0f} CPU ms per 1,000 words"


def russian_phase(base: Settings, kafka: Settings, run_dir: Path, english: Sequence[BenchArticle],
                  baseline: Rate) -> dict[str, float | int]:
    """(7) As many Russian articles as ``english`` (bench/russian.py) through the offline Enricher, then
    ``english`` again in the same process, the Russian models now loaded; then one worker with both
    languages preloaded (``preload_languages``) on a burst of half of each, interleaved: its RSS on
    joining (both models loaded, no article yet) and at peak."""
    russian = russian_articles(len(english))
    ru_rate, _ = offline(base, russian)
    print(ru_rate.line("(7) offline Enricher, Russian copy") + _per_1000_words(ru_rate))
    en_rate, _ = offline(base, english)
    print(en_rate.line("    English, Russian models loaded") + _per_1000_words(en_rate))
    half = len(english) // 2
    mixed = [article for pair in zip(english[:half], russian[:half], strict=True) for article in pair]
    both = kafka.model_copy(update={"preload_languages": ["en", "ru"]})
    run = asyncio.run(end_to_end(both, "ru", 1, mixed, [], 0.0, run_dir))
    print(run.rate.line("    Kafka, 1 worker, English + Russian"))
    print(f"    RSS of a worker with both languages loaded: {run.joined_rss_mb[0]:.0f} MB on joining, "
          f"{run.peak_rss_mb[0]:.0f} MB at peak (target < 700 MB); English offline / baseline with the Russian "
          f"models loaded {en_rate.words_per_s / baseline.words_per_s:.2f} by words/s, "
          f"{_cpu_ms_per_1000_words(baseline) / _cpu_ms_per_1000_words(en_rate):.2f} by CPU per word")
    return {
        "ru_offline_articles_per_s": round(ru_rate.articles_per_s, 2),
        "ru_offline_words_per_s": round(ru_rate.words_per_s),
        "ru_ms_per_1000_words": round(_ms_per_1000_words(ru_rate), 1),
        "ru_cpu_ms_per_1000_words": round(_cpu_ms_per_1000_words(ru_rate), 1),
        "en_ms_per_1000_words_ru_loaded": round(_ms_per_1000_words(en_rate), 1),
        "en_offline_ratio_ru_loaded": round(en_rate.words_per_s / baseline.words_per_s, 3),
        "en_offline_cpu_ratio_ru_loaded": round(_cpu_ms_per_1000_words(baseline) / _cpu_ms_per_1000_words(en_rate), 3),
        "mixed_1worker_articles_per_s": round(run.rate.articles_per_s, 2),
        "both_languages_joined_rss_mb": round(run.joined_rss_mb[0], 1),
        "both_languages_peak_rss_mb": round(run.peak_rss_mb[0], 1),
    }


def russian_only(args: argparse.Namespace) -> dict[str, float | int | str]:
    """Phase (7) alone, after the baseline and offline English phases it compares with, on the first quarter."""
    quarter = list(generate(args.articles))[: args.articles // 4]
    base = Settings(metrics_port=0, batch_size=args.batch_size)
    base_rate = model_rate(spacy.load(base.spacy_model), quarter, args.batch_size)
    print(base_rate.line("(1) bare nlp.pipe baseline"))
    off_rate, _ = offline(base, quarter)
    print(off_rate.line("(2) offline Enricher, all stages"))
    with bench_broker("wirestream-bench-", batch_size=args.batch_size) as (kafka, run_root):
        russian = russian_phase(base, kafka, run_root, quarter, base_rate)
    return {"articles": len(quarter), "batch_size": args.batch_size,
            "offline_ratio": round(off_rate.words_per_s / base_rate.words_per_s, 3),
            "offline_cpu_ratio": round(base_rate.cpu_ms_per_article / off_rate.cpu_ms_per_article, 3),
            "en_ms_per_1000_words": round(_ms_per_1000_words(off_rate), 1), **russian}


def bench(args: argparse.Namespace) -> dict[str, float | int | str]:
    """Every phase, printed as it completes; returns the summary for the last line."""
    corpus = list(generate(args.articles))
    quarter, half = corpus[: len(corpus) // 4], corpus[: len(corpus) // 2]
    cores = os.cpu_count() or 1
    base = Settings(metrics_port=0, batch_size=args.batch_size)
    print(f"machine: {cores} cores, load average {os.getloadavg()[0]:.2f} at start; python {sys.version.split()[0]}, "
          f"spaCy {spacy.__version__}, model {base.spacy_model}")
    print(f"corpus: {len(corpus)} articles, {_words(corpus)} words (mean {_words(corpus) / len(corpus):.0f}); "
          f"batch size {args.batch_size}; phases 1-3a on the first {len(quarter)}, 3b on the first {len(half)}")

    base_rate = model_rate(spacy.load(base.spacy_model), quarter, args.batch_size)
    print(base_rate.line("(1) bare nlp.pipe baseline"))
    loaded_rate = model_rate(load_nlp(base.spacy_model), quarter[: len(quarter) // 2], args.batch_size)
    print(loaded_rate.line("    the model as the stages load it") + "  (attribute ruler as a table)")
    off_rate, off_timings = offline(base, quarter)
    print(off_rate.line("(2) offline Enricher, all stages"))

    paced_seconds = PACED_SECONDS / 3 if args.quick else PACED_SECONDS
    with bench_broker("wirestream-bench-", batch_size=args.batch_size) as (kafka, run_root):
        one, two = asyncio.run(kafka_runs(kafka, quarter, half, paced_seconds, run_root))
        eos = asyncio.run(exactly_once.run(kafka, "exactly_once", quarter, half[len(quarter):], one.paced_rate,
                                           paced_seconds, run_root))

    print("(4) per-stage time (records' provenance: timings_ms, and chunk_ms / chunk_size of chunked stages):")
    print("\n".join(_stage_table(off_timings, one.collected, off_rate)))
    assert one.paced is not None
    latencies = [o.latency_s for o in one.paced.outputs.values()]
    p50, p99 = _percentile(latencies, 0.50), _percentile(latencies, 0.99)
    burst_lat = [o.latency_s for o in one.collected.outputs.values()]
    print(f"    latency at 50% of 1-worker peak ({one.paced_rate:.2f} articles/s, {len(latencies)} articles): "
          f"p50 {p50:.2f} s, p99 {p99:.2f} s   (burst of {len(burst_lat)}, queueing included: "
          f"p50 {_percentile(burst_lat, 0.5):.1f} s, p99 {_percentile(burst_lat, 0.99):.1f} s)")
    rss = [*one.peak_rss_mb, *two.peak_rss_mb]
    print(f"    peak RSS per worker: 1-worker run {one.peak_rss_mb[0]:.0f} MB; 2-worker run "
          + ", ".join(f"{r:.0f} MB" for r in two.peak_rss_mb)
          + f"   (on joining the group, before any article: {one.joined_rss_mb[0]:.0f} MB)")

    offline_ratio = off_rate.words_per_s / base_rate.words_per_s
    e2e_ratio = one.rate.words_per_s / base_rate.words_per_s
    scaling = two.rate.words_per_s / one.rate.words_per_s
    cpu_offline = base_rate.cpu_ms_per_article / off_rate.cpu_ms_per_article
    cpu_e2e = base_rate.cpu_ms_per_article / one.rate.cpu_ms_per_article
    print(f"(5) offline / baseline {offline_ratio:.2f}; 1 worker / baseline {e2e_ratio:.2f}; "
          f"2 workers / 1 worker {scaling:.2f}   [words/s; {cores} cores, load average {os.getloadavg()[0]:.2f} at end]")
    print(f"    by CPU per article (less sensitive to other load): offline / baseline {cpu_offline:.2f}; "
          f"1 worker / baseline {cpu_e2e:.2f} (broker CPU excluded)")
    eos_keys = exactly_once.report(eos, one.rate.words_per_s, p99)
    with bench_broker("wirestream-bench-ru-", batch_size=args.batch_size) as (kafka, run_root):
        russian = russian_phase(base, kafka, run_root, quarter[: len(quarter) // 2], base_rate)
    return {
        "cores": cores,
        "articles": len(corpus),
        "batch_size": args.batch_size,
        "baseline_articles_per_s": round(base_rate.articles_per_s, 2),
        "baseline_words_per_s": round(base_rate.words_per_s),
        "model_as_loaded_ratio": round(loaded_rate.words_per_s / base_rate.words_per_s, 3),
        "offline_articles_per_s": round(off_rate.articles_per_s, 2),
        "e2e_1worker_articles_per_s": round(one.rate.articles_per_s, 2),
        "e2e_2workers_articles_per_s": round(two.rate.articles_per_s, 2),
        "offline_ratio": round(offline_ratio, 3),
        "e2e_1worker_ratio": round(e2e_ratio, 3),
        "e2e_2workers_scaling": round(scaling, 3),
        "offline_cpu_ratio": round(cpu_offline, 3),
        "e2e_1worker_cpu_ratio": round(cpu_e2e, 3),
        "p50_latency_s": round(p50, 3),
        "p99_latency_s": round(p99, 3),
        "peak_rss_mb": round(max(rss), 1),
        "en_ms_per_1000_words": round(_ms_per_1000_words(off_rate), 1),
        **eos_keys,
        **russian,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000, help="corpus size (default 2000)")
    parser.add_argument("--batch-size", type=int, default=Settings().batch_size,
                        help="nlp.pipe batch size and worker batch size")
    parser.add_argument("--quick", action="store_true", help="smoke run: 300 articles, short paced phase")
    parser.add_argument("--russian-only", action="store_true",
                        help="phase (7) alone, with the baseline and offline English phases it is compared with")
    args = parser.parse_args()
    if args.quick:
        args.articles = 300
    started = time.perf_counter()
    summary = russian_only(args) if args.russian_only else bench(args)
    summary["total_s"] = round(time.perf_counter() - started, 1)
    print(orjson.dumps(summary).decode())


if __name__ == "__main__":
    main()

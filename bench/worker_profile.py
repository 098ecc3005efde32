"""Where a running worker spends its time, sampled from outside with py-spy.

Starts its own embedded broker on free loopback ports, one ``python -m pipeline
worker`` on a 2-partition topic, waits until it has joined its group, then
produces the articles in one burst and lets py-spy sample the worker (all
threads, idle samples dropped) until the last output arrives. Prints each
thread's share of the samples, the share of the stage thread in the spaCy model
(thinc/spaCy frames), in Wirestream's own stage code and elsewhere, and the
heaviest leaf frames. The last line is one JSON object.

    python bench/worker_profile.py [--articles 200] [--rate 50]

Needs py-spy (``pip install -e '.[bench]'``; ``make bench`` installs it) and
permission to read another process's memory (same user; ptrace not restricted).
"""

from __future__ import annotations

import argparse
import asyncio
import signal
import subprocess
import sys
from collections import Counter
from pathlib import Path

import orjson

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import generate  # noqa: E402
from e2e import Collector, Workers, bench_broker, burst, run_settings  # noqa: E402

from pipeline.config import Settings  # noqa: E402
from pipeline.kafka.topics import ensure_topics  # noqa: E402

COLLECT_TIMEOUT_S = 1200.0
STAGE_THREAD = "stages"
MODEL_PATHS = ("spacy/", "thinc/", "numpy/")


def _py_spy() -> str:
    path = Path(sys.executable).with_name("py-spy")
    if not path.exists():
        raise SystemExit("py-spy is not installed in this environment: pip install -e '.[bench]'")
    return str(path)


async def sample(kafka: Settings, values: list[bytes], rate: int, run_dir: Path) -> Path:
    """Run one worker over ``values`` under py-spy; the path of the raw (collapsed-stack) samples."""
    settings = run_settings(kafka, "profile", 2, kafka.batch_size)
    await ensure_topics(settings)
    pool = Workers(settings, 1, run_dir)
    collector = Collector(settings)
    samples = run_dir / "samples.txt"
    try:
        await pool.joined()
        await collector.start()
        spy = subprocess.Popen([_py_spy(), "record", "--pid", str(pool.procs[0].pid), "--rate", str(rate),
                                "--threads", "--format", "raw", "--output", str(samples), "--nonblocking"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        await burst(settings, collector, values, COLLECT_TIMEOUT_S)
        spy.send_signal(signal.SIGINT)  # py-spy writes its samples on interrupt
        spy.wait(timeout=60)
    finally:
        await collector.stop()
        pool.stop()
    return samples


def summarise(samples: Path) -> dict[str, object]:
    """Shares of samples by thread, and inside the stage thread by kind of code; top leaf frames."""
    threads: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    leaves: Counter[str] = Counter()
    rows = []
    names: dict[str, str] = {}  # py-spy reads a thread's name in most samples, not all: key by thread id
    for line in samples.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        frames = stack.split(";")
        tid, _, name = frames[0].partition(": ")
        if name:
            names[tid] = STAGE_THREAD if name.startswith(STAGE_THREAD) else name
        rows.append((tid, frames, int(count)))
    for tid, frames, weight in rows:
        thread = names.get(tid, tid)
        threads[thread] += weight
        leaves[f"{thread}: {frames[-1]}"] += weight
        if thread == STAGE_THREAD:
            leaf = frames[-1]
            kind = ("model" if any(p in leaf for p in MODEL_PATHS)
                    else "wirestream" if "pipeline/" in leaf else "other")
            kinds[kind] += weight
    total = sum(threads.values())
    staged = sum(kinds.values())
    return {
        "samples": total,
        "threads": {name: round(n / total, 3) for name, n in threads.most_common()},
        "stage_thread": {kind: round(n / staged, 3) for kind, n in kinds.most_common()},
        "top_frames": [(frame, round(n / total, 3)) for frame, n in leaves.most_common(12)],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--rate", type=int, default=50, help="py-spy samples per second")
    args = parser.parse_args()
    values = [orjson.dumps(article.raw) for article in generate(args.articles)]
    with bench_broker("wirestream-profile-") as (kafka, run_root):
        summary = summarise(asyncio.run(sample(kafka, values, args.rate, run_root)))
    print(f"{summary['samples']} samples of one worker over a burst of {args.articles} articles (idle excluded)")
    for name, share in summary["threads"].items():  # type: ignore[union-attr]
        print(f"  thread {name:<24} {share:6.1%}")
    print("  inside the stage thread: " + ", ".join(
        f"{kind} {share:.1%}" for kind, share in summary["stage_thread"].items()))  # type: ignore[union-attr]
    print("heaviest leaf frames:")
    for frame, share in summary["top_frames"]:  # type: ignore[union-attr]
        print(f"  {share:6.1%}  {frame}")
    print(orjson.dumps({"articles": args.articles, **summary}).decode())


if __name__ == "__main__":
    main()

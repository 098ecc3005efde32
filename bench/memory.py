"""Peak resident memory of one worker over N articles, through a real broker.

Starts its own embedded broker on free loopback ports (state in a temporary
directory, purged at the end), one ``python -m pipeline worker`` subprocess on
a 1-partition topic, waits until it has joined its group, produces the
articles in one burst and waits for every output. RSS is sampled every 0.25 s
from joining to stopping (psutil). ``--env NAME=VALUE`` (repeatable) adds to
the worker's environment, e.g. ``--env MALLOC_ARENA_MAX=1``, to compare
allocator settings without changing code. The last line is one JSON object.

    python bench/memory.py [--articles 300] [--batch-size 32] [--env NAME=VALUE ...]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import time
from pathlib import Path

import orjson

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import generate  # noqa: E402
from e2e import Collector, Workers, bench_broker, burst, run_settings  # noqa: E402

from pipeline.config import Settings  # noqa: E402
from pipeline.kafka.topics import ensure_topics  # noqa: E402

COLLECT_TIMEOUT_S = 1200.0


async def measure(kafka: Settings, values: list[bytes], env: dict[str, str],
                  run_dir: Path) -> dict[str, float]:
    """One worker over ``values``: RSS on joining, peak RSS, seconds for the burst."""
    settings = run_settings(kafka, "memory", 1, kafka.batch_size)
    await ensure_topics(settings)
    saved = {name: os.environ.get(name) for name in env}
    os.environ.update(env)  # Workers copies os.environ into the worker's environment
    try:
        pool = Workers(settings, 1, run_dir)
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
    collector = Collector(settings)
    try:
        await pool.joined()
        await collector.start()
        seconds, collected = await burst(settings, collector, values, COLLECT_TIMEOUT_S)
        await asyncio.sleep(0.5)  # one more RSS sample after the last output
    finally:
        await collector.stop()
        pool.stop()
    return {"joined_rss_mb": round(pool.joined_rss[0] / 2**20, 1),
            "peak_rss_mb": round(pool.peak_rss[0] / 2**20, 1),
            "outputs": len(collected.outputs), "seconds": round(seconds, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--batch-size", type=int, default=Settings().batch_size)
    parser.add_argument("--env", action="append", default=[], metavar="NAME=VALUE",
                        help="add to the worker's environment (repeatable)")
    args = parser.parse_args()
    env = dict(item.split("=", 1) for item in args.env)
    values = [orjson.dumps(article.raw) for article in generate(args.articles)]

    started = time.monotonic()
    with bench_broker("wirestream-memory-", batch_size=args.batch_size) as (kafka, run_root):
        result = asyncio.run(measure(kafka, values, env, run_root))
    print(f"1 worker, {args.articles} articles, batch size {args.batch_size}, env {env or '{}'}: "
          f"RSS {result['joined_rss_mb']:.0f} MB on joining, peak {result['peak_rss_mb']:.0f} MB "
          f"({result['outputs']} outputs in {result['seconds']:.0f} s)")
    print(orjson.dumps({"articles": args.articles, "batch_size": args.batch_size, "env": env, **result,
                        "total_s": round(time.monotonic() - started, 1)}).decode())


if __name__ == "__main__":
    main()

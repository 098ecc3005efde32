"""Russian copy through the stages: milliseconds per article and per 1,000 words, per stage, and memory.

Builds ``--articles`` Russian articles of 400–1,000 words from the Russian gold items
(tests/gold/ru/articles.jsonl: paragraphs drawn with a seeded generator, each article under its
own TASS dateline), runs the real stages built from configuration (clean → ner → quotes →
designations) one chunk of ``--chunk`` articles at a time, and reports the wall and CPU time of each stage
per article and per 1,000 words, the natasha model load, and the process's peak RSS with the
Russian models loaded (the English model is loaded too: the stages set up every backend).
The last line is one JSON object.

    python bench/russian.py [--articles 60] [--chunk 8] [--seed 7]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from corpus import BenchArticle  # noqa: E402

from pipeline.article import Article, RawArticle  # noqa: E402
from pipeline.config import Settings  # noqa: E402
from pipeline.stages.registry import build_stages  # noqa: E402

_MARK = re.compile(r"\[([^\[\]]+)\]\([A-Z_]+:[a-z0-9-]+\)")
_DATELINE = re.compile(r"^[А-ЯЁ -]+, \d+ [а-я]+(?:\. /ТАСС/\.| — РИА Новости\.| \(Интерфакс\) -) ")


def paragraphs() -> list[str]:
    out = []
    for line in (ROOT / "tests/gold/ru/articles.jsonl").read_text("utf-8").splitlines():
        body = _MARK.sub(r"\1", json.loads(line)["body"])
        out += [_DATELINE.sub("", p) for p in body.split("\n\n")]
    return out


def corpus(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    pool = paragraphs()
    articles = []
    for _ in range(n):
        target = rng.randint(400, 1000)
        parts: list[str] = []
        while sum(len(p.split()) for p in parts) < target:
            parts.append(rng.choice(pool))
        articles.append("МОСКВА, 2 марта. /ТАСС/. " + "\n\n".join(parts))
    return articles


def bench_articles(n: int, seed: int = 7) -> list[BenchArticle]:
    """The same articles as raw Russian articles (schemas/raw-article), for bench/throughput.py."""
    return [BenchArticle({"id": f"bench-ru-{k:05d}", "source": "Wirestream bench", "language": "ru",
                          "published_at": "2024-03-02T12:00:00+03:00", "title": text.split(". ", 2)[-1][:60],
                          "body": text}, text)
            for k, text in enumerate(corpus(n, seed))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=60)
    parser.add_argument("--chunk", type=int, default=8)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    texts = corpus(args.articles, args.seed)
    words = sum(len(t.split()) for t in texts)
    t0 = time.perf_counter()
    stages = build_stages(Settings(metrics_port=0))
    setup_ms = {}
    for stage in stages:
        s = time.perf_counter()
        stage.setup()
        setup_ms[stage.name] = round((time.perf_counter() - s) * 1000)
    print(f"stages set up in {time.perf_counter() - t0:.1f} s: {setup_ms}")
    # warm-up: one article through every stage (first calls fill caches)
    warm = Article(RawArticle(id="w", source="b", title="т", body=texts[0], published_at="2024-03-02", language="ru"))
    for stage in stages:
        stage.process([warm])

    spent = {stage.name: 0.0 for stage in stages}
    cpu = {stage.name: 0.0 for stage in stages}
    for k in range(0, len(texts), args.chunk):
        chunk = [Article(RawArticle(id=f"b{k + i}", source="b", title="т", body=t, published_at="2024-03-02",
                                    language="ru")) for i, t in enumerate(texts[k:k + args.chunk])]
        for stage in stages:
            todo = [a for a in chunk if stage.handles(a.language)]
            assert len(todo) == len(chunk), f"{stage.name} skipped Russian articles"
            s, c = time.perf_counter(), time.process_time()
            if stage.batched:
                stage.process(todo)
            else:
                for article in todo:
                    stage.process([article])
            spent[stage.name] += time.perf_counter() - s
            cpu[stage.name] += time.process_time() - c
    n = len(texts)
    total = sum(spent.values())
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    per_article = {name: round(t * 1000 / n, 1) for name, t in spent.items()}
    cpu_per_article = {name: round(t * 1000 / n, 1) for name, t in cpu.items()}
    per_kwords = {name: round(t * 1000 / words * 1000, 1) for name, t in spent.items()}
    print(f"{n} Russian articles, {words} words ({words / n:.0f} per article), chunks of {args.chunk}")
    print("ms per article:     " + ", ".join(f"{k} {v}" for k, v in per_article.items()))
    print("CPU ms per article: " + ", ".join(f"{k} {v}" for k, v in cpu_per_article.items())
          + "   (less sensitive to other load on the machine)")
    print("ms per 1,000 words: " + ", ".join(f"{k} {v}" for k, v in per_kwords.items()))
    print(f"all stages: {n / total:.2f} articles/s, {total * 1000 / words * 1000:.0f} ms per 1,000 words; "
          f"peak RSS {rss_mb:.0f} MB (English and Russian models loaded)")
    print(json.dumps({"articles": n, "words": words, "chunk": args.chunk, "setup_ms": setup_ms,
                      "ms_per_article": per_article, "cpu_ms_per_article": cpu_per_article, "ms_per_1000_words": per_kwords,
                      "articles_per_s": round(n / total, 2), "peak_rss_mb": round(rss_mb)}))


if __name__ == "__main__":
    main()

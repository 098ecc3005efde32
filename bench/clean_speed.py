"""Time of the clean stage per article over a directory of plain-text articles.

The clean stage runs before every other stage on every article, so a repair added to it must
stay cheap on text that does not need it. Reads every ``*.txt`` under the directory (for
example a PolNeAR checkout's ``data/train/text``, or ``tests/gold/quotes/articles``), cleans them
all in one batch several times and reports the best pass (the least disturbed by other programs).

    .venv/bin/python bench/clean_speed.py DIR [--passes 5]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from pipeline.article import Article, RawArticle
from pipeline.config import Settings
from pipeline.stages.registry import build_stages


def articles(texts: list[str]) -> list[Article]:
    """Fresh raw articles (the stage cleans in place) of plain text."""
    return [Article(RawArticle(id=str(i), source="clean-speed", title="", body=text,
                               published_at="2016-01-01", content_type="text/plain"))
            for i, text in enumerate(texts)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("directory", type=Path)
    parser.add_argument("--passes", type=int, default=5)
    args = parser.parse_args()
    texts = [p.read_text(encoding="utf-8") for p in sorted(args.directory.rglob("*.txt"))]
    if not texts:
        parser.error(f"no .txt file under {args.directory}")
    stage = next(s for s in build_stages(Settings()) if s.name == "clean")
    stage.setup()
    best = float("inf")
    for _ in range(args.passes):
        batch = articles(texts)
        started = time.perf_counter()
        stage.process(batch)
        best = min(best, time.perf_counter() - started)
    print(f"clean stage: {len(texts)} articles, {1000 * best / len(texts):.3f} ms/article "
          f"(best of {args.passes} passes)")


if __name__ == "__main__":
    main()

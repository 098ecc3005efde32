"""Throughput of bare ``nlp.pipe`` vs the NER stage on the same articles (the seed text repeated).

Usage: ``python -m tests.gold.entities.bench [--articles 256] [--batch 32] [--rounds 3]``.
Prints articles/s of each and the stage's overhead over the bare model, from the
process's CPU time (other processes on a shared box distort wall time); the best
of ``rounds`` runs is kept for each, the two interleaved so drift hits both.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from pipeline.article import Article, RawArticle
from pipeline.config import Settings
from pipeline.entities.english import GAZETTEER_PIPE
from pipeline.nlp import load_nlp
from pipeline.stages.registry import build_stages

SEED = Path(__file__).resolve().parents[2] / "fixtures" / "tass-syria-2015-10-08.txt"


def _text() -> str:
    return SEED.read_text(encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=256)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    text = _text()
    [stage] = build_stages(Settings(stages=["ner"]))
    stage.setup()
    nlp = load_nlp(Settings().spacy_model)
    batches = [[text] * args.batch for _ in range(max(1, args.articles // args.batch))]
    total = sum(len(b) for b in batches)
    stage.process([_article(text)])  # warm-up

    def bare() -> None:
        with nlp.select_pipes(disable=[GAZETTEER_PIPE]):
            for batch in batches:
                list(nlp.pipe(batch, batch_size=len(batch)))

    def full() -> None:
        for batch in batches:
            stage.process([_article(t) for t in batch])

    best = {"bare_nlp_pipe": float("inf"), "ner_stage": float("inf")}
    for _ in range(args.rounds):
        for name, run in (("bare_nlp_pipe", bare), ("ner_stage", full)):
            start = time.process_time()
            run()
            best[name] = min(best[name], time.process_time() - start)
    rates = {name: round(total / secs, 1) for name, secs in best.items()}
    overhead = round(100 * (best["ner_stage"] / best["bare_nlp_pipe"] - 1), 1)
    print(f"{total} articles of {len(text)} chars, batch {args.batch}, CPU time: "
          f"bare nlp.pipe {rates['bare_nlp_pipe']} art/s, NER stage {rates['ner_stage']} art/s, "
          f"overhead {overhead}%")
    print(json.dumps({"articles_per_s": rates, "overhead_pct": overhead, "articles": total}))


def _article(text: str) -> Article:
    raw = RawArticle(id="bench", source="bench", title="", body=text, published_at="")
    return Article(raw=raw, text=text)


if __name__ == "__main__":
    main()

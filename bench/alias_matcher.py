"""The alias matcher at the size of the next lists: build time and lookup time per 1,000 words.

Indexes the real aliases (gazetteer entries, MT renderings, the bundled
registry) plus seeded synthetic organisation-like names up to ``--aliases``
(default 60,000; the UN/US/UK/EU lists hold tens of thousands of names), then
scans benchmark articles (bench/corpus.py) the way the two stages do: one scan,
the gazetteer matches, the registry hits with their context rules, and the fuzzy
second pass. Build time includes folding every alias and compiling the automaton;
each article is timed ``--repeat`` times and the fastest run counts (on a shared
machine the slower ones measure the neighbours).
The last line is one JSON object.

    python bench/alias_matcher.py [--aliases 60000] [--articles 200] [--seed 7] [--repeat 5]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

import orjson

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import generate  # noqa: E402

from pipeline.aliases import registry_specs  # noqa: E402
from pipeline.aliases.index import AliasSpec  # noqa: E402
from pipeline.aliases.matcher import AliasMatcher  # noqa: E402
from pipeline.entities.gazetteer import is_acronym, load_artefacts, load_entries, registry_aliases  # noqa: E402
from pipeline.registry.registry import load_registry  # noqa: E402

# Shapes of sanctioned-entity names: "Al-Noor Trading Company LLC", "Eastern Shipping Group", "NPO Almaz".
_STEMS = ("noor", "baraka", "almaz", "zarya", "vostok", "sever", "kaspiy", "delta", "orion", "atlas", "falcon",
          "sahara", "tigris", "ural", "amur", "neva", "baikal", "crescent", "horizon", "meridian", "pioneer")
_HEADS = ("Trading", "Shipping", "Petroleum", "Industrial", "Financial", "Logistics", "Engineering", "Defence",
          "Mining", "Aviation", "Marine", "Energy", "Construction", "Import-Export", "Technical", "Charity")
_TAILS = ("Company", "Group", "LLC", "Ltd", "JSC", "Holding", "Corporation", "Establishment", "Foundation",
          "Front", "Brigade", "Battalion", "Movement", "Bank", "Institute", "Agency", "Network")


def _word(rng: random.Random) -> str:
    stem = rng.choice(_STEMS)
    return (stem + rng.choice(("", "tek", "stroy", "an", "ia", "ov", "i", "com", "prom", "invest"))).title()


def synthetic_names(count: int, seed: int) -> list[str]:
    """``count`` distinct organisation-like names, reproducible from ``seed``."""
    rng = random.Random(seed)
    names: set[str] = set()
    while len(names) < count:
        shape = rng.random()
        if shape < 0.45:
            name = f"{_word(rng)} {rng.choice(_HEADS)} {rng.choice(_TAILS)}"
        elif shape < 0.7:
            name = f"{rng.choice(('Al-', 'Al ', 'Ansar al-', 'Jamaat '))}{_word(rng)} {rng.choice(_TAILS)}"
        elif shape < 0.85:
            name = f"{_word(rng)} {_word(rng)} {rng.choice(_HEADS)} {rng.choice(_TAILS)} {rng.randint(1, 99)}"
        else:
            name = "".join(rng.choice("ABCDEFGHKLMNPRSTUVZ") for _ in range(rng.randint(3, 5))) + \
                f" {rng.choice(_HEADS)} {rng.choice(_TAILS)}"
        names.add(name)
    return sorted(names)


def real_specs() -> list[AliasSpec]:
    """What the pipeline indexes: gazetteer entries (with usable registry aliases), MT renderings, the registry."""
    entries = load_entries(registry_aliases(None))
    specs = [AliasSpec(a, entry_id=e.id, case_sensitive=" " not in a and is_acronym(a))
             for e in entries for a in e.all_aliases()]
    ids = {e.id for e in entries}
    specs += [AliasSpec(a.text, entry_id=a.target, artefact=True) for a in load_artefacts() if a.target in ids]
    return specs + list(registry_specs(load_registry()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--aliases", type=int, default=60_000)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=5, help="timings per article; the fastest counts (timeit's rule)")
    args = parser.parse_args()

    real = real_specs()
    synthetic = [AliasSpec(name, entry_id=f"syn-{n}", org_id=f"syn-{n}")
                 for n, name in enumerate(synthetic_names(max(0, args.aliases - len(real)), args.seed))]
    specs = real + synthetic
    started = time.perf_counter()
    matcher = AliasMatcher(specs)
    build_s = time.perf_counter() - started
    started = time.perf_counter()
    _ = matcher.fuzzy
    fuzzy_build_s = time.perf_counter() - started

    texts = [a.text for a in generate(args.articles)]
    for text in texts[:20]:  # warm the fold cache as a running worker has
        matcher.fuzzy_hits(matcher.scan(text), [])
    per_1000: dict[str, list[float]] = {"exact": [], "with_fuzzy": []}
    found = 0
    for text in texts:
        words = len(text.split())
        exact = total = float("inf")
        for _ in range(args.repeat):
            started = time.perf_counter()
            scan = matcher.scan(text)
            matcher.entry_matches(scan)
            hits = matcher.org_hits(scan)
            exact = min(exact, time.perf_counter() - started)
            matcher.fuzzy_hits(scan, hits)
            total = min(total, time.perf_counter() - started)
        found += len(hits)
        per_1000["exact"].append(exact * 1000 / words * 1000)
        per_1000["with_fuzzy"].append(total * 1000 / words * 1000)
    result = {
        "aliases": len(specs), "real_aliases": len(real), "patterns": len(matcher),
        "build_s": round(build_s, 3), "fuzzy_build_s": round(fuzzy_build_s, 3),
        "articles": len(texts), "words": sum(len(t.split()) for t in texts), "registry_hits": found,
        "lookup_ms_per_1000_words": {k: {"median": round(statistics.median(v), 3),
                                         "p95": round(sorted(v)[int(len(v) * 0.95)], 3)}
                                     for k, v in per_1000.items()},
    }
    print(f"{len(specs):,} aliases ({len(real):,} real) → {len(matcher):,} patterns: "
          f"built in {build_s:.2f} s (+ fuzzy pass {fuzzy_build_s:.2f} s on first use)")
    for k, v in result["lookup_ms_per_1000_words"].items():
        print(f"lookup ({k}): median {v['median']:.3f} ms, p95 {v['p95']:.3f} ms per 1,000 words")
    print(orjson.dumps(result).decode())


if __name__ == "__main__":
    main()

"""False designations on plain news: organisations the designation stage calls designated where
the text names none, measured on articles that are not about designated organisations.

Every organisation the records show designated is listed with its mention in context and where
its names came from: ``curated`` (the project's English layer), ``ru-list`` (Latin names in the
Russian lists) or ``imported`` (names imported from the UN, US, UK or EU lists only). The imported
ones are the candidates for false designations that the other jurisdictions' lists can add; they
are printed for review (the figure in the report is after reading them), and counted per 100
articles as an upper bound.

    .venv/bin/python bench/false_designations.py [--polnear /path/to/PolNeAR] [--bench 200] [--polnear-limit N]

The bench corpus (``bench/corpus.py``, a fixed seed) is generated; PolNeAR is fetched, never
committed, and only its dev and train text is read (never the test split).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.corpus import generate  # noqa: E402
from pipeline.registry.registry import load_registry  # noqa: E402
from tests.gold.enriched import RawGold, enrich  # noqa: E402

_DATE = re.compile(r"_(\d{4}-\d{2}-\d{2})_")
IMPORTED_SOURCES = {"UN", "US-SDN", "GB-UKSL", "EU-FSF"}


def polnear_articles(root: Path, limit: int) -> list[RawGold]:
    """Dev then train texts of a PolNeAR checkout (the test split is never read)."""
    out = []
    for split in ("dev", "train"):
        for path in sorted((root / "data" / split / "text").glob("*.txt")):
            found = _DATE.search(path.name)
            day = found.group(1) if found else "2016-06-01"
            out.append(RawGold(id=f"polnear-{path.stem}", title="", body=path.read_text("utf-8"),
                               published_at=f"{day}T12:00:00+00:00"))
    return out[:limit or None]


def bench_articles(count: int) -> list[RawGold]:
    return [RawGold(id=f"bench-{a.raw['id']}", title=str(a.raw.get("title", "")), body=a.text,
                    published_at=str(a.raw["published_at"])) for a in generate(count)]


def origin(org_id: str) -> str:
    org = load_registry().by_id[org_id]
    if org.curated:
        return "curated"
    if any(d.jurisdiction == "RU" for d in org.designations):
        return "ru-list"
    return "imported"


def review(records: list[dict[str, Any]], label: str) -> dict[str, Any]:
    per_origin: Counter[str] = Counter()
    for record in records:
        text = record["text"]
        for org in (record.get("designations") or {}).get("organisations", []):
            if not org["designated"]:
                continue
            kind = origin(org["org_id"])
            per_origin[kind] += 1
            if kind == "imported":
                m = org["mentions"][0]
                context = text[max(0, m["start"] - 60):m["end"] + 60].replace("\n", " ")
                print(f"[{label}] {record['id']} {org['org_id']} ({org['name']}) "
                      f"alias={m['alias']!r}: …{context}…")
    n = len(records)
    return {"articles": n, "designated_organisations": dict(per_origin),
            "imported_per_100": round(100 * per_origin["imported"] / n, 2) if n else 0.0}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bench", type=int, default=200, help="bench corpus articles (fixed seed)")
    parser.add_argument("--polnear", type=Path, help="a PolNeAR checkout (the folder holding data/)")
    parser.add_argument("--polnear-limit", type=int, default=0, help="first N PolNeAR dev+train texts")
    args = parser.parse_args()
    figures = {"registry": load_registry().version}
    sets = {"bench": bench_articles(args.bench)}
    if args.polnear:
        sets["polnear"] = polnear_articles(args.polnear, args.polnear_limit)
    for label, articles in sets.items():
        t0 = time.perf_counter()
        records = enrich(articles)
        figures[label] = review(records, label) | {"seconds": round(time.perf_counter() - t0, 1)}
    print(json.dumps(figures))


if __name__ == "__main__":
    main()

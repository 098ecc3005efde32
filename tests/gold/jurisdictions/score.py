"""Designated organisations per jurisdiction on the jurisdictions gold set, through the whole pipeline.

Each article (``heldout.jsonl``, ``heldout2.jsonl`` and ``heldout3.jsonl``, each annotated and committed before the
stage ran on it, and ``dev.jsonl``) lists the organisations it names with the jurisdictions designating each on the
article's date (real-world designations, not what the registry happens to hold: a list the
registry lacks dates for shows up as a miss). A predicted pair (organisation, jurisdiction) is an
organisation of the record's designations section with a designation of that jurisdiction in force.
Only the five annotated jurisdictions count: Canada's and Australia's tables hold part of their lists.

Run: ``.venv/bin/python -m tests.gold.jurisdictions.score [-v]``; the last line is one JSON object.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from tests.gold.enriched import RawGold, enrich

HERE = Path(__file__).parent
JURISDICTIONS = ("RU", "US", "GB", "EU", "UN")  # the jurisdictions the articles are annotated with
FILES = {"heldout": HERE / "heldout.jsonl", "heldout2": HERE / "heldout2.jsonl", "heldout3": HERE / "heldout3.jsonl",
         "dev": HERE / "dev.jsonl"}


def load() -> list[dict[str, Any]]:
    items = []
    for group, path in FILES.items():
        for line in path.read_text("utf-8").splitlines():
            if line.strip():
                items.append(json.loads(line) | {"group": group})
    return items


def score(verbose: bool = False) -> dict[str, Any]:
    items = load()
    records = enrich([RawGold(id=f"gold-jurisdictions-{i['id']}", title="", body=i["text"],
                              published_at=f"{i['date']}T12:00:00+00:00") for i in items])
    counts: dict[str, Counter[str]] = {}
    for item, record in zip(items, records, strict=True):
        gold = {(org, j) for org, js in item["gold"].items() for j in js}
        pred = {(o["org_id"], d["jurisdiction"]) for o in record["designations"]["organisations"]
                for d in o["designations"] if d["jurisdiction"] in JURISDICTIONS}
        for group in ("all", item["group"]):
            c = counts.setdefault(group, Counter())
            for org, j in gold | pred:
                kind = "tp" if (org, j) in gold and (org, j) in pred else "fp" if (org, j) in pred else "fn"
                c[f"{j}.{kind}"] += 1
                c[kind] += 1
        if verbose:
            for pair in sorted(gold ^ pred):
                print(item["id"], item["date"], "FP" if pair in pred else "FN", pair)
    out: dict[str, Any] = {}
    for group, c in counts.items():
        def prf(prefix: str) -> dict[str, float]:
            tp, fp, fn = c[f"{prefix}tp"], c[f"{prefix}fp"], c[f"{prefix}fn"]
            return {"precision": round(tp / (tp + fp), 3) if tp + fp else 1.0,
                    "recall": round(tp / (tp + fn), 3) if tp + fn else 1.0, "gold": tp + fn}
        out[group] = {"overall": prf("")} | {j: prf(f"{j}.") for j in JURISDICTIONS}
    return out


if __name__ == "__main__":
    print(json.dumps(score(verbose="-v" in sys.argv)))

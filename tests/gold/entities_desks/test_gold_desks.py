"""Floors on the entity gold set across desks, scored through the whole pipeline by the entity scorer.

The figures are in README.md; the floors sit a little under them and above bare spaCy.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pytest

from tests.gold.entities.score import load_gold, prepare, run_baseline, run_stage, score

ARTICLES = Path(__file__).parent / "articles"
FLOORS = {"mention": 0.88, "org": 0.87, "heldout_mention": 0.82, "heldout_org": 0.78, "heldout3_mention": 0.86,
          "heldout3_org": 0.85, "heldout4_mention": 0.84, "heldout4_org": 0.82}


@cache
def figures(pattern: str) -> dict[str, Any]:
    golds, records = prepare(load_gold(pattern, ARTICLES))
    return {"baseline": score(golds, run_baseline(records)), "stage": score(golds, run_stage(records))}


def test_every_desk_is_covered() -> None:
    names = [g.name for g in load_gold("*.txt", ARTICLES)]
    assert len(names) >= 94 and sum("-heldout-" in n for n in names) >= 12
    assert sum("-heldout3-" in n for n in names) >= 17 and sum("-heldout4-" in n for n in names) >= 24
    for desk in ("politics", "markets", "business", "sports", "science", "crime", "courts", "world", "caps"):
        assert any(f"-{desk}-" in n for n in names), desk


def test_gold_spans_map_into_the_record() -> None:
    stage = figures("*.txt")["stage"]
    assert stage["unmapped"] == []
    assert set(stage["removed_by"]) <= {"title", "dateline"}


def test_whole_set_floors() -> None:
    stage = figures("*.txt")["stage"]
    assert stage["mention"]["f1"] >= FLOORS["mention"]
    assert stage["mention_by_label"]["ORG"]["f1"] >= FLOORS["org"]


@pytest.mark.parametrize("group", ["heldout", "heldout3", "heldout4"])
def test_held_out_articles_beat_bare_spacy(group: str) -> None:
    fig = figures(f"*-{group}-*")
    assert fig["stage"]["mention"]["f1"] >= FLOORS[f"{group}_mention"]
    assert fig["stage"]["mention_by_label"]["ORG"]["f1"] >= FLOORS[f"{group}_org"]
    assert fig["stage"]["mention"]["f1"] > fig["baseline"]["mention"]["f1"] + 0.1
    assert fig["stage"]["mention_by_label"]["ORG"]["f1"] > fig["baseline"]["mention_by_label"]["ORG"]["f1"] + 0.2

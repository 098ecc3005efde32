"""Floors on the gold set, a little under what was measured (see README.md), so regressions show."""

from __future__ import annotations

from functools import cache
from typing import Any

from tests.gold.entities.score import load_gold, run_baseline, run_stage, score


@cache
def figures() -> dict[str, Any]:
    golds = load_gold()
    return {"baseline": score(golds, run_baseline(golds)), "stage": score(golds, run_stage(golds))}


def test_gold_set_is_large_enough() -> None:
    golds = load_gold()
    assert len(golds) >= 20
    assert all(g.mentions for g in golds)


def test_stage_floors() -> None:
    stage = figures()["stage"]
    assert stage["mention"]["f1"] >= 0.89
    assert stage["entity"]["f1"] >= 0.82
    assert stage["cluster_accuracy"] >= 0.89


def test_stage_beats_bare_spacy() -> None:
    fig = figures()
    assert fig["stage"]["mention"]["f1"] > fig["baseline"]["mention"]["f1"] + 0.1
    assert fig["stage"]["cluster_accuracy"] > fig["baseline"]["cluster_accuracy"] + 0.2


def test_stage_beats_bare_spacy_on_held_out_articles() -> None:
    golds = load_gold("*heldout*")
    assert len(golds) >= 5
    stage, baseline = score(golds, run_stage(golds)), score(golds, run_baseline(golds))
    assert stage["mention"]["f1"] >= 0.83 and stage["mention"]["f1"] > baseline["mention"]["f1"]
    assert stage["cluster_accuracy"] > baseline["cluster_accuracy"]

"""Floors on the gold set, scored through the whole pipeline, a little under the figures in README.md."""

from __future__ import annotations

from functools import cache
from typing import Any

from tests.gold.entities.score import Gold, load_gold, prepare, run_baseline, run_stage, score


@cache
def prepared(pattern: str = "*.txt") -> tuple[list[Gold], list[dict[str, Any]]]:
    return prepare(load_gold(pattern))


@cache
def figures(pattern: str = "*.txt") -> dict[str, Any]:
    golds, records = prepared(pattern)
    return {"baseline": score(golds, run_baseline(records)), "stage": score(golds, run_stage(records))}


def test_gold_set_is_large_enough() -> None:
    golds = load_gold()
    assert len(golds) >= 30
    assert all(g.mentions for g in golds)
    assert sum(g.group == "heldout" for g in golds) >= 5
    assert sum(g.group == "tuned" for g in golds) >= 5


def test_every_gold_span_maps_or_is_reported_as_cut() -> None:
    """Gold spans map into the record's text intact; the clean stage cuts only headline and dateline ones."""
    golds, _ = prepared()
    stage = figures()["stage"]
    assert stage["unmapped"] == []
    assert set(stage["removed_by"]) <= {"title", "dateline"}
    assert stage["removed"] == sum(len(g.lost) for g in golds)
    for gold in golds:
        assert all(0 <= a < b <= len(gold.text) for a, b in gold.mentions)


def test_stage_floors() -> None:
    stage = figures()["stage"]
    assert stage["mention"]["f1"] >= 0.89
    assert stage["entity"]["f1"] >= 0.84
    assert stage["cluster_accuracy"] >= 0.90


def test_stage_beats_bare_spacy() -> None:
    fig = figures()
    assert fig["stage"]["mention"]["f1"] > fig["baseline"]["mention"]["f1"] + 0.1
    assert fig["stage"]["cluster_accuracy"] > fig["baseline"]["cluster_accuracy"] + 0.2


def test_held_out_articles() -> None:
    """The fresh held-out group (never used for rules): its own floors, and better than bare spaCy."""
    fig = figures("*-heldout-*")
    stage, baseline = fig["stage"], fig["baseline"]
    assert stage["articles"] >= 5
    assert stage["mention"]["f1"] >= 0.84 and stage["mention"]["f1"] > baseline["mention"]["f1"]
    assert stage["cluster_accuracy"] >= 0.87 and stage["cluster_accuracy"] > baseline["cluster_accuracy"]

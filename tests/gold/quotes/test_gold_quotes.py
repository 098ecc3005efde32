"""Pins the gold-set figures (tests/gold/quotes/score.py) so a regression fails CI.

Floors sit a little under what was measured (README.md carries the figures); the held-out
articles, never used to tune the rules, have floors of their own.
"""

from __future__ import annotations

import pytest

from tests.gold.quotes import score


@pytest.fixture(scope="module")
def figures() -> dict:
    return score.score()


def test_gold_contents_are_in_their_articles() -> None:
    paths = sorted(score.ARTICLES.glob("*.json"))
    assert len(paths) >= 32
    assert sum(score.is_held_out(p) for p in paths) >= 21
    for path in paths:
        text, items = score.load_gold(path)
        assert items, path.name
        assert all(0 <= i.start < i.end <= len(text) for i in items)


@pytest.mark.parametrize(("kind", "floor"), [("direct", 0.98), ("indirect", 0.90), ("all", 0.93)])
def test_content_f1_at_overlap(figures: dict, kind: str, floor: float) -> None:
    assert figures[kind]["overlap50"]["f1"] >= floor


@pytest.mark.parametrize(("kind", "floor"), [("direct", 0.95), ("indirect", 0.90), ("all", 0.92)])
def test_speaker_accuracy(figures: dict, kind: str, floor: float) -> None:
    assert figures[kind]["speaker_accuracy"] >= floor


def test_direct_exact_precision(figures: dict) -> None:
    assert figures["direct"]["exact"]["p"] >= 0.98


@pytest.mark.parametrize(("key", "floor"), [("overlap50_f1", 0.92), ("speaker_accuracy", 0.91)])
def test_held_out_figures(figures: dict, key: str, floor: float) -> None:
    held_out = figures["held_out"]["all"]
    value = held_out["overlap50"]["f1"] if key == "overlap50_f1" else held_out[key]
    assert value >= floor

"""Pins the gold-set figures (``python -m tests.gold.quotes.score``) so a regression fails CI.

Every article goes through the whole pipeline (clean first) and the enriched record is scored.
Floors sit a little under what was measured (README.md carries the figures); the fresh held-out
group, never used to tune rules, and the tuned group have floors of their own.
"""

from __future__ import annotations

import pytest

from tests.gold.quotes import score


@pytest.fixture(scope="module")
def figures() -> dict:
    return score.score()


def test_gold_contents_are_in_their_articles() -> None:
    paths = sorted(score.ARTICLES.glob("*.json"))
    assert len(paths) >= 38
    groups = [score.group(p) for p in paths]
    assert set(groups) == {"dev", "tuned", "heldout"}
    assert groups.count("heldout") >= 5
    for path in paths:
        text, items = score.load_gold(path)
        assert items, path.name
        assert all(0 <= i.start < i.end <= len(text) for i in items)


def test_overlap_counts_shared_words_of_spans_that_start_apart() -> None:
    text = "asked whether they would accept the result"
    gold = score.Item("indirect", text.index("they"), len(text), None)
    predicted = score.Item("indirect", text.index("whether"), len(text), None)
    assert score.overlap(text, gold, predicted) == 5 / 6


def test_every_gold_quote_reaches_the_record(figures: dict) -> None:
    """Each gold content maps into the record's text with its text intact (none cut by the clean stage)."""
    assert figures["lost"] == []
    assert figures["all"]["gold"] == sum(len(score.load_gold(p)[1]) for p in score.ARTICLES.glob("*.json"))


@pytest.mark.parametrize(("kind", "floor"), [("direct", 0.98), ("indirect", 0.89), ("all", 0.92)])
def test_content_f1_at_overlap(figures: dict, kind: str, floor: float) -> None:
    assert figures[kind]["overlap50"]["f1"] >= floor


@pytest.mark.parametrize(("kind", "floor"), [("direct", 0.95), ("indirect", 0.91), ("all", 0.93)])
def test_speaker_accuracy(figures: dict, kind: str, floor: float) -> None:
    assert figures[kind]["speaker_accuracy"] >= floor


def test_direct_exact_precision(figures: dict) -> None:
    assert figures["direct"]["exact"]["p"] >= 0.98


@pytest.mark.parametrize(("group", "f1_floor", "speaker_floor"),
                         [("tuned", 0.92, 0.92), ("heldout", 0.94, 0.90)])
def test_group_figures(figures: dict, group: str, f1_floor: float, speaker_floor: float) -> None:
    figures = figures[group]["all"]
    assert figures["overlap50"]["f1"] >= f1_floor
    assert figures["speaker_accuracy"] >= speaker_floor

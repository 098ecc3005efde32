"""Floors on the designation gold set (``python -m tests.gold.designations.score``), through the pipeline.

Each article goes in as a raw article and the enriched record's designations section is scored
(entities from the NER stage, text from the clean stage). Floors sit a little under what was
measured (README.md carries the figures); the fresh held-out group, never used to tune anything,
has floors of its own.
"""

from __future__ import annotations

import pytest

from tests.gold.designations import score


@pytest.fixture(scope="module")
def figures() -> dict:
    return score.score()


def test_gold_set_shape() -> None:
    items = score.load_gold()
    groups = [score.group(item) for item in items]
    assert len(items) >= 40
    assert groups.count("heldout") >= 8
    assert groups.count("tuned") >= 14
    for item in items:
        assert item["date"] and item["text"]
        assert all(text in item["text"] for _, text, _ in item["gold"]), item["id"]


def test_no_gold_mention_is_cut_by_the_clean_stage(figures: dict) -> None:
    """A gold mention the clean stage cut would be listed here (and not scored); none is today."""
    assert figures["all"]["removed"] == []


# h05 ("the Islamic State - Khorasan Province (banned in Russia)") is one miss since the UN list
# came in: the UN lists ISIL-Khorasan (QDe.161) as an organisation of its own, and the matcher's
# longest match names it, not the Islamic State the Russian ban (and the gold) names.
@pytest.mark.parametrize(("group", "precision", "recall", "notice"), [
    ("all", 0.96, 0.88, 0.96),
    ("dev", 0.95, 0.95, 0.94),
    ("tuned", 0.99, 0.91, 0.99),
    ("heldout", 0.95, 0.79, 0.94),
])
def test_floors(figures: dict, group: str, precision: float, recall: float, notice: float) -> None:
    fig = figures[group]
    assert fig["precision"] >= precision
    assert fig["recall"] >= recall
    assert fig["notice_accuracy"] >= notice

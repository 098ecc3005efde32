"""Floors on the jurisdictions gold set (README.md): no false designation per jurisdiction; recall as measured."""

from __future__ import annotations

import pytest

from tests.gold.jurisdictions import score


@pytest.fixture(scope="module")
def figures() -> dict:
    return score.score()


def test_shape() -> None:
    items = score.load()
    assert sum(i["group"].startswith("heldout") for i in items) >= 15
    assert len(items) >= 40


@pytest.mark.parametrize("jurisdiction", ["RU", "US", "GB", "EU", "UN"])
def test_precision(figures: dict, jurisdiction: str) -> None:
    assert figures["all"][jurisdiction]["precision"] >= 0.95


def test_recall(figures: dict) -> None:
    assert figures["all"]["overall"]["recall"] >= 0.97
    assert figures["heldout"]["overall"]["recall"] >= 0.97
    assert figures["heldout2"]["overall"]["recall"] >= 0.97
    assert figures["heldout3"]["overall"]["recall"] >= 0.9

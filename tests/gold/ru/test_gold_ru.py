"""Pins the Russian gold-set figures (``python -m tests.gold.ru.score``) so a regression fails CI.

Every item goes through the whole pipeline (clean first) as a raw Russian article and the
enriched record is scored. Floors sit a little under what was measured (README.md has the figures).
"""

from __future__ import annotations

import pytest

from tests.gold.ru import score


@pytest.fixture(scope="module")
def figures() -> dict:
    return score.score()


def test_gold_items_are_well_formed() -> None:
    items = score.load()
    assert len(items) >= 45
    assert len({i.id for i in items}) == len(items)
    for item in items:
        assert item.scope <= {"entities", "quotes", "designations"}, item.id
        if "entities" in item.scope:
            assert item.mentions and item.quotes, item.id
        assert set(item.designated) <= set(item.names), item.id
        assert set(item.designated_persons) <= set(item.names), item.id
        body = item.raw.body
        assert all(0 <= s < e <= len(body) for s, e in item.mentions)
        assert {c for _, c in item.mentions.values()} == set(item.names), item.id


def test_every_gold_span_reaches_the_record(figures: dict) -> None:
    assert figures["lost"] == []


def test_entity_mentions(figures: dict) -> None:
    assert figures["mentions"]["f1"] >= 0.95
    assert figures["cluster_accuracy"] >= 0.98
    assert figures["name_accuracy"] >= 0.98


@pytest.mark.parametrize("kind", ["direct", "indirect", "all"])
def test_quote_contents(figures: dict, kind: str) -> None:
    assert figures["quotes"][kind]["f1"] >= 0.97


def test_quote_speakers(figures: dict) -> None:
    assert figures["quotes"]["all"]["speaker_accuracy"] >= 0.97
    assert figures["quotes"]["direct"]["speaker_accuracy"] >= 0.97


def test_held_out_group(figures: dict) -> None:
    held = figures["groups"]["heldout"]
    assert held["articles"] >= 13
    assert held["mentions"]["f1"] >= 0.95 and held["quotes"]["all"]["f1"] >= 0.97
    assert held["quotes"]["all"]["speaker_accuracy"] >= 0.95


def test_designations(figures: dict) -> None:
    held = figures["groups"]["heldout"]["designations"]
    assert held["gold"] >= 13
    assert held["p"] >= 0.97 and held["r"] >= 0.92
    assert figures["designations"]["notice_accuracy"] >= 0.9


def test_designated_persons(figures: dict) -> None:
    persons = figures["designated_persons"]
    assert persons["gold"] >= 5
    assert persons["p"] == 1.0 and persons["r"] >= 0.8  # a namesake or a surname alone is never tagged
    assert persons["notice_accuracy"] >= 0.9

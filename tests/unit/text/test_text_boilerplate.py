"""Bylines, boilerplate openings and the word lists they come from."""

from __future__ import annotations

from pipeline.text.boilerplate import boilerplate_kind, byline_name, rules
from pipeline.lexicon import read_lines
from pipeline.text import DATA_DIR


def test_bylines() -> None:
    assert byline_name("By Jane Doe and John Roe") == "Jane Doe and John Roe"
    assert byline_name("By Ivan Petrov.") == "Ivan Petrov"
    assert byline_name("By the end of the day the talks had failed.") is None


def test_boilerplate_kinds() -> None:
    assert boilerplate_kind("Read also: Putin meets Hollande", in_tail=False) == "read_also"
    assert boilerplate_kind("Subscribe to our newsletter", in_tail=True) == "subscribe"
    assert boilerplate_kind("Subscribe to our newsletter", in_tail=False) is None
    assert boilerplate_kind("Read also " + "x" * 400, in_tail=True) is None


def test_word_lists_snapshot() -> None:
    """Pins the size of the data files so an accidental truncation shows up."""
    assert len(rules()) == 25
    assert len(read_lines(DATA_DIR / "agencies.txt")) == 21
    assert "sidebar" in read_lines(DATA_DIR / "html_boilerplate_classes.txt")

"""Paragraph spans and the cuts decided on normalised text."""

from __future__ import annotations

from pipeline.text.offsets import apply_edits
from pipeline.text.structure import cut_edits, find_structure, paragraph_kind, paragraph_spans


def cut(text: str, title: str = "") -> str:
    found = find_structure(text, paragraph_spans(text), title, "2015-10-08")
    return apply_edits(text, cut_edits(found.cuts, text))[0]


def test_paragraph_spans() -> None:
    assert paragraph_spans("a\n\nbc") == [(0, 1), (3, 5)]
    assert paragraph_spans("") == []


def test_repeated_title_byline_and_dateline_are_cut() -> None:
    text = "Talks end\n\nBy Jane Doe\n\nMOSCOW, Oct 8 (Reuters) - Talks ended.\n\nMore text."
    assert cut(text, title="Talks end") == "Talks ended.\n\nMore text."


def test_dateline_alone_in_its_paragraph() -> None:
    assert cut("SOCHI, October 8. /TASS/.\n\nPutin spoke.") == "Putin spoke."


def test_tail_run_of_boilerplate_is_cut_with_its_breaks() -> None:
    text = "Body.\n\nRead also: x\n\nMiddle.\n\nSubscribe now\n\nShare this"
    assert cut(text) == "Body.\n\nMiddle."


def test_subscribe_inside_the_article_stays() -> None:
    assert cut("Body.\n\nSubscribe now\n\nMore body.") == "Body.\n\nSubscribe now\n\nMore body."


def test_paragraph_kind() -> None:
    assert paragraph_kind("Blows to positions of terrorists in Syria", single=False) == "heading"
    assert paragraph_kind("He said so.", single=False) == "text"
    assert paragraph_kind("Only line", single=True) == "text"

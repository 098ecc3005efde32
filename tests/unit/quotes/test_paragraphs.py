"""One paragraph rule for the whole quote stage (pipeline/quotes/paragraphs.py): a single line break
and a blank line end a paragraph alike, on real spaCy parses."""

from __future__ import annotations

import pytest

from pipeline.quotes.paragraphs import break_count, paragraph_chars, paragraph_tokens, within_paragraph
from tests.stage_fixtures import run as annotate

SEPARATORS = pytest.mark.parametrize("sep", ["\n", "\n\n"])


def reports(text: str) -> list[tuple[str, str]]:
    return [(q.rule, q.content.text) for q in annotate(text).quotes]


def test_break_count_reads_a_blank_line_as_one_break() -> None:
    assert [break_count(s) for s in ("a b", "a\nb", "a\n\nb", "a \n \n b\nc")] == [0, 1, 1, 2]


def test_paragraph_bounds_in_characters_and_tokens() -> None:
    text = "The vote was close.\nThe mayor spoke first: she wants a recount.\n\nNobody objected."
    assert text[slice(*paragraph_chars(text, text.index("mayor")))] == \
        "The mayor spoke first: she wants a recount."
    doc = annotate(text, "ner").doc
    assert doc is not None
    colon = next(t for t in doc if t.text == ":")
    assert doc[slice(*paragraph_tokens(doc, colon))].text == "The mayor spoke first: she wants a recount."
    wants = next(t for t in doc if t.text == "wants")
    assert doc[slice(*within_paragraph(0, len(doc), wants))].text.strip() == \
        "The mayor spoke first: she wants a recount."


@SEPARATORS
def test_a_floating_quote_continues_only_across_one_break(sep: str) -> None:
    text = (f"“We will not close the clinic,” Mayor Lund said on Tuesday.{sep}The council met for two hours."
            f"{sep}It voted to delay the budget.{sep}“The budget can wait.”")
    assert reports(text) == [("direct-cue-after", "We will not close the clinic")]


@SEPARATORS
def test_a_report_stops_at_the_break_after_a_headline(sep: str) -> None:
    text = f"Union chief believes that the strike will go ahead{sep}Nurses at the hospital will walk out on Monday."
    assert reports(text) == [("indirect-that", "the strike will go ahead")]


@SEPARATORS
def test_a_report_inside_a_quotation_stops_where_the_quotation_does(sep: str) -> None:
    text = f"“I think the minister believes that{sep}the plan works,” Lund said."
    assert reports(text) == [("indirect-that", "the plan works")]

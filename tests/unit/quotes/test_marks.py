"""Quote-mark pairing: mark styles, apostrophes, nesting, paragraphs, stray marks."""

from __future__ import annotations

import pytest

from pipeline.quotes.marks import pair_quote_marks


def contents(text: str) -> list[tuple[str, int]]:
    return [(text[s.start:s.end], s.depth) for s in pair_quote_marks(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("“Yes,” he said.", [("Yes,", 0)]),
    ('"Yes," he said, "and no."', [("Yes,", 0), ("and no.", 0)]),
    ("«Да», – сказал он.", [("Да", 0)]),
    ("„Ja“, sagte er.", [("Ja", 0)]),
    ("He said ‘fine’ and left.", [("fine", 0)]),
])
def test_mark_styles(text: str, expected: list) -> None:
    assert contents(text) == expected


def test_apostrophes_are_not_quote_marks() -> None:
    assert contents("“I don’t know, it’s the leaders’ view,” he said.") == [
        ("I don’t know, it’s the leaders’ view,", 0)]


def test_nested_same_marks() -> None:
    text = "“We fight ISIL, “jabhat al-Nusra” and others,” he said."
    assert contents(text) == [("We fight ISIL, “jabhat al-Nusra” and others,", 0), ("jabhat al-Nusra", 1)]


def test_multi_paragraph_quote() -> None:
    [span] = pair_quote_marks("“First paragraph.\n\n“Second,” she said.")
    assert span.paragraphs == 2


def test_stray_opener_costs_only_its_own_quote() -> None:
    text = "“Unclosed start. “Closed,” he said.\n\nNext paragraph: “also fine.”"
    assert contents(text) == [("Closed,", 0), ("also fine.", 0)]


def test_stray_closer_is_ignored() -> None:
    assert contents("Stray” mark. “Real,” she said.") == [("Real,", 0)]


# uncleaned text: two apostrophes (news archives) and two backticks (Penn Treebank) are double marks
@pytest.mark.parametrize(("text", "expected"), [
    ("''It has the important virtue of being fiscally responsible,'' Leonard E. Burman said.",
     [("It has the important virtue of being fiscally responsible,", 0)]),
    ("``There's no question,'' said Darrell Phillips.", [("There's no question,", 0)]),
    ("the ''bad guys'' of the story", [("bad guys", 0)]),
    ("''He said, 'You weren't in line,''' Ms. Compton recalled. ''He smiled.''",
     [("He said, 'You weren't in line,'", 0), ("You weren't in line,", 1), ("He smiled.", 0)]),
])
def test_two_character_double_marks(text: str, expected: list) -> None:
    assert contents(text) == expected


@pytest.mark.parametrize("text", [
    "the daily Ob''edinenie and the word pod''ezd",  # a transliterated hard sign
    "x = '' if empty else f('')",  # an empty string
    "the mark '''' alone",
    "markdown ``code`` span",  # backticks never close
])
def test_apostrophe_pairs_that_are_no_quote_mark(text: str) -> None:
    assert contents(text) == []


def test_two_character_marks_over_paragraphs() -> None:
    text = "''First paragraph.\n\n''Second,'' she said."
    [span] = pair_quote_marks(text)
    assert (span.open, span.start, span.close, span.paragraphs) == (0, 2, text.index("'' she"), 2)

"""Quote marks and dashes become one canonical set, offsets unchanged."""

from __future__ import annotations

import pytest

from pipeline.text.marks import QUOTES, canonical_marks, mark_families
from pipeline.text.unicode import normalise


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("«Да», сказал он", "“Да”, сказал он"),
        ("„Hallo“, sagte er", "“Hallo”, sagte er"),
        ('"Hello," he said. "Bye."', "“Hello,” he said. “Bye.”"),
        ('("quoted")', "(“quoted”)"),
        ("”Swedish”", "“Swedish”"),
        ("‹single›", "‘single’"),
        ("al‑Nusra − 5 ― said", "al-Nusra - 5 — said"),
        ("“He was,” – said Sands", "“He was,” – said Sands"),
        ('"Vote for \'Smith,\' " she said', "“Vote for 'Smith,' ” she said"),
        ('" Yes," he said', "“ Yes,” he said"),
    ],
)
def test_canonical_marks(raw: str, clean: str) -> None:
    assert canonical_marks(raw) == clean
    assert len(canonical_marks(raw)) == len(raw)


def test_only_canonical_quotes_survive() -> None:
    out = canonical_marks('«a» „b“ "c" ‹d› ‚e‘ ‟f” 〝g〞 ＂h＂')
    assert {c for c in out if not c.isalnum() and not c.isspace()} <= set(QUOTES)


def test_families_of_the_original() -> None:
    assert mark_families('«a» "b"') == ["guillemets", "straight"]


# two-character double marks: news archives ('' … '') and Penn Treebank text (`` … '')
@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("''It has the important virtue of being fiscally responsible,'' Leonard E. Burman said.",
         "“It has the important virtue of being fiscally responsible,” Leonard E. Burman said."),
        ("``There's no question that some of those workers contracted asbestos-related diseases,'' "
         "said Darrell Phillips.",
         "“There's no question that some of those workers contracted asbestos-related diseases,” "
         "said Darrell Phillips."),
        # a single quotation closing with the double one, then a new quotation
        ("''He said, 'You weren't in line,''' Ms. Compton recalled. ''He smiled.''",
         "“He said, 'You weren't in line,'” Ms. Compton recalled. “He smiled.”"),
        ("the ''bad guys'' of the story.", "the “bad guys” of the story."),
        # two headlines run together: the closing mark touches the next word
        ("the sake of common interests.''Clinton stays well ahead", "the sake of common interests.”Clinton stays well ahead"),
        ("He said: ''No.''\n\n''Never,'' he added.", "He said: “No.”\n\n“Never,” he added."),
    ],
)
def test_wide_double_marks_become_one(raw: str, clean: str) -> None:
    text, offsets = normalise(raw, html=False)
    assert text == clean
    for i, ch in enumerate(text):  # every cleaned character maps back to itself or to its mark
        start, end = offsets.to_original(i, i + 1)
        assert raw[start:end] == ch or ch in "“”" and raw[start:end] in ("''", "``"), (i, raw[start:end])


@pytest.mark.parametrize(
    "raw",
    [
        "rock 'n' roll and the '90s",
        "the daily Ob''edinenie and the word pod''ezd",  # a transliterated hard sign
        "x = '' if empty else f('') or ['', 'a']",  # an empty string in code-like text
        "the mark '''' alone",  # a longer run is no quote mark
        "a lone `` between spaces",
    ],
)
def test_apostrophe_pairs_that_are_no_quote_mark_stay(raw: str) -> None:
    text, offsets = normalise(raw, html=False)
    assert text == raw
    assert offsets.segments() == [(0, 0, len(raw), len(raw))]


def test_backticks_only_open() -> None:
    # Penn Treebank never closes with backticks: a pair after a word stays (markdown ``code``)
    assert normalise("markdown ``code`` span", html=False)[0] == "markdown “code`` span"


def test_russian_copy_keeps_its_marks_and_offsets() -> None:
    raw = "«Это неприемлемо», — заявил Песков. Газета ''Известия'' и слово об''явление."
    text, offsets = normalise(raw, html=False)
    assert text == "“Это неприемлемо”, — заявил Песков. Газета “Известия” и слово об''явление."
    assert offsets.to_original(text.index("Известия") - 1, text.index("Известия")) == (43, 45)

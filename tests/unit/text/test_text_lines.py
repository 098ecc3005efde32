"""Single line breaks in plain text: hard wraps are joined, a line that stands alone stays a paragraph."""

from __future__ import annotations

import pytest

from pipeline.text.lines import LineBreaks, can_end_paragraph, is_item, is_turn, line_breaks
from pipeline.text.unicode import normalise

WRAPPED = (
    "Harbour officials said the ferry service would resume on Thursday after\n"
    "engineers replaced a damaged ramp. Repairs took longer than planned. The\n"
    "operator said crossings would run hourly, and that passengers holding\n"
    "cancelled tickets could travel on any sailing until the end of the month.\n"
    "Freight bookings will reopen next week.\n\n"
    "A second paragraph follows the blank line."
)


def paragraphs(raw: str) -> list[str]:
    return normalise(raw, html=False)[0].split("\n\n")


def test_hard_wrapped_prose_is_joined() -> None:
    out = paragraphs(WRAPPED)
    assert len(out) == 2
    assert "after engineers replaced" in out[0]
    assert "Repairs took longer than planned. The operator said" in out[0]
    assert out[0].endswith("until the end of the month. Freight bookings will reopen next week.")


def test_a_short_line_that_ends_a_sentence_in_wrapped_text_ends_a_paragraph() -> None:
    raw = "Ferry Service Resumes\n\n" + WRAPPED.replace("week.\n\nA second", "week.\nA second")
    out = paragraphs(raw)
    assert out[-1] == "A second paragraph follows the blank line."
    assert len(out) == 3


def test_one_quotation_per_line_stays_one_paragraph_each() -> None:
    raw = ("The mayor spoke for an hour.\n\n"
           "“We will rebuild the bridge.” \n"
           "“It will take two years, and it will cost less than the last one.” \n"
           "“Nobody will pay a toll.”\n\n"
           "Critics were unconvinced.")
    assert paragraphs(raw) == [
        "The mayor spoke for an hour.",
        "“We will rebuild the bridge.”",
        "“It will take two years, and it will cost less than the last one.”",
        "“Nobody will pay a toll.”",
        "Critics were unconvinced.",
    ]


def test_transcript_turns_and_list_items_stay_apart() -> None:
    raw = ("From the interview:\n\n"
           "HOST: Will you run again?\n"
           "Maria Lopez: Not this time, no.\n"
           "Q: Why not?\n\n"
           "Her reasons:\n"
           "• family\n"
           "- money\n"
           "2. time")
    assert paragraphs(raw) == ["From the interview:", "HOST: Will you run again?", "Maria Lopez: Not this time, no.",
                               "Q: Why not?", "Her reasons:", "• family", "- money", "2. time"]


def test_one_paragraph_per_line_copy_keeps_its_lines() -> None:
    raw = ("Council Votes On Budget\n\n"
           "The council voted on Tuesday to approve the budget after a debate that lasted most of the day "
           "and ended with a narrow majority.\n"
           "\"It was close,\" the chair said after the vote.\n"
           "The opposition said it would bring the matter back next year, when the new members are seated.")
    out = paragraphs(raw)
    assert len(out) == 4
    assert out[2] == "“It was close,” the chair said after the vote."


def test_a_break_inside_a_sentence_is_joined_even_in_unwrapped_copy() -> None:
    raw = ("Title line.\n\n"
           "The council voted on Tuesday to approve the budget after a long debate, and the chair\n"
           "said the vote was close. The opposition said it would bring the matter back next year "
           "when the new members are seated in the chamber.")
    assert paragraphs(raw)[1].startswith("The council voted on Tuesday to approve the budget after a long debate, "
                                         "and the chair said")


def test_kept_break_maps_onto_the_original_newline() -> None:
    raw = "Intro.\n\n“We will win.” \n“We must.”"
    text, offset_map = normalise(raw, html=False)
    k = text.index("”\n\n“") + 1
    start, end = offset_map.to_original(k, k + 2)
    assert raw[start:end] == " \n"
    q = text.index("We must")
    assert raw[slice(*offset_map.to_original(q, q + 7))] == "We must"


@pytest.mark.parametrize(("line", "item", "turn"), [
    ("• one", True, False), ("- two", True, False), ("12. three", True, False), ("(b) four", True, False),
    ("TRUMP: No.", False, True), ("Jane Doe (moderator): Thanks.", False, True), ("Q: Why?", False, True),
    ("-5 degrees", False, False), ("2016 was a year", False, False), ("The reason: money.", False, False),
    ("Note that the plan: fails", False, False),
])
def test_line_openings(line: str, item: bool, turn: bool) -> None:
    assert (is_item(line), is_turn(line)) == (item, turn)


def test_wrap_width_is_found_only_in_wrapped_text() -> None:
    assert line_breaks(WRAPPED).width == len("cancelled tickets could travel on any sailing until the end of the month.")
    long_lines = ("x " * 120 + "\n") * 4 + "end"
    assert line_breaks(long_lines) == LineBreaks(None)
    assert line_breaks("one paragraph") == LineBreaks(None)


@pytest.mark.parametrize(("line", "ends"), [
    ("The vote was close.", True), ("“We won,” she said.", True), ("Why not?”", True), ("Her reasons:", True),
    ("the margin was 3 points.” [polls]", True), ("Storm Hits Coast", True), ("• family", True),
    ("the council voted to approve the", False), ("after a long debate, and the chair", False),
])
def test_lines_that_can_end_a_paragraph(line: str, ends: bool) -> None:
    assert can_end_paragraph(line) is ends


def test_numbered_slides_are_not_a_wrap_width() -> None:
    slides = "".join(f"{n}\nSlide Title Number {n}.\n\nA caption that is a paragraph.\n\n" for n in range(1, 8))
    assert line_breaks(slides) == LineBreaks(None)
    assert "1\n\nSlide Title Number 1." in normalise(slides, html=False)[0]


def test_signed_quotations_one_per_line_stay_apart() -> None:
    raw = ("Voters told us what they want.\n\n"
           "“Lower rents and better buses.” ― Ana Ruiz, 34, nurse\n"
           "“Somebody who listens.” — Tom Berg\n"
           "“Jobs.” - Lee Wong, retired\n\n"
           "The survey ran for a week.")
    assert paragraphs(raw)[1:4] == ["“Lower rents and better buses.” — Ana Ruiz, 34, nurse",
                                    "“Somebody who listens.” — Tom Berg", "“Jobs.” - Lee Wong, retired"]

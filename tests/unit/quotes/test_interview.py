"""Interview answers: quoted, with no cue, after a question; on real spaCy parses."""

from __future__ import annotations

from tests.stage_fixtures import run as annotate

TRANSCRIPT = ("Measles cases could double this year, the WHO's regional director, Matshidiso Moeti, said on "
              "Tuesday.\n\nMoeti spoke to Wirestream in Geneva. Her deputy, John Okello, stayed in Brazzaville."
              "\n\nQ: How serious is the situation?\n\nA: \"Very serious. We have 14 countries with active "
              "outbreaks.\"\n\nQ: What would the money buy?\n\nA: \"Catch-up campaigns and cold chains.\"")


def test_answers_after_questions_are_the_interviewees() -> None:
    quotes = [q for q in annotate(TRANSCRIPT).quotes if q.rule == "direct-answer"]
    assert [q.content.text for q in quotes] == [
        "Very serious. We have 14 countries with active outbreaks.", "Catch-up campaigns and cold chains."]
    assert {q.speaker_name for q in quotes} == {"Matshidiso Moeti"}


def test_a_question_without_interview_labels_makes_no_answer() -> None:
    text = ("The minister spoke at length.\n\nWhat happens next?\n\n\"Nobody knows what comes next, not even "
            "the people in charge.\"")
    assert not any(q.rule == "direct-answer" for q in annotate(text).quotes)


def test_a_quote_with_its_own_cue_after_a_question_keeps_the_cue() -> None:
    text = ("Anna Berg runs the clinic.\n\nQ: Is it working?\n\nA: \"It is working,\" Berg said.")
    q = next(q for q in annotate(text).quotes if q.type == "direct")
    assert (q.rule, q.speaker_name) == ("direct-cue-after", "Anna Berg")

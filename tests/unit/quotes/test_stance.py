"""Stance reports ("X criticized the plan", "X called the deal a mistake", "X asked whether …") on real
spaCy parses: found only with the ``quote_stances`` setting, which attribution corpora such as PolNeAR
need and the speech-only default leaves out."""

from __future__ import annotations

from pipeline.lexicon import load_lexicon
from pipeline.quotes import extract_quotes
from pipeline.sections.quotes import Quote
from tests.stage_fixtures import run


def quotes(text: str, stances: bool = True) -> list[Quote]:
    parsed = run(text, "ner")
    assert parsed.doc is not None and parsed.entities is not None
    return extract_quotes(parsed.doc, parsed.entities, load_lexicon(), stances=stances)


def only(text: str) -> Quote:
    found = quotes(text)
    assert len(found) == 1, found
    return found[0]


def test_object_of_a_stance_verb() -> None:
    q = only("Senator Maria Lopez praised the governor's budget plan on Tuesday.")
    assert (q.content.text, q.speaker_name, q.rule, q.cue.lemma) == (
        "the governor's budget plan", "Maria Lopez", "indirect-stance", "praise")


def test_accusation_keeps_its_of_phrase() -> None:
    q = only("Sanders accused Clinton of taking money from Wall Street.")
    assert (q.content.text, q.speaker_name) == ("Clinton of taking money from Wall Street", "Sanders")


def test_predicate_of_call_and_describe() -> None:
    q = only("Graham called the proposal a dangerous mistake.")
    assert (q.content.text, q.rule) == ("the proposal a dangerous mistake", "indirect-stance")
    q = only("Bush described his rival as a chaos candidate.")
    assert q.content.text == "his rival as a chaos candidate"


def test_call_without_predicate_is_no_stance() -> None:
    assert quotes("The mayor called a meeting of the city council.") == []


def test_question_and_request() -> None:
    q = only("The moderator asked whether the candidates would accept the result.")
    assert (q.content.text, q.rule) == ("whether the candidates would accept the result", "indirect-question")
    q = only("The pastor asked the congregation to stand for a minute of silence.")
    assert q.content.text == "the congregation to stand for a minute of silence"


def test_anonymity_terms_are_no_report() -> None:
    assert quotes("A senior official, who asked not to be named, gave the figures.") == []


def test_subject_without_a_position_is_no_source() -> None:
    assert quotes("It rejected the appeal.") == []
    assert [q.content.text for q in quotes("The court rejected the appeal.")] == ["the appeal"]


def test_speech_only_default_leaves_stances_out() -> None:
    text = "Senator Maria Lopez praised the governor's budget plan on Tuesday."
    assert quotes(text, stances=False) == []
    assert len(quotes(text)) == 1


def test_intent_infinitive() -> None:
    q = only("A spokesman for the ministry declined to comment on the report.")
    assert (q.content.text, q.rule, q.cue.lemma) == ("to comment on the report", "indirect-stance", "decline")


def test_first_person_belief_is_a_hedge_not_a_report() -> None:
    assert quotes("I think the council will approve the budget next week.", stances=False) == []
    q = only("The mayor thinks the council will approve the budget next week.")
    assert (q.content.text, q.rule) == ("the council will approve the budget next week", "indirect-that")


def test_object_the_parser_takes_for_a_predicate() -> None:
    q = only("O'Malley called Trump a fascist.")
    assert (q.content.text, q.rule) == ("Trump a fascist", "indirect-stance")


def test_the_writers_phrase_is_no_stance() -> None:
    assert quotes("She attacked what she called the angry rhetoric of the front-runner.") == []


def test_stance_content_stops_at_a_paragraph_break() -> None:
    """The parser joins a headline onto the paragraph below it; the report keeps to the cue's paragraph."""
    q = next(q for q in quotes("Union leaders call the pay offer an insult\n\n"
                               "Nurses at the county hospital will strike on Monday.") if q.cue.lemma == "call")
    assert q.content.text == "the pay offer an insult"

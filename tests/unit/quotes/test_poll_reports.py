"""Polls, records and pro-forms as reports, on real spaCy parses: a document's finding ("a poll showed
Trump with a lead"), a named poll in a phrase ("In a CNN poll, …"), a poll's share as the subject
("About 4 in 10 say …"), a pro-form content ("55 percent said so"), a relative pronoun's stance ("The
union, which endorsed Clinton"); and what stays out."""

from __future__ import annotations

from pipeline.lexicon import load_lexicon
from pipeline.quotes import extract_quotes
from pipeline.sections.quotes import Quote
from tests.stage_fixtures import run


def reports(text: str) -> list[tuple[str, str | None, str]]:
    """(content, speaker mention, rule) of every report the stage finds (stances on, no learned cues)."""
    parsed = run(text, "ner")
    assert parsed.doc is not None and parsed.entities is not None
    found: list[Quote] = extract_quotes(parsed.doc, parsed.entities, load_lexicon(), stances=True)
    return [(q.content.text, q.speaker_mention.text if q.speaker_mention else None, q.rule) for q in found]


def test_a_poll_shows_its_finding() -> None:
    found = reports("A CNN/ORC poll of South Carolina showed Mr. Trump with a 16-point lead over his closest rival.")
    assert [(c, r) for c, _, r in found] == [("Mr. Trump with a 16-point lead over his closest rival", "indirect-stance")]
    assert found[0][1] is not None and "poll" in found[0][1]


def test_records_find_and_a_poll_showing() -> None:
    assert [c for c, _, _ in reports("Public records show no gifts from Trump to the foundation since 2008.")] == [
        "no gifts from Trump to the foundation since 2008"]
    found = reports("Priebus spoke after a new poll showing Trump's standing with Latinos down to 14 percent.")
    assert [(c, s) for c, s, _ in found] == [("Trump's standing with Latinos down to 14 percent", "a new poll")]


def test_a_person_showing_something_is_no_finding() -> None:
    assert reports("The senator showed reporters the letter from the governor.") == []


def test_a_named_poll_in_a_phrase_sources_its_clause() -> None:
    found = reports("In an early-October CBS News poll, she led Mr. Sanders 56 percent to 32 percent.")
    assert [(c, r) for c, _, r in found] == [("she led Mr. Sanders 56 percent to 32 percent", "indirect-according")]
    assert found[0][1] is not None and found[0][1].endswith("poll")


def test_the_polls_in_general_source_nothing() -> None:
    assert reports("Trump has a decisive lead in the polls ahead of the state's primary.") == []


def test_a_share_with_no_noun_is_the_subject() -> None:
    found = reports("About 4 in 10 say they want the next president to have more liberal policies.")
    assert [(c, s) for c, s, _ in found] == [("they want the next president to have more liberal policies", "10")]


def test_pro_form_contents() -> None:
    text = "And 64 percent call him competent, after 55 percent said so in December."
    assert ("so", "55 percent", "indirect-object") in reports(text)
    assert [c for c, _, _ in reports("Three-quarters of the voters said the same of Sanders.")] == ["the same of Sanders"]
    assert [c for c, _, _ in reports("Asked about the plan, the senator said no.")] == ["no"]


def test_a_that_clause_is_no_pro_form() -> None:
    assert [c for c, _, _ in reports("He said that the plan would fail.")] == ["the plan would fail"]


def test_a_relative_pronoun_holds_a_stance() -> None:
    found = reports("The union, which endorsed Hillary Clinton in November, is widely regarded as powerful.")
    assert [(c, s) for c, s, _ in found] == [("Hillary Clinton", "which")]


def test_an_asked_participle_is_an_unnamed_askers_question() -> None:
    found = reports("Asked if he was ever bullied, the Republican presidential candidate said no.")
    assert ("if he was ever bullied", None, "indirect-question") in found
    by = reports("Asked by Stephanopoulos whether he would run again, Carson said he had not decided.")
    assert ("whether he would run again", "Stephanopoulos", "indirect-question") in by


def test_asked_about_a_topic_is_no_question() -> None:
    found = reports("Asked about his future, the manager smiled and left the room.")
    assert [r for _, _, r in found if r == "indirect-question"] == []


def test_an_inverted_cue_after_a_misparsed_clause() -> None:
    text = ('The rejection of the treaty signals "the beginning of the end" for the EU, said Geert Wilders, '
            "founder of the right-wing Dutch Party for Freedom.")
    found = reports(text)
    assert [(c, s) for c, s, _ in found] == [
        ('The rejection of the treaty signals "the beginning of the end" for the EU', "Geert Wilders")]


def test_the_clause_right_after_the_verb_is_the_report() -> None:
    text = ("Chad Sweet, the Cruz campaign's chairman, said Cruz's comments are direct responses to attacks "
            "that Trump lodged against Cruz - attacks that, Sweet noted, Trump said were sparked by Cruz's poll numbers.")
    contents = [c for c, s, _ in reports(text) if s == "Chad Sweet"]
    assert contents and contents[0].startswith("Cruz's comments are direct responses")


def test_as_with_a_clause_of_its_own_reports_that_clause() -> None:
    text = ("It's still not clear how loyal the slate will be, as several delegates told POLITICO they were "
            "only leaning toward Cruz.")
    found = reports(text)
    assert ("they were only leaning toward Cruz", "several delegates", "indirect-that") in found
    assert [r for _, _, r in found if r == "indirect-as"] == []
    as_noted = reports("As the minister noted, the talks will resume on Monday.")
    assert [(c, r) for c, _, r in as_noted] == [("the talks will resume on Monday", "indirect-as")]

"""Attribution cases on real spaCy parses: cues, speakers, types, non-quotes."""

from __future__ import annotations

import pytest

from tests.stage_fixtures import run as annotate


def only(text: str) -> dict:
    quotes = annotate(text).quotes
    assert len(quotes) == 1, quotes
    return quotes[0]


@pytest.mark.parametrize(("text", "content", "speaker", "lemma"), [
    ("“We will respond,” Sergei Lavrov said on Monday.", "We will respond", "Sergei Lavrov", "say"),
    ("“We will respond,” – said Sergei Lavrov.", "We will respond", "Sergei Lavrov", "say"),
    ("Sergei Lavrov told reporters: “We will respond.”", "We will respond.", "Sergei Lavrov", "tell"),
    ("According to Sergei Lavrov, “we will respond.”", "we will respond.", "Sergei Lavrov", "according"),
])
def test_direct_cues(text: str, content: str, speaker: str, lemma: str) -> None:
    q = only(text)
    assert (q.type, q.content.text, q.speaker_name, q.cue.lemma) == (
        "direct", content, speaker, lemma)


def test_pronoun_goes_to_gender_compatible_subject() -> None:
    text = ("Angela Merkel met Emmanuel Macron in Berlin on Monday. Macron praised the deal. "
            "“It is a historic day,” she said.")
    q = annotate(text).quotes[-1]
    assert q.speaker_name == "Angela Merkel"


def test_indirect_and_mixed() -> None:
    quotes = annotate("Joe Biden said the economy was recovering. Janet Yellen said inflation was "
                      "“transitory but stubborn.”").quotes
    assert [(q.type, q.speaker_name) for q in quotes] == [("indirect", "Joe Biden"), ("mixed", "Janet Yellen")]


def test_unnamed_source() -> None:
    q = only("The talks will resume next week, a source familiar with the matter said.")
    assert (q.speaker_entity, q.unresolved_reason) == (None, "unnamed_source")


def test_scare_quotes_and_titles_are_not_quotes() -> None:
    text = ("The so-called “peace plan” was rejected. Officials read the book “War and Peace” "
            "during the operation “Desert Storm”.")
    assert annotate(text).quotes == []


def test_cue_interjected_between_dashes_inside_the_marks() -> None:
    text = ("Russia and Kazakhstan agreed on gas transit, said Deputy Prime Minister Alexander Novak.\n\n"
            "“We have agreed on all the key parameters. The supplies will grow, — said Novak. — The "
            "infrastructure allows it.”")
    q = next(q for q in annotate(text).quotes if q.type == "direct")
    assert q.rule == "direct-interjected" and q.speaker_name == "Alexander Novak"
    assert q.content.text.startswith("We have agreed") and q.content.text.endswith("allows it.")


def test_a_dash_inside_a_quote_is_no_cue() -> None:
    text = "“We will win — said nobody in March — and we did,” the coach told reporters."
    q = only(text)
    assert q.rule == "direct-cue-after"


def test_cue_after_a_long_titled_subject() -> None:
    q = only("“We are seeing outbreaks in places that have not had cholera for decades,” WHO Director-General "
             "Tedros Adhanom Ghebreyesus told a briefing in Geneva.")
    assert (q.type, q.rule, q.cue.lemma) == ("direct", "direct-cue-after", "tell")
    assert q.speaker_name == "Tedros Adhanom Ghebreyesus"


@pytest.mark.parametrize("text", [
    "“We will not back down,” Smith said. “The deal is dead.”",
    "“We will not back down,” Smith said, “and the deal is dead.”",
    "“It's like a new plane,” Smith said in a documentary that showed off some of the renovations to the jet. "
    "“The plane is very much an extension of the brand.”",  # a long cue clause between the parts
])
def test_split_and_next_sentence_quotes_continue_the_first(text: str) -> None:
    first, second = annotate(text).quotes
    assert (first.continues, second.continues) == (None, first.id)
    assert first.speaker_name == second.speaker_name == "Smith"


def test_another_speakers_quote_starts_its_own_attribution() -> None:
    text = "“We will not back down,” Smith said.\n\n“The deal is dead,” Jones said. Brown disagreed: “It is alive.”"
    assert [q.continues for q in annotate(text).quotes] == [None, None, None]


def test_according_to_at_the_end_sources_the_whole_sentence() -> None:
    text = ("Hillary Clinton has raised $2.7 million from tech donors, while Bernie Sanders has raised $6 million, "
            "according to campaign filings.")  # the parser hangs the phrase on the "while" clause
    q = next(q for q in annotate(text).quotes if q.rule == "indirect-according")
    assert q.content.text == "Hillary Clinton has raised $2.7 million from tech donors, while Bernie Sanders has raised $6 million"

"""Who speaks through a participle, and where a reported clause ends, on real spaCy parses (issue 18)."""

from __future__ import annotations

import pytest

from pipeline.lexicon import load_lexicon
from pipeline.quotes import extract_quotes
from pipeline.quotes.learned import load_cue_model
from pipeline.sections.quotes import Quote
from tests.stage_fixtures import run


def quotes(text: str) -> list[Quote]:
    parsed = run(text, "ner")
    assert parsed.doc is not None and parsed.entities is not None
    return extract_quotes(parsed.doc, parsed.entities, load_lexicon(), stances=True, cues=load_cue_model())


def only(text: str) -> Quote:
    found = quotes(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(("text", "speaker"), [
    ("The ministry issued a statement saying that the talks would resume in March.", "The ministry"),
    ("The senator opened her speech by saying that the budget was a disgrace.", "The senator"),
])
def test_a_participle_speaks_for_the_documents_author_or_the_verbs_subject(text: str, speaker: str) -> None:
    q = only(text)
    assert (q.cue.lemma if q.cue else None, q.speaker_mention.text if q.speaker_mention else None) == ("say", speaker)


def test_a_participle_with_its_own_subject_keeps_it() -> None:
    text = ("Negotiators failed to agree on how to fund poorer countries, with the head of the European "
            "delegation warning that time was running out.")
    (q,) = quotes(text)
    assert (q.content.text, q.speaker_mention.text if q.speaker_mention else None) == (
        "time was running out", "the head")


def test_two_that_clauses_of_one_verb_are_one_report() -> None:
    """The second clause's own report ("thinks that …") is found too, but does not cut the first short."""
    found = quotes("He said that NAFTA has been good for the U.S. and that the Chamber of Commerce thinks "
                   "that six million jobs rely on trade.")
    assert [q.content.text for q in found] == [
        "NAFTA has been good for the U.S. and that the Chamber of Commerce thinks that six million jobs rely on trade",
        "six million jobs rely on trade"]


@pytest.mark.parametrize(("text", "content"), [
    ("The governor said the bridge would reopen in May, which officials doubt.", "the bridge would reopen in May"),
    ("The mayor said the money would go to Springfield, where the plant closed last year.",
     "the money would go to Springfield"),
])
def test_a_closing_gloss_on_a_name_is_the_writers(text: str, content: str) -> None:
    assert only(text).content.text == content


def test_criticism_keeps_its_reason() -> None:
    assert only("Ms. Warren criticized the bank for ignoring its own rules.").content.text == \
        "the bank for ignoring its own rules"


def test_a_speech_nouns_infinitive_is_its_content() -> None:
    assert only("The chancellor defended her decision to raise taxes on fuel.").content.text == \
        "her decision to raise taxes on fuel"

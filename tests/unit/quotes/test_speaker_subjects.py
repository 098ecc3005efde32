"""Which mention speaks when the parse misleads: headlines, datelines and time stamps joined onto a
paragraph, participles inside a reported clause, "by saying", passive askers (real spaCy parses)."""

from __future__ import annotations

from tests.stage_fixtures import run as annotate


def mentions(text: str) -> dict[str, str | None]:
    """Each quote's content → the text of its speaker mention."""
    return {q.content.text: q.speaker_mention.text if q.speaker_mention else None for q in annotate(text).quotes}


def test_a_headline_subject_does_not_speak_for_the_body() -> None:
    text = ("Bernie Sanders: ‘It Is Not A Radical Idea’ To Ask For A $15 Minimum Wage.\n\n"
            "WASHINGTON — Sen. Bernie Sanders (I-Vt.) defended his call to raise the federal minimum wage, saying "
            "the stimulus would outweigh the potential job losses.")
    q = next(q for q in annotate(text).quotes if q.content.text.startswith("the stimulus"))
    assert q.speaker_mention.start > text.index("\n\n")
    assert q.speaker_name == "Bernie Sanders"


def test_a_live_blog_time_stamp_is_not_the_speaker() -> None:
    text = ("The Latest: Obama announces new gun measures.\n\n12:15 p.m.:\n\n"
            "President Barack Obama says that he is not plotting to take away everyone’s guns.")
    found = mentions(text)
    assert found["he is not plotting to take away everyone’s guns"].endswith("Barack Obama")


def test_a_participle_in_a_reported_clause_is_the_reporter_s() -> None:
    text = ("Speaking in Florida, Donald Trump insisted that he has expanded the Republican party, claiming that "
            "he is responsible for higher voter turnout.")
    found = mentions(text)
    assert found["he is responsible for higher voter turnout"] == "Donald Trump"


def test_an_agency_dateline_is_not_the_speaker_but_a_party_in_brackets_is_no_dateline() -> None:
    found = mentions("New York (AFP) – Vice President Joe Biden on Monday said the plan would fail.")
    assert found["the plan would fail"] == "Joe Biden"
    found = mentions("Rep. Trey Gowdy (R-S.C.) said the committee would vote on Thursday.")
    assert found["the committee would vote on Thursday"] == "Trey Gowdy"


def test_by_saying_climbs_to_the_verb() -> None:
    found = mentions("Obama punctuated his list by saying “Too many of our children have died this year.”")
    assert found["Too many of our children have died this year."] == "Obama"


def test_a_noun_before_the_cue_speaks_rather_than_its_object() -> None:
    found = mentions("“We were wrong not to confront him from the beginning,” Ramos, 58, told AFP in an interview.")
    assert found["We were wrong not to confront him from the beginning"] == "Ramos"


def test_a_passive_cue_s_agent_asks() -> None:
    found = mentions("Sanders was asked by host Bill Maher, “Why do you think the email story is over?”")
    assert found["Why do you think the email story is over?"] == "Bill Maher"


def test_a_document_s_mention_runs_through_its_author() -> None:
    found = mentions("Sales of electric cars are growing 60 percent a year, according to a recent report from "
                     "Bloomberg New Energy Finance.")
    assert found["Sales of electric cars are growing 60 percent a year"] == \
        "a recent report from Bloomberg New Energy Finance"


def test_a_name_standing_before_a_colon_speaks() -> None:
    found = mentions("Pollsters agree - Carl Bialik: “One of the biggest lessons was a simple one: keep on "
                     "contacting voters as late as possible.”")
    assert found["One of the biggest lessons was a simple one: keep on contacting voters as late as possible."] \
        == "Carl Bialik"


def test_an_age_split_by_the_tokenizer_refers_back_to_a_person() -> None:
    q = annotate("Emma Raducanu beat Coco Gauff in straight sets on Friday. The 21-year-old said the win was the "
                 "best of her career.").quotes[0]
    assert (q.speaker_mention.text, q.speaker_name) == ("The 21-year-old", "Emma Raducanu")


def test_a_short_name_and_a_kind_of_organisation_find_the_named_organisation() -> None:
    text = ("Southwest Airlines grounded one Boeing 737 on Monday after an engine failure near Denver. The Boeing "
            "737-800 returned safely to the airport.\n\nSouthwest said in a statement that it was cooperating "
            "with investigators. “Safety comes first in everything we do,” the airline said.")
    names = {q.content.text: q.speaker_name for q in annotate(text).quotes}
    assert names["it was cooperating with investigators"] == "Southwest Airlines"
    assert names["Safety comes first in everything we do"] == "Southwest Airlines"


def test_of_two_subjects_the_one_nearest_the_cue_speaks_a_direct_quote() -> None:
    text = ("Tuesday at Baldwin Wallace University in Berea, OH, after winning Ohio in the primary, Gov. John "
            "Kasich (R-OH), said, “I’m getting ready to rent a covered wagon.”")
    assert mentions(text)["I’m getting ready to rent a covered wagon."].endswith("John Kasich")

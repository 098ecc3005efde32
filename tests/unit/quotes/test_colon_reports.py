"""Reports a name and a colon open, on real spaCy parses: headlines and transcript turns are reports,
label words, prose colons and verbless rests are not."""

from __future__ import annotations

from pipeline.lexicon import load_lexicon
from pipeline.quotes import extract_quotes
from pipeline.sections.quotes import Quote
from tests.stage_fixtures import run


def colon_reports(text: str) -> list[Quote]:
    parsed = run(text, "ner")
    assert parsed.doc is not None and parsed.entities is not None
    found = extract_quotes(parsed.doc, parsed.entities, load_lexicon(), stances=True)
    return [q for q in found if q.rule == "indirect-colon"]


def test_a_headline_names_its_source_before_the_colon() -> None:
    text = ("Sanders: Clinton Email Story Has Moved.\n\n"
            "Democratic presidential candidate Bernie Sanders spoke in Iowa on Sunday.")
    (q,) = colon_reports(text)
    assert (q.content.text, q.speaker_mention.text if q.speaker_mention else None) == (
        "Clinton Email Story Has Moved", "Sanders")


def test_a_title_and_a_venue_around_the_name() -> None:
    (q,) = colon_reports("Former AG Mukasey at RNC: Clinton email scandal disqualifies her for presidency.")
    assert q.content.text == "Clinton email scandal disqualifies her for presidency"
    assert q.speaker_mention is not None and "Mukasey" in q.speaker_mention.text


def test_a_transcript_turn_is_its_speakers() -> None:
    text = ("TAPPER: Do you think he has campaigned as a healer?\n\n"
            "FALLIN: I think he is trying to campaign as a racial healer.")
    found = colon_reports(text)
    assert [q.content.text for q in found] == ["Do you think he has campaigned as a healer",
                                              "I think he is trying to campaign as a racial healer"]


def test_labels_prose_colons_and_verbless_rests_are_no_reports() -> None:
    assert colon_reports("Update: The polls in Ohio have closed and counting is under way.") == []
    assert colon_reports("Iowa: the map, the counties and the candidates") == []
    assert colon_reports("The plan has three parts: taxes will rise, spending will fall and debt will shrink.") == []


def test_a_verbless_claim_after_a_persons_name() -> None:
    text = "Loretta Lynch: No outside influence on FBI probe into Clinton emails.\n\nAttorney General Loretta Lynch spoke."
    (q,) = colon_reports(text)
    assert (q.content.text, q.speaker_mention.text if q.speaker_mention else None) == (
        "No outside influence on FBI probe into Clinton emails", "Loretta Lynch")

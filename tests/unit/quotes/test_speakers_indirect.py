"""Speaker resolution through appositives and descriptions, and the indirect-speech frames
beyond "X said that …", on real spaCy parses."""

from __future__ import annotations

from tests.stage_fixtures import run as annotate


def only(text: str) -> dict:
    quotes = annotate(text).quotes
    assert len(quotes) == 1, quotes
    return quotes[0]


def test_appositive_description_resolves_to_the_named_holder() -> None:
    q = only("The head of the monitoring network, Matthias Huss, warned that the glaciers would vanish by 2100.")
    assert (q.content.text, q.speaker_name) == ("the glaciers would vanish by 2100", "Matthias Huss")
    assert q.speaker_mention.text == "Matthias Huss"


def test_possessive_title_with_appositive() -> None:
    q = only("Italy’s premier, Giorgia Meloni, urged her colleagues to focus on stopping departures.")
    assert q.content.text == "her colleagues to focus on stopping departures"
    assert q.speaker_name == "Giorgia Meloni"


def test_bare_title_of_state_goes_to_the_titled_subject() -> None:
    text = ("Russian President Vladimir Putin met US President Joe Biden. Putin spoke first.\n\n"
            "The head of state has repeatedly said that Russia is ready for talks.")
    q = next(q for q in annotate(text).quotes if q.content.text == "Russia is ready for talks")
    assert q.speaker_name == "Vladimir Putin"


def test_definite_nationality_refers_back_to_a_person() -> None:
    text = "Coco Gauff lost the final. The American said she would return next year."
    q = only(text)
    assert (q.content.text, q.speaker_name) == ("she would return next year", "Coco Gauff")


def test_that_clause_on_a_prepositional_object() -> None:
    q = only("U.S. District Judge Rebecca Alvarez wrote in a 40-page opinion that the law was vague.")
    assert (q.content.text, q.speaker_name, q.cue.lemma) == (
        "the law was vague", "Rebecca Alvarez", "write")


def test_parenthetical_cue_keeps_the_split_clause_whole() -> None:
    q = only("Acts of protest, Mr. Obama said, are acts of patriotism.")
    assert q.rule == "indirect-parenthetical"
    assert q.content.text.startswith("Acts of protest") and q.content.text.endswith("patriotism")


def test_possessed_speech_noun() -> None:
    """Smith's claim is Smith's report; Paxton's rejecting it is Paxton's stance on the whole claim."""
    quotes = annotate("Paxton rejected Smith's claim that the plaintiffs lacked standing.").quotes
    assert sorted((q.content.text, q.speaker_name, q.rule) for q in quotes) == [
        ("Smith's claim that the plaintiffs lacked standing", "Paxton", "indirect-stance"),
        ("the plaintiffs lacked standing", "Smith", "indirect-noun")]


def test_verbless_as_phrase_from_machine_translation() -> None:
    q = only("As the then head of the presidential administration Sergei Ivanov, Russia in Syria will be used "
             "exclusively for aviation.")
    assert q.content.text == "Russia in Syria will be used exclusively for aviation"
    assert q.speaker_name == "Sergei Ivanov"


def test_report_stays_in_its_cue_paragraph() -> None:
    text = "Manager defends record signing\n\nMikel Arteta insisted on Sunday that the signing would come good."
    q = next(q for q in annotate(text).quotes if q.cue.lemma == "insist")
    assert q.content.text == "the signing would come good"


def test_dash_signature_after_a_quote() -> None:
    q = only("“We took the dog and ran, and nobody helped us at all.” — Eleni Papadaki, 67.")
    assert (q.type, q.rule, q.speaker_mention.text) == ("direct", "direct-dash-name", "Eleni Papadaki")


def test_organ_of_an_organisation_speaks_for_it() -> None:
    q = only("The UN climate secretariat said in a statement that it remained confident a deal could be reached.")
    assert q.speaker_name == "United Nations"


def test_unnamed_source_stays_unnamed_despite_its_employer_adjective() -> None:
    q = only("A senior EU diplomat said the mood in the room had been tense but not hostile.")
    assert (q.speaker_entity, q.unresolved_reason) == (None, "unnamed_source")


def test_conjoined_cue_hung_on_the_reported_verb_keeps_the_speaker() -> None:
    quotes = annotate("Roland Busch warned, however, that the economy remained weak and said the group "
                      "would not yet reverse a hiring freeze.").quotes
    q = next(q for q in quotes if q.content.text.startswith("the group"))
    assert q.speaker_name == "Roland Busch"


def test_definite_description_refers_back_to_the_last_speaker_of_its_nationality() -> None:
    text = ("French Foreign Minister Jean-Noel Barrot said Paris backed the plan. "
            "Italian Foreign Minister Antonio Tajani said Rome had doubts.\n\n"
            "The French diplomat added that a vote could come in May.")
    q = next(q for q in annotate(text).quotes if q.content.text == "a vote could come in May")
    assert q.speaker_name == "Jean-Noel Barrot"


def test_definite_source_stays_unnamed() -> None:
    text = "Peter Hale said the talks were over. The source added that a deal was unlikely."
    q = next(q for q in annotate(text).quotes if q.content.text == "a deal was unlikely")
    assert q.speaker_entity is None


def test_cueless_quote_continues_the_last_reporting_clause() -> None:
    text = ("“Prices are too high,” Mayor John Ortega said.\n\n"
            "Council member Laura Mills said the budget was already stretched. "
            "“We cannot afford another year like this.”")
    q = next(q for q in annotate(text).quotes if q.content.text.startswith("We cannot"))
    assert q.speaker_name == "Laura Mills"


def test_machine_translated_title_resolves_to_the_name_it_ends_with() -> None:
    q = only("The Russian side considers the statements as an unfriendly step, said the official representative "
             "of the Russian Foreign Ministry Maria Zakharova at a briefing on Thursday.")
    assert q.speaker_name == "Maria Zakharova"


def test_of_object_that_is_the_person_alone_is_not_the_speaker() -> None:
    q = only("The wife of John Smith said that the family would appeal.")
    assert q.speaker_name != "John Smith"


def test_pronoun_after_a_title_parsed_as_root_goes_to_the_named_person() -> None:
    text = ("Deputy Foreign Minister Alexander Grushko told journalists that Moscow would respond. "
            "He noted that dialogue was still possible.\n\n"
            "The press secretary of the President Dmitry Peskov, answering the question of TASS, refrained "
            "from comments on the possible measures. “It is the prerogative of the Foreign Ministry,” he said.")
    q = next(q for q in annotate(text).quotes if q.type == "direct")
    assert q.speaker_name == "Dmitry Peskov"


def test_subject_misparsed_as_a_verb_still_yields_the_name_inside_it() -> None:
    text = ("\"It's October,\" he said with a smile. \"Ask me in April.\"\n\n"
            "Spurs goalkeeper Guglielmo Vicario, who made three saves in the closing minutes, said the clean "
            "sheet belonged to the whole team.")
    q = next(q for q in annotate(text).quotes if q.type != "direct")
    assert q.speaker_name == "Guglielmo Vicario"


def test_spokesperson_for_an_organisation_speaks_for_it() -> None:
    text = ("The Rail Delivery Group, which represents the operators, said it was disappointed. A spokesperson "
            "for the group said the offer on the table was fair.")
    q = next(q for q in annotate(text).quotes if q.content.text == "the offer on the table was fair")
    assert q.speaker_name == "Rail Delivery Group"


def test_report_stops_before_the_reporters_next_speech_act() -> None:
    text = ("Sarah Clarke, the club’s chief executive, was less forgiving. She said supporters had \"every right "
            "to be angry\" and promised a review of the summer transfer window.")
    q = next(q for q in annotate(text).quotes if q.cue and q.cue.lemma == "say")
    assert q.content.text.startswith("supporters had") and q.content.text.endswith("angry")


def test_untagged_nationality_noun_refers_back_to_the_last_person() -> None:
    text = ("LONDON, Nov 3 (AP) — Mikel Arteta insisted on Sunday that the club’s record signing would come good, "
            "a day after Arsenal lost the north London derby 2-1.\n\n\"He is a top player and he will show it,\" "
            "Arteta told a news conference. \"Give him time.\"\n\nThe Spaniard said he had spoken to the midfielder "
            "after the match. \"I told him to keep his head up,\" he added.")
    q = next(q for q in annotate(text).quotes if q.content.text.startswith("he had spoken"))
    assert q.speaker_name == "Mikel Arteta"


def test_relative_clause_report_resolves_to_the_noun_it_hangs_on() -> None:
    q = only("The plan was backed by Senator John Smith, who said the state would run out of money by June.")
    assert (q.content.text, q.speaker_name) == ("the state would run out of money by June", "John Smith")
    assert q.speaker_mention.text == "who"


def test_passive_report_takes_its_by_phrase_as_speaker() -> None:
    q = only("It was announced by the Interior Ministry that the border would reopen on Monday.")
    assert (q.content.text, q.speaker_mention.text) == ("the border would reopen on Monday", "Interior Ministry")


def test_speech_noun_owned_through_by() -> None:
    q = only("The claim by the company that its products were safe was disputed.")
    assert (q.content.text, q.speaker_mention.text, q.rule) == ("its products were safe", "the company", "indirect-noun")


def test_report_on_a_prepositional_object() -> None:
    q = only("Senator Maria Lopez called for an independent inquiry into the contracts.")
    assert (q.content.text, q.speaker_name, q.rule, q.cue.lemma) == (
        "an independent inquiry into the contracts", "Maria Lopez", "indirect-object", "call")


def test_that_clause_on_a_speech_noun_object() -> None:
    q = only("Senator Maria Lopez expressed confidence that the bill would pass before the recess.")
    assert (q.content.text, q.speaker_name, q.rule, q.cue.lemma) == (
        "the bill would pass before the recess", "Maria Lopez", "indirect-noun", "express")

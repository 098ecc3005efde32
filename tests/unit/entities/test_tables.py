"""Results, standings and fixture lines on real model output: the names on them are sides."""

from __future__ import annotations

from spacy.language import Language

from pipeline.entities.cues import load_cues
from pipeline.entities.labels import drop_line_labels
from pipeline.entities.mentions import collect
from pipeline.entities.tables import read_tables
from pipeline.lexicon import load_lexicon


def _sides(nlp: Language, text: str, sporting: bool = True) -> list[str]:
    return [s.text for s in read_tables(nlp(text), load_lexicon(), lambda _: sporting).sides]


def test_standings_rows_with_shares_dashes_and_half_games(nlp: Language) -> None:
    text = ("Eastern conference standings after Sunday's games:\nW L PCT GB\n"
            "MIAMI 50 22 .694 -\nNEW ORLEANS 41 31 .569 9\nDENVER 30 42 .417 19 1/2\n")
    assert _sides(nlp, text) == ["MIAMI", "NEW ORLEANS", "DENVER"]


def test_ranked_standings_rows(nlp: Language) -> None:
    text = "Table after round 12:\n1. Lokomotiv Plovdiv 12 9 2 1 25 8 29\n2. Slavia 12 8 2 2 20 9 26\n"
    assert _sides(nlp, text) == ["Lokomotiv Plovdiv", "Slavia"]


def test_a_golfers_rounds_are_no_standings(nlp: Language) -> None:
    text = "Leading scores after the third round:\nGraeme Doyle 68 71 70\nHarlan Pike 70 70 72\n"
    assert _sides(nlp, text) == []


def test_one_result_line_with_notes_in_sports_copy(nlp: Language) -> None:
    text = "Result of a Belgian first division match on Sunday:\nGenk 3 (Moreno 12th, Dupuis 80th) Mechelen 1 (Leroy 44th).\n"
    assert _sides(nlp, text) == ["Genk", "Mechelen"]


def test_one_result_shaped_line_outside_sports_copy_is_not_a_table(nlp: Language) -> None:
    assert _sides(nlp, "Paris 2 London 3\nThe cities meet again next year.", sporting=False) == []


def test_cup_results_with_countries_and_fixtures(nlp: Language) -> None:
    text = ("In Tbilisi: Dinamo Tbilisi (Georgia) 2 Zurich Rovers (Switzerland) 0\n"
            "Fixtures on Saturday:\nKilmarnock v Hearts, Motherwell v Ross County\nDALLAS AT PHOENIX\n")
    assert _sides(nlp, text) == ["Dinamo Tbilisi", "Zurich Rovers", "Kilmarnock", "Hearts", "Motherwell",
                                 "Ross County", "DALLAS"]


def test_players_with_their_countries_are_no_fixture(nlp: Language) -> None:
    text = "Quarter-final line-up:\nJonas Brandt (Germany) vs. Pablo Ruiz (Spain)\nLena Holm (Sweden) vs. Mia Kent (Britain)\n"
    assert _sides(nlp, text) == []


def test_the_name_after_at_in_a_fixture_is_where_they_play(nlp: Language) -> None:
    text = "Schedule for Friday:\nDALLAS AT PHOENIX\nDENVER AT UTAH\n"
    tables = read_tables(nlp(text), load_lexicon(), lambda _: True)
    assert [s.text for s in tables.sides] == ["DALLAS", "DENVER"]
    assert [s.text for s in tables.venues] == ["PHOENIX", "UTAH"]


def test_scorers_in_a_results_notes_and_a_rider_lines_teams(nlp: Language) -> None:
    text = ("Results on Saturday:\nGenk 3 (Moreno 12th, Van Dijkhuis 80th penalty) Mechelen 1 (Leroy 44th)\n"
            "Anderlecht 0 Lokeren 0 (halftime 0-0)\n")
    tables = read_tables(nlp(text), load_lexicon(), lambda _: True)
    assert [s.text for s in tables.scorers] == ["Moreno", "Van Dijkhuis", "Leroy"]
    stage = "Stage nine results:\n1. Ana Ruiz (Spain) Movistar 4:12:08\n2. Tom Vos (Neths) Visma same time\n"
    assert _sides(nlp, stage) == ["Movistar", "Visma"]


def test_a_line_label_is_no_name(nlp: Language) -> None:
    doc = nlp("Results of the meeting in Oslo:\nMen's 200 metres\n1. Kofi Mensah (Ghana) 20.11\n"
              "Women's 800 metres\n1. Ana Lopes (Portugal) 1:58.20\nExtras (lb-4 w-2) 6\n")
    mentions = collect(doc, load_lexicon(), set())
    assert {"Women", "Extras"} <= {m.span.text for m in mentions}  # the model's guesses
    kept = {m.span.text for m in drop_line_labels(mentions, load_cues())}
    assert not kept & {"Women", "Extras"} and {"Oslo", "Kofi Mensah", "Ghana"} <= kept


def test_share_price_rows_are_companies_and_currency_codes_are_not(nlp: Language) -> None:
    text = ("Prague bourse closing prices:\nVLTAVA CHEMIE 339.00 340.00 7546 2562.094\n"
            "BRNO STROJE 785.00 785.00 6000 4710.000\nUSD 25.120 25.180 25.150\n")
    tables = read_tables(nlp(text), load_lexicon(), lambda _: False)
    assert [s.text for s in tables.companies] == ["VLTAVA CHEMIE", "BRNO STROJE"]
    assert tables.sides == []


def test_rules_football_ladder_rows(nlp: Language) -> None:
    text = "Ladder after round 20:\nGeelong 20 15 0 5 2110 1702 124.0 60\nRichmond 20 12 1 7 1990 1855 107.3 50\n"
    assert _sides(nlp, text) == ["Geelong", "Richmond"]

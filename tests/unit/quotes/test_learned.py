"""The learned cue detector on real spaCy parses: it adds reports on cue words no rule reads, leaves the
rules' reports alone, needs a speaking source, and ships as feature weights only."""

from __future__ import annotations

import json
import re

import pytest

from pipeline.config import Settings
from pipeline.lexicon import load_lexicon
from pipeline.quotes import extract_quotes
from pipeline.quotes.cue_features import Content
from pipeline.quotes.learned import MODEL_PATH, load_cue_model
from pipeline.sections.quotes import Quote
from pipeline.stages.quotes import QuotesConfig
from pipeline.quotes.english import EnglishQuotes
from tests.stage_fixtures import article, run


def quotes(text: str, learned: bool = True) -> list[Quote]:
    parsed = run(text, "ner")
    assert parsed.doc is not None and parsed.entities is not None
    return extract_quotes(parsed.doc, parsed.entities, load_lexicon(), stances=True,
                          cues=load_cue_model() if learned else None)


def test_a_cue_no_rule_lists_is_reported_with_its_infinitive() -> None:
    text = "Sanders is seeking to win over young voters in Iowa."
    assert quotes(text, learned=False) == []
    (q,) = quotes(text)
    assert (q.rule, q.cue.lemma if q.cue else None, q.content.text, q.speaker_name) == (
        "indirect-learned", "seek", "to win over young voters in Iowa", "Sanders")


def test_the_rules_report_stays_the_only_one_on_their_cue() -> None:
    found = quotes("Sanders said that the election system is rigged against working families.")
    assert [(q.rule, q.content.text) for q in found] == [
        ("indirect-that", "the election system is rigged against working families")]


def test_a_passive_subject_is_not_the_source() -> None:
    found = quotes("Carson was asked to respond to the criticism from his rivals.")
    assert not [q for q in found if q.rule == "indirect-learned"]


def test_an_act_that_reports_nothing_is_no_attribution() -> None:
    assert quotes("Trump threw his hands in the air and walked off the stage.") == []


def test_the_setting_switches_the_detector_on_and_names_its_weights() -> None:
    text = "The president appeared to blame Congress for the delay."
    parsed = run(text, "ner")
    for on in (False, True):
        backend = EnglishQuotes(QuotesConfig.from_settings(Settings(metrics_port=0, quote_learned_cues=on)))
        backend.setup()
        item = article(text)
        item.doc, item.entities = parsed.doc, parsed.entities
        backend.process([item])
        rules = {q.rule for q in item.quotes or []}
        assert rules == ({"indirect-learned"} if on else set())
        assert ("quotes.en.cue_model" in backend.provenance().data_versions) is on


def test_the_shipped_model_holds_weights_over_feature_names_only() -> None:
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    assert all(re.fullmatch(r"[a-z]+", lemma) for lemma in data["object_lemmas"])
    assert 0.0 < data["threshold"] < 1.0
    assert all(re.fullmatch(r"\S+", lemma) for lemma in data["lemmas"])
    assert all(re.fullmatch(r"(bias|[a-z]+=\S+)", name) for name in data["weights"]), "a weight on running text"


def test_a_sources_terms_are_no_report() -> None:
    found = quotes("The people asked not to be identified because the talks are private.")
    assert not [q for q in found if q.rule == "indirect-learned"]


@pytest.mark.parametrize("text", [
    "The general attacked several villages near the border with heavy artillery.",
    "The minister published a long report on the state of the economy.",
    "The governor ordered hundreds of families to leave the flooded valley.",
    "European Union leaders failed to agree on a plan to share responsibility for asylum seekers.",
    "The spokeswoman answered a question about the upcoming summit.",
])
def test_an_action_on_an_object_is_no_report(text: str) -> None:
    """The model scores these verbs as cues; the gates keep an action's object, an order's event and a cue
    inside what failed to happen out."""
    assert not [q for q in quotes(text) if q.rule == "indirect-learned"]


def test_the_gates_let_a_clause_through_but_not_a_machine_speaking() -> None:
    from pipeline.quotes.learned_gates import load_gates
    parsed = run("Sanders maintained that the system is rigged. The jets hinted at a strike.", "ner")
    assert parsed.doc is not None
    gates = load_gates()
    maintain, hint = (t for t in parsed.doc if t.lemma_ in ("maintain", "hint"))
    assert gates.admits(maintain, maintain.doc[0], Content((0, 1), "clause"))
    assert not gates.admits(hint, next(t for t in parsed.doc if t.lower_ == "jets"), Content((0, 1), "prep"))

"""Fuzzy matching: transliteration noise found, common words and near-miss names left alone."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.designations.fuzzy import FuzzyMatcher
from pipeline.registry.registry import load_registry


@pytest.fixture(scope="module")
def fuzzy() -> FuzzyMatcher:
    return FuzzyMatcher(load_registry())


@pytest.mark.parametrize(("text", "org_id", "found"), [
    ("Candidates of Jamat-e-Islami were leading.", "jamaat-e-islami", "Jamat-e-Islami"),
    ("Meetings of the banned Jehova's Witnesses community.", "jehovahs-witnesses", "Jehova's Witnesses"),
    ("Members of Hisb ut-Tahrir were detained.", "hizb-ut-tahrir", "Hisb ut-Tahrir"),
    ("Fighters of Jabhet el-Nosra shelled the town.", "jabhat-al-nusra", "Jabhet el-Nosra"),
])
def test_noisy_spellings(fuzzy: FuzzyMatcher, text: str, org_id: str, found: str) -> None:
    assert [(h.org_id, h.text) for h in fuzzy.find(text, [])] == [(org_id, found)]


@pytest.mark.parametrize("text", [
    "Uppsala University and the World Health Organization signed a memorandum.",
    "The Minister flew to Ballarat on Monday.",
    "The Islamic Development Bank approved a loan.",
    "Fans in the right sector of the stand lit flares.",
])
def test_near_misses_are_not_matched(fuzzy: FuzzyMatcher, text: str) -> None:
    assert fuzzy.find(text, []) == []


def test_tagger_marks_fuzzy_mentions(tagger, entities_of) -> None:
    text = "A court in Saratov jailed followers of the Jehova's Witnesses (an extremist organization banned in Russia)."
    org = next(o for o in tagger.tag(text, date(2020, 2, 18), entities_of(text))["organisations"])
    assert org["org_id"] == "jehovahs-witnesses" and org["designated"] and not org["notice_missing"]
    assert org["mentions"][0]["match"] == "fuzzy"

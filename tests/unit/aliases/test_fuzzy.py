"""Fuzzy matching: transliteration noise found, common words and near-miss names left alone."""

from __future__ import annotations

import pytest

from pipeline.aliases import registry_specs
from pipeline.aliases.matcher import AliasMatcher
from pipeline.registry.registry import load_registry


@pytest.fixture(scope="module")
def matcher() -> AliasMatcher:
    return AliasMatcher(registry_specs(load_registry()))


def _fuzzy(matcher: AliasMatcher, text: str) -> list[tuple[str, str]]:
    return [(h.org_id, h.text) for h in matcher.fuzzy_hits(matcher.scan(text), [])]


@pytest.mark.parametrize(("text", "org_id", "found"), [
    ("Candidates of Jamat-e-Islami were leading.", "jamaat-e-islami", "Jamat-e-Islami"),
    ("Meetings of the banned Jehova's Witnesses community.", "jehovahs-witnesses", "Jehova's Witnesses"),
    ("Members of Hisb ut-Tahrir were detained.", "hizb-ut-tahrir", "Hisb ut-Tahrir"),
    ("Fighters of Jabhet el-Nosra shelled the town.", "jabhat-al-nusra", "Jabhet el-Nosra"),
])
def test_noisy_spellings(matcher: AliasMatcher, text: str, org_id: str, found: str) -> None:
    assert _fuzzy(matcher, text) == [(org_id, found)]


@pytest.mark.parametrize("text", [
    "Uppsala University and the World Health Organization signed a memorandum.",
    "The Minister flew to Ballarat on Monday.",
    "The Islamic Development Bank approved a loan.",
    "Fans in the right sector of the stand lit flares.",
])
def test_near_misses_are_not_matched(matcher: AliasMatcher, text: str) -> None:
    assert _fuzzy(matcher, text) == []



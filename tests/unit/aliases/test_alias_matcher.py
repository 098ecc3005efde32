"""The alias matcher on small hand-made indexes: boundaries, longest match, case, context, ids."""

from __future__ import annotations

import pytest

from pipeline.aliases.index import AliasSpec
from pipeline.aliases.matcher import AliasMatcher

SPECS = [
    AliasSpec("Islamic State", entry_id="islamic-state", org_id="isis"),
    AliasSpec("Islamic State in Iraq", org_id="isi"),
    AliasSpec("IS", entry_id="islamic-state", case_sensitive=True),
    AliasSpec("IS", org_id="isis", case_sensitive=True, needs_context=True),
    AliasSpec("Jabhat al-Nusra", entry_id="jabhat-al-nusra", org_id="nusra"),
    AliasSpec("al-Qaeda", entry_id="al-qaeda"),
    AliasSpec("Right Sector", org_id="right-sector"),
    AliasSpec("Memorial", org_id="memorial", case_sensitive=True, needs_context=True),
    AliasSpec("Hamas", entry_id="hamas", org_id="hamas"),
    AliasSpec("Sands", entry_id="dmitry-peskov", artefact=True),
]


@pytest.fixture(scope="module")
def matcher() -> AliasMatcher:
    return AliasMatcher(SPECS)


def _orgs(matcher: AliasMatcher, text: str, spans=()) -> list[tuple[str, str]]:
    return [(h.org_id, h.text) for h in matcher.org_hits(matcher.scan(text), spans)]


def _entries(matcher: AliasMatcher, text: str) -> list[tuple[str, str]]:
    scan = matcher.scan(text)
    return [(m.reading.id, text[m.start:m.end]) for m in matcher.entry_matches(scan)]


def test_word_boundaries(matcher: AliasMatcher) -> None:
    assert _orgs(matcher, "Hamasville and unHamas are towns.") == []
    assert _orgs(matcher, "Hamas's leaders met.") == [("hamas", "Hamas")]  # possessive left out
    assert _entries(matcher, "Islamic Statesman spoke.") == []


def test_longest_match_wins_and_overlaps_are_consumed(matcher: AliasMatcher) -> None:
    assert _orgs(matcher, "the Islamic State in Iraq said") == [("isi", "Islamic State in Iraq")]
    assert _orgs(matcher, "the Islamic State said") == [("isis", "Islamic State")]
    # the entity reading has no longer alias here: it keeps its own, shorter match
    assert _entries(matcher, "the Islamic State in Iraq said") == [("islamic-state", "Islamic State")]


def test_noise_inside_names_is_folded(matcher: AliasMatcher) -> None:
    assert _orgs(matcher, "fighters of “jabhat al-al – Nusra” shelled") == [("nusra", "jabhat al-al – Nusra")]
    assert _orgs(matcher, "Dzhebhat an-Nusrah fighters") == [("nusra", "Dzhebhat an-Nusrah")]
    assert _entries(matcher, "Jabhat Nusra fighters") == [("jabhat-al-nusra", "Jabhat Nusra")]
    assert _entries(matcher, "the al-Qaeda leader") == [("al-qaeda", "al-Qaeda")]  # attached particle taken in
    assert _entries(matcher, "al Qaeda's branch") == [("al-qaeda", "al Qaeda")]  # the alias opens with it
    assert _orgs(matcher, "As Hamas fighters left") == [("hamas", "Hamas")]     # "as" folds to "al", not taken


def test_case_sensitive_aliases_match_only_as_written(matcher: AliasMatcher) -> None:
    assert _entries(matcher, "Fighters of IS retreated.") == [("islamic-state", "IS")]
    assert _entries(matcher, "It is what it is.") == []
    assert _orgs(matcher, "fans in the right sector of the stand") == []  # a name written in lower case


@pytest.mark.parametrize(("text", "found"), [
    ("IS militants attacked a checkpoint.", [("isis", "IS")]),
    ("The IS department upgraded its servers.", []),                     # veto
    ("IS Department staff were told.", []),                              # part of a longer name
    ("He said IS would not comment.", []),                               # no cue
    ("The rights group Memorial was dissolved.", [("memorial", "Memorial")]),
    ("The Memorial Day parade was held.", []),
])
def test_ambiguous_short_aliases_need_context(matcher: AliasMatcher, text: str, found: list) -> None:
    assert _orgs(matcher, text) == found


def test_an_overlapping_ner_entity_is_context(matcher: AliasMatcher) -> None:
    text = "He said IS would not comment."
    start = text.index("IS")
    assert _orgs(matcher, text, [(start, start + 2, "ORG")]) == [("isis", "IS")]
    assert _orgs(matcher, text, [(start, start + 2, "GPE")]) == []


def test_every_match_carries_its_ids(matcher: AliasMatcher) -> None:
    scan = matcher.scan("Hamas and Sands")
    entries = matcher.entry_matches(scan)
    assert [(m.reading.id, m.reading.artefact) for m in entries] == [("hamas", False), ("dmitry-peskov", True)]
    assert [h.org_id for h in matcher.org_hits(scan)] == ["hamas"]
    assert [p.org.id if p.org else None for p in matcher.index.patterns if p.keys == ("jabhat", "nusra")] == ["nusra"]


def test_first_alias_to_claim_a_key_keeps_it() -> None:
    matcher = AliasMatcher([AliasSpec("Azov", org_id="azov-regiment"), AliasSpec("AZOV", org_id="azov-other")])
    assert _orgs(matcher, "the Azov regiment") == [("azov-regiment", "Azov")]


@pytest.mark.parametrize(("text", "found"), [
    ("Lashkar-e-Taiba claimed the attack.", [("let", "Lashkar-e-Taiba")]),
    ("Tehrik-e-Taliban Pakistan said it had attacked.", [("ttp", "Tehrik-e-Taliban Pakistan")]),
    ("Jaish-i-Mohammed denied it.", [("jem", "Jaish-i-Mohammed")]),
    ("Jama'atu Ahlis Sunna Lidda'awati wal-Jihad is Boko Haram.",
     [("boko", "Jama'atu Ahlis Sunna Lidda'awati wal-Jihad")]),
    ("Lashkar-e-taiba claimed it.", []),  # a word of the name itself in lower case
    ("Lashkar e Taiba claimed it.", []),  # a lone lower-case word between spaces is prose
    ("Jaish-near-Mohammed", []),  # longer than an infix
])
def test_a_dashed_lower_case_infix_keeps_a_strict_name_capitalised(text: str, found: list) -> None:
    """Official-list names with transliterated infixes match as wire copy writes them."""
    matcher = AliasMatcher([AliasSpec("Lashkar-e-Tayyiba", org_id="let", strict=True),
                            AliasSpec("Lashkar e Taiba", org_id="let", strict=True),
                            AliasSpec("Tehrik-e Taliban Pakistan", org_id="ttp", strict=True),
                            AliasSpec("Jaish-i-Mohammed", org_id="jem", strict=True),
                            AliasSpec("Jaish near Mohammed", org_id="jem2", strict=True),
                            AliasSpec("Jama'atu Ahlis Sunna Lidda'awati wal-Jihad", org_id="boko", strict=True)])
    assert _orgs(matcher, text) == found

"""Companies the lists name only by their legal names: core names, joins by core, and when a core is looked for."""

from __future__ import annotations

import pytest

from pipeline.aliases import registry_specs
from pipeline.aliases.matcher import AliasMatcher
from pipeline.registry.importers.crosslist import MergeReport, guard_aliases, merge_listed
from pipeline.registry.importers.legalform import core_name, dictionary_word, distinctive_core, latin
from pipeline.registry.importers.official import Listed, designation
from pipeline.registry.model import Alias, Organisation
from pipeline.registry.registry import Registry

SOURCES = {"UN": "UN", "US-SDN": "US-SDN", "GB-UKSL": "GB-UKSL", "EU-FSF": "EU-FSF"}
JURISDICTIONS = {"UN": "UN", "US-SDN": "US", "GB-UKSL": "GB", "EU-FSF": "EU"}


def _entry(list_key: str, ref: str, *names: str) -> Listed:
    d = designation(JURISDICTIONS[list_key], "sanctioned", "authority", f"{list_key} list", programme="P",
                    ref=ref, snapshot="2024-05-03", source_url=None)
    org = Organisation(f"{list_key.lower()}-{ref}", names[0], designations=[d],
                       aliases=[Alias(n, "en", SOURCES[list_key]) for n in names])
    return Listed(org, list_key, ref)


@pytest.mark.parametrize(("name", "core"), [
    ("Public Joint Stock Company Promsvyazbank", "Promsvyazbank"),
    ("PROMSVYAZBANK PUBLIC JOINT STOCK COMPANY", "PROMSVYAZBANK"),
    ("Promsvyazbank PJSC", "Promsvyazbank"),
    ('ПАО Промсвязьбанк""', "Промсвязьбанк"),
    ("OOO «Romashka»", "Romashka"),
    ("Hanjin Shipping Co., Ltd.", "Hanjin Shipping"),
    ("JSC Tactical Missiles Corporation", "Tactical Missiles Corporation"),  # Corporation is part of the name
    ("Public Joint Stock Company 'United Aircraft Corporation'", "United Aircraft Corporation"),
    ("Co-operative Bank", None),          # a form joined by a dash is a word of the name
    ("Joint Stock Company", None),        # only a form: no core
    ("PTE OOO", None),                    # only forms
    ("AB Rossiya", None),                 # "AB" is not stripped: Bank Rossiya
    ("As-Sahab Media", None),             # an Arabic article, not a form
    ("Al-Qa'ida", None),
    ("All-Russian institute JSC (VNIIRT JSC)", None),  # a cut inside brackets leaves no core
])
def test_core_name(name: str, core: str | None) -> None:
    assert core_name(name) == core


def test_latin_and_dictionary() -> None:
    assert latin("Промсвязьбанк") == "promsvyazbank" and latin("Щука") == "shchuka"
    assert dictionary_word("Progress") and dictionary_word("Industries") and dictionary_word("Monitoring")
    assert not dictionary_word("Promsvyazbank") and not dictionary_word("Rosneft")


def test_distinctive_core() -> None:
    generic = frozenset({"bank", "trading"}).__contains__
    assert distinctive_core(["promsvyazbank"], generic, one_word=True, alone=True)
    assert not distinctive_core(["promsvyazbank"], generic, one_word=True)  # no evidence it stands alone
    assert not distinctive_core(["rossiya"], generic, one_word=True, alone=True)   # too short for one word
    assert not distinctive_core(["alliance"], generic, one_word=True, alone=True)  # a dictionary word
    assert not distinctive_core(["anglo", "caribbean"], generic, one_word=True)    # "Anglo-Caribbean"
    assert distinctive_core(["bank", "rossiya"], generic)
    assert not distinctive_core(["sea", "breeze"], generic)           # two plain words: a phrase of prose
    assert distinctive_core(["united", "aircraft", "corporation"], generic)
    assert not distinctive_core(["bank", "trading"], generic)         # generic words only


def test_one_company_across_lists_by_core_name() -> None:
    """The UK, US and EU entries of Promsvyazbank are one organisation; the EU's Cyrillic name joins too."""
    uk = _entry("GB-UKSL", "RUS0237", "Public Joint Stock Company Promsvyazbank", "PJSC Promsvyazbank")
    us = _entry("US-SDN", "34656", "PROMSVYAZBANK PUBLIC JOINT STOCK COMPANY")
    eu = _entry("EU-FSF", "EU.7395.36", 'ПАО Промсвязьбанк""')
    orgs, report = merge_listed([], [uk])
    for entry in (us, eu):
        orgs, report = merge_listed(orgs, [entry])
        assert report.by_core == 1
    assert len(orgs) == 1 and {d.jurisdiction for d in orgs[0].designations} == {"GB", "US", "EU"}


def test_a_shared_word_or_a_core_two_entries_share_never_joins() -> None:
    uk = [_entry("GB-UKSL", "1", "JSC Bank Rossiya"), _entry("GB-UKSL", "2", "Rossiya Segment LLC")]
    belarus_russia = [_entry("US-SDN", "1", "CJSC ALFA-BANK"), _entry("US-SDN", "2", "JSC ALFA-BANK")]
    orgs, _ = merge_listed([], uk + belarus_russia)
    eu = [_entry("EU-FSF", "EU.1", "Rossiya OOO"), _entry("EU-FSF", "EU.2", "Alfa-Bank AO")]
    orgs, report = merge_listed(orgs, eu)
    assert report.by_core == 0 and len(orgs) == 6
    assert ("eu-fsf-EU.2", ["us-sdn-1", "us-sdn-2"]) in report.ambiguous  # the core names two companies


def test_a_core_within_one_list_is_not_a_join_key() -> None:
    """Two entries of the list being merged with one core: neither joins by it."""
    orgs, _ = merge_listed([], [_entry("GB-UKSL", "1", "PJSC Sovcomflot")])
    us = [_entry("US-SDN", "1", "SOVCOMFLOT JSC"), _entry("US-SDN", "2", "SOVCOMFLOT LLC")]
    orgs, report = merge_listed(orgs, us)
    assert report.by_core == 0 and len(orgs) == 3


def _matcher(orgs: list[Organisation]) -> tuple[Registry, AliasMatcher]:
    registry = Registry(guard_aliases(orgs))
    return registry, AliasMatcher(registry_specs(registry))


def _found(matcher: AliasMatcher, text: str) -> list[tuple[str, str]]:
    return [(h.org_id, h.text) for h in matcher.org_hits(matcher.scan(text))]


def test_cores_looked_for_in_text_only_when_safe() -> None:
    psb = Organisation("psb", "PJSC Promsvyazbank", aliases=[
        Alias("Public Joint Stock Company Promsvyazbank", source="GB-UKSL"),
        Alias("PJSC Promsvyazbank", source="GB-UKSL")])
    once = Organisation("mac", "MACEDONIA LTDA.", aliases=[Alias("MACEDONIA LTDA.", source="US-SDN")])
    acronym = Organisation("abc", "ABC LLC", aliases=[Alias("ABC LLC", source="US-SDN"),
                                                      Alias("ABC OOO", source="US-SDN")])
    plain = Organisation("sea", "Sea Breeze LLC", aliases=[Alias("Sea Breeze LLC", source="US-SDN")])
    uac = Organisation("uac", "PJSC United Aircraft Corporation", aliases=[
        Alias("PJSC United Aircraft Corporation", source="GB-UKSL")])
    twins = [Organisation(f"alfa-{n}", f"{form} Alfa Kapital",
                          aliases=[Alias(f"{form} Alfa Kapital", source="US-SDN")])
             for n, form in enumerate(("CJSC", "JSC"))]
    registry, matcher = _matcher([psb, once, acronym, plain, uac, *twins])
    assert [a.text for a in registry.by_id["psb"].aliases if a.core] == ["Promsvyazbank"]
    assert _found(matcher, "Promsvyazbank, the state lender, said profit rose.") == [("psb", "Promsvyazbank")]
    assert _found(matcher, "the promsvyazbank branch") == []  # capitalised only
    assert _found(matcher, "United Aircraft Corporation delivered jets.") == [
        ("uac", "United Aircraft Corporation")]
    lookup_only = "Macedonia voted. ABC reported. Sea Breeze hotel. Alfa Kapital said."
    assert _found(matcher, lookup_only) == []
    assert not any(a.in_text for o in twins for a in registry.by_id[o.id].aliases if a.core)  # shared core


def test_cores_are_derived_afresh() -> None:
    """Guarding a registry twice (a list re-imported into the bundled file) gives the same aliases."""
    psb = Organisation("psb", "PJSC Promsvyazbank", aliases=[Alias("PJSC Promsvyazbank", source="GB-UKSL")])
    once = guard_aliases([psb])
    assert guard_aliases(once) == once


def test_bundled_promsvyazbank(built: tuple[Registry, dict[str, MergeReport]]) -> None:
    psb = built[0].by_id["gb-rus0237"]
    assert {d.jurisdiction for d in psb.designations} == {"GB", "US", "EU"}
    assert "us-sdn-34656" not in built[0].by_id and "eu-eu.7395.36" not in built[0].by_id
    assert [a.in_text for a in psb.aliases if a.text == "Promsvyazbank"] == [True]

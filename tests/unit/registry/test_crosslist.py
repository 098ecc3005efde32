"""One organisation across lists: reference numbers first, then unambiguous full names; safeguards on names."""

from __future__ import annotations

from datetime import date

from pipeline.aliases import registry_specs
from pipeline.aliases.matcher import AliasMatcher
from pipeline.registry.importers.crosslist import MergeReport, guard_alias, merge_listed
from pipeline.registry.importers.official import Listed, designation
from pipeline.registry.model import Alias, Organisation
from pipeline.registry.registry import Registry


def _entry(list_key: str, ref: str, *names: str, links: frozenset[str] = frozenset(),
           jurisdiction: str = "US") -> Listed:
    d = designation(jurisdiction, "sanctioned", "authority", f"{list_key} list", programme="P", ref=ref,
                    snapshot="2024-05-03", source_url=None)
    org = Organisation(f"{list_key.lower()}-{ref}", names[0], designations=[d],
                       aliases=[Alias(n, "en", "US-SDN") for n in names])
    return Listed(org, list_key, ref, set(links))


def test_bundled_merges(built: tuple[Registry, dict[str, MergeReport]]) -> None:
    reg, reports = built
    by = reg.by_id
    assert {d.jurisdiction for d in by["islamic-state"].designations} == {"RU", "UN", "US", "GB", "EU", "CA", "AU"}
    assert {(d.jurisdiction, d.ref) for d in by["islamic-state"].designations} >= {
        ("UN", "QDe.115"), ("GB", "AQD0028"), ("US", "8759")}
    assert {d.jurisdiction for d in by["hamas"].designations} == {"US", "GB", "EU", "CA", "AU"}
    assert {d.jurisdiction for d in by["muslim-brotherhood"].designations} == {"RU"}
    assert {d.jurisdiction for d in by["hezbollah"].designations} == {"US", "GB", "CA", "AU"}
    wagner = {(d.jurisdiction, d.programme) for d in by["wagner-group"].designations}
    assert {("GB", "RUS"), ("GB", "LIB"), ("GB", "Terrorism Act 2000"), ("US", "TCO")} <= wagner
    assert reports["GB-UKSL"].by_ref >= 250  # UK entries carrying UN references
    assert all(r.entries == r.by_ref + r.by_name + r.by_core + r.new for r in reports.values())


def test_bundled_fto_dates_replace_the_undated_tag(built: tuple[Registry, dict[str, MergeReport]]) -> None:
    hamas = built[0].by_id["hamas"]
    fto = [d for d in hamas.designations if d.list == "Foreign Terrorist Organizations"]
    assert [(d.since, d.status(date(1995, 6, 1))) for d in fto] == [("1997-10-08", "not_yet")]
    tda = built[0].by_id["tren-de-aragua"]
    assert [d.status(date(2024, 12, 1)) for d in tda.designations] == ["not_yet"]


def test_merge_by_reference_then_by_unambiguous_name() -> None:
    un = _entry("UN", "QDe.999", "EXAMPLE FRONT", "Example Liberation Front", jurisdiction="UN")
    uk = _entry("GB-UKSL", "CTI9999", "Front of Example", links=frozenset({"UN:QDe.999"}), jurisdiction="GB")
    sdn = _entry("US-SDN", "1", "EXAMPLE LIBERATION FRONT")
    orgs, report = merge_listed([], [un, uk, sdn])
    assert len(orgs) == 1 and (report.by_ref, report.by_name, report.new) == (1, 1, 1)
    assert {d.jurisdiction for d in orgs[0].designations} == {"UN", "GB", "US"}


def test_never_merge_on_a_shared_word_or_within_one_list() -> None:
    one = _entry("US-SDN", "1", "GOLDEN STAR TRADING CO")
    two = _entry("US-SDN", "2", "GOLDEN STAR SHIPPING CO")   # shares words, not the name
    three = _entry("US-SDN", "3", "GOLDEN STAR TRADING CO")  # same name, same list: another entry
    other = _entry("EU-FSF", "EU.1", "Golden Star Trading Co", jurisdiction="EU")
    orgs, report = merge_listed([], [one, two, three, other])
    assert len(orgs) == 4 and report.by_name == 0
    assert report.ambiguous == [("us-sdn-3", ["us-sdn-1"]),  # the same list: another organisation
                                ("eu-fsf-EU.1", ["us-sdn-1", "us-sdn-3"])]  # two candidates: left apart


def test_acronyms_never_merge() -> None:
    orgs, _ = merge_listed([], [_entry("US-SDN", "1", "ALPHA FRONT", "AF"), _entry("UN", "QDe.1", "AF",
                                                                                    jurisdiction="UN")])
    assert len(orgs) == 2


def test_guards() -> None:
    generic = frozenset({"trading", "company", "general", "directorate", "bank"})
    assert not guard_alias(Alias("General Directorate", source="UN"), generic).in_text
    assert not guard_alias(Alias("TRADING COMPANY", source="US-SDN"), generic).in_text
    acronym = guard_alias(Alias("AQI", source="UN"), generic)
    assert acronym.case_sensitive and acronym.needs_context and acronym.strict
    word = guard_alias(Alias("THE YOUTH", source="US-SDN"), generic)
    assert word.needs_context and word.strict and not word.case_sensitive
    assert guard_alias(Alias("Bank Melli", source="EU-FSF"), generic) == Alias(
        "Bank Melli", source="EU-FSF", strict=True)
    curated = Alias("Hamas", source="https://en.wikipedia.org/wiki/Hamas")
    assert guard_alias(curated, generic) is curated


def test_strict_names_match_capitalised_and_in_full() -> None:
    org = Organisation("x", "BANK MELLI IRAN", aliases=[Alias("BANK MELLI IRAN", strict=True),
                                                        Alias("THE YOUTH", strict=True, needs_context=True)])
    matcher = AliasMatcher(registry_specs(Registry([org])))

    def found(text: str) -> list[str]:
        return [h.text for h in matcher.org_hits(matcher.scan(text))]

    assert found("Sanctions on Bank Melli Iran were eased.") == ["Bank Melli Iran"]
    assert found("Sanctions on BANK MELLI IRAN were eased.") == ["BANK MELLI IRAN"]
    assert found("the bank melli iran branch") == [] and found("The Bank melli Iran branch") == []
    assert found("Sanctions on Bank Melli were eased.") == []  # a company name matches in full only
    assert found("The Youth of the city gathered.") == []     # a common word needs a context cue
    assert found("The Youth, a militant group, attacked.") == ["The Youth"]
    assert matcher.fuzzy_hits(matcher.scan("Bank Meli Iran"), []) == []  # never fuzzily


def test_curated_refs_join_entries_the_names_keep_apart(built: tuple[Registry, dict[str, MergeReport]]) -> None:
    """The EU's misspelt "Jaish-I-Momhammed" and OFAC's "PUBLIC JOINT STOCK COMPANY ALROSA" join their organisations."""
    by = built[0].by_id
    assert {d.ref for d in by["jaish-e-mohammed"].designations} >= {"QDe.019", "EU.466.96", "AQD0053"}
    assert {d.jurisdiction for d in by["alrosa"].designations} == {"GB", "US", "EU"}
    assert "eu-eu.466.96" not in by and "us-sdn-34644" not in by


def test_curated_dates_replace_an_undated_programme_only(built: tuple[Registry, dict[str, MergeReport]]) -> None:
    """Wagner's SDN listing under E.O. 13660 is dated from 2017; its other SDN programmes stay undated."""
    us = {(d.programme, d.since) for d in built[0].by_id["wagner-group"].designations if d.jurisdiction == "US"}
    assert ("UKRAINE-EO13660", "2017-06-20") in us and ("UKRAINE-EO13660", None) not in us
    assert ("TCO", None) in us

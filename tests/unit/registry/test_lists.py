"""Importers of the UN, US, UK and EU lists on the real snapshots, and snapshot differences."""

from __future__ import annotations

import copy
from collections import Counter
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from pipeline.registry.importers.designated import (DESIGNATED_PATH, DesignatedError, import_designated,
                                                     partial_jurisdictions)
from pipeline.registry.importers.eu import import_eu
from pipeline.registry.importers.ofac import import_ofac, programmes
from pipeline.registry.importers.official import ImportError_, Listed, diff, snapshot_date, with_history
from pipeline.registry.importers.un import import_un


def _kinds(entries: list[Listed]) -> Counter[str]:
    return Counter(e.org.kind for e in entries)


def _by_ref(entries: list[Listed], ref: str) -> Listed:
    return next(e for e in entries if e.ref == ref)


def test_un_counts_and_fields(un_2026: list[Listed], un_2020: list[Listed]) -> None:
    assert _kinds(un_2026) == {"organisation": 273, "person": 730}
    assert _kinds(un_2020) == {"organisation": 305, "person": 713}
    isil = _by_ref(un_2026, "QDe.115").org
    d = isil.designations[0]
    assert (d.jurisdiction, d.category, d.programme, d.ref, d.since, d.snapshot) == (
        "UN", "terrorist", "Al-Qaida", "QDe.115", "2004-10-18", "2026-02-27")
    assert "Islamic State in Iraq and the Levant" in {a.text for a in isil.aliases}
    assert d.source_url and d.seen is None  # dated: no first-seen date needed
    dprk = next(e for e in un_2026 if e.org.designations[0].programme == "DPRK")
    assert dprk.org.designations[0].category == "sanctioned"


def test_un_snapshots_differ_by_listings_and_delistings(un_2026: list[Listed], un_2020: list[Listed]) -> None:
    new, gone = diff(un_2020, un_2026)
    assert (_kinds(new), _kinds(gone)) == ({"organisation": 23, "person": 68}, {"organisation": 55, "person": 51})
    merged = with_history(copy.deepcopy(un_2020), copy.deepcopy(un_2026))
    assert len(merged) == len(un_2026) + len(gone)
    delisted = next(e for e in merged if e.ref == gone[0].ref).org.designations[0]
    assert (delisted.snapshot, delisted.absent) == ("2020-11-24", "2026-02-27")
    assert delisted.status(date(2026, 3, 1)) == "ended"
    assert delisted.status(date(2023, 1, 1)) == "unknown"  # delisted between the snapshots, day not given
    assert "no longer listed on 2026-02-27" in delisted.unknown_reason()
    if delisted.since:
        assert delisted.status(date(2020, 11, 24)) == "in_force"


def test_ofac_counts_programmes_and_aliases(sdn_2024: list[Listed], sdn_2021: list[Listed]) -> None:
    assert len(sdn_2024) == 14965 and len(sdn_2021) == 9086
    assert _kinds(sdn_2024) == {"organisation": 6884, "person": 6854, "vessel": 851, "aircraft": 376}
    assert sum(any(d.programme == "FTO" for d in e.org.designations) for e in sdn_2024) == 70
    hamas = _by_ref(sdn_2024, "4695").org
    assert {(d.programme, d.category, d.authority) for d in hamas.designations} == {
        ("FTO", "terrorist", "US Department of State"), ("SDGT", "terrorist", "US Treasury, OFAC")}
    assert all(d.since is None and d.seen == "2024-05-03" for d in hamas.designations)  # no dates published
    shabaab = _by_ref(sdn_2024, "10761").org
    assert {"AL-SHABAAB", "THE YOUTH", "MYM"} <= {a.text for a in shabaab.aliases}
    assert programmes("FTO] [SDGT") == ["FTO", "SDGT"]
    first_seen = with_history(copy.deepcopy(sdn_2021), [copy.deepcopy(_by_ref(sdn_2024, "4695"))])
    assert {d.seen for d in first_seen[0].org.designations} == {"2021-08-20"}


def test_uk_counts_links_and_regime_dates(uk: list[Listed]) -> None:
    assert _kinds(uk) == {"organisation": 1531, "person": 3883, "vessel": 632}
    isil = _by_ref(uk, "AQD0028")
    assert isil.links == {"UN:QDe.115"}
    assert isil.org.designations[0].snapshot == "2026-04-29"
    hamas = _by_ref(uk, "CTI0031").org.designations[0]
    assert (hamas.category, hamas.programme, hamas.since) == ("terrorist", "CTI", "2020-12-31")
    assert hamas.basis and "not given" in hamas.basis  # the regime's start, not the first UK listing
    assert sum(bool(e.links) for e in uk) == 1002


def test_eu_counts_and_listed_as_of_the_earliest_act_cited(eu: list[Listed]) -> None:
    assert _kinds(eu) == {"organisation": 648, "person": 2882}
    terr = [e for e in eu if e.org.designations[0].programme == "TERR" and e.org.kind == "organisation"]
    assert len(terr) == 21
    hamas = next(e for e in terr if e.org.name == "Hamas").org.designations[0]
    assert (hamas.since, hamas.seen, hamas.snapshot) == (None, "2004-04-02", "2022-09-13")  # never a start date
    assert hamas.basis and "2004/306/EC" in hamas.basis and "2022-07-19" in hamas.basis
    shabaab = next(e for e in eu if e.ref == "EU.3600.81").org.designations[0]
    assert (shabaab.since, shabaab.seen) == (None, "2010-04-27")  # Regulation 356/2010 names it
    assert all(d.seen and d.seen <= "2022-09-13" for e in eu for d in e.org.designations)


def test_snapshot_dates_are_never_guessed(tmp_path: Path) -> None:
    assert snapshot_date(Path("sdn_2024-05-03.csv")) == "2024-05-03"
    assert snapshot_date(Path("sdn.csv"), "2024-06-01") == "2024-06-01"
    with pytest.raises(ImportError_, match="--taken"):
        snapshot_date(Path("sdn.csv"))
    bad = tmp_path / "eu_2022-01-01.csv"
    bad.write_text("a,b\n1,2\n")
    with pytest.raises(ImportError_):
        import_eu(bad)
    with pytest.raises(ImportError_):
        import_ofac(tmp_path / "eu_2022-01-01.csv")
    xml = tmp_path / "x.xml"
    xml.write_text("<OTHER/>")
    with pytest.raises(ImportError_):
        import_un(xml)


def test_curated_tables_are_cited_and_dated() -> None:
    entries = import_designated()
    assert entries and all(e.org.designations[0].basis and e.org.designations[0].since for e in entries)
    tda = next(e for e in entries if e.org.name == "Tren de Aragua").org.designations[0]
    assert (tda.jurisdiction, tda.since, tda.status(date(2025, 2, 19)), tda.status(date(2025, 2, 20))) == (
        "US", "2025-02-20", "not_yet", "in_force")
    wagner = next(e for e in entries if e.org.name == "Wagner Group").org.designations[0]
    assert (wagner.jurisdiction, wagner.since) == ("GB", "2023-09-15")


def test_curated_entries_say_how_their_date_was_checked(tmp_path: Path) -> None:
    entries = import_designated()
    assert all(e.org.designations[0].source_url for e in entries)
    partly = sorted(e.org.name for e in entries if "partly confirmed" in (e.org.designations[0].basis or ""))
    assert partly == ["Al Qaida", "Al-Qa'ida", "Islamic State", "Islamic State of Iraq and the Levant",
                      "Lashkar e Tayyaba", "Tehrik-e Taliban Pakistan", "al-Qa'ida in the Arabian Peninsula"]
    hut = next(e for e in entries if e.org.name == "Hizb ut-Tahrir").org.designations[0]
    assert (hut.jurisdiction, hut.since) == ("GB", "2024-01-19")
    nusra = next(e for e in entries if e.org.name == "al-Nusrah Front").org.designations[0]
    assert (nusra.since, nusra.until, nusra.status(date(2025, 7, 8))) == ("2014-05-15", "2025-07-08", "ended")
    unchecked = tmp_path / "designated.yaml"
    unchecked.write_text(DESIGNATED_PATH.read_text("utf-8").replace("checked: confirmed", "checked: maybe", 1))
    with pytest.raises(DesignatedError, match="checked"):
        import_designated(unchecked)


def test_a_newer_snapshot_keeps_the_earliest_listed_as_of_date(eu: list[Listed]) -> None:
    old = copy.deepcopy(next(e for e in eu if e.ref == "EU.3600.81"))  # Al-Shabaab, listed as of 2010-04-27
    new = copy.deepcopy(old)
    new.org.designations = [replace(d, snapshot="2024-01-01", seen="2024-01-01") for d in new.org.designations]
    [kept] = with_history([old], [new])
    assert kept.org.designations[0].seen == "2010-04-27"


def test_canada_and_australia_tables_are_partial_and_cited() -> None:
    entries = [e for e in import_designated() if e.list_key in ("CA-LISTED", "AU-LISTED")]
    assert partial_jurisdictions() == {"CA", "AU"}
    dated = {(e.org.designations[0].jurisdiction, e.org.name): e.org.designations[0].since for e in entries}
    assert dated[("CA", "Hamas")] == "2002-11-27" and dated[("AU", "Hamas")] == "2022-03-04"
    assert dated[("CA", "Hizballah")] == "2002-12-11" and dated[("AU", "Hizballah")] == "2021-12-10"
    assert all(e.org.designations[0].category == "terrorist" and e.org.designations[0].source_url for e in entries)


def test_a_partial_table_beside_a_complete_one_is_not_partial(tmp_path: Path) -> None:
    both = tmp_path / "designated.yaml"
    both.write_text(DESIGNATED_PATH.read_text("utf-8") + (
        "\n- list: CA-OTHER\n  jurisdiction: CA\n  authority: x\n  title: x\n  programme: x\n  entries: []\n"))
    assert partial_jurisdictions(both) == {"AU"}

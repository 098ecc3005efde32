"""Designations of every jurisdiction, each as of the article's date (the bundled registry)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pipeline.sections.designations import DesignatedOrganisation, Designations

SEED = Path(__file__).resolve().parents[3] / "tests" / "fixtures" / "tass-syria-2015-10-08.txt"


def _orgs(section: Designations) -> dict[str, DesignatedOrganisation]:
    return {o.org_id: o for o in section.organisations}


def _where(org: DesignatedOrganisation) -> set[str]:
    return {d.jurisdiction for d in org.designations}


def _tag(tagger, entities_of, text: str, day: str) -> dict[str, DesignatedOrganisation]:
    return _orgs(tagger.tag(text, date.fromisoformat(day), entities_of(text)))


def test_seed_every_jurisdiction(tagger, entities_of) -> None:
    text = SEED.read_text()
    orgs = _tag(tagger, entities_of, text, "2015-10-08")
    isis = orgs["islamic-state"]
    assert {"RU", "US", "GB", "UN"} <= _where(isis)
    assert {d.since for d in isis.designations if d.jurisdiction in ("RU", "UN")} == {"2014-12-29", "2004-10-18"}
    assert {d.since for d in isis.designations if d.jurisdiction in ("US", "GB")} >= {"2004-12-17", "2014-06-20"}
    assert all(d.since or d.seen for d in isis.designations)  # each with its date (or the snapshot it is known from)
    eu = [d for d in isis.designations if d.jurisdiction == "EU"]  # no start date: listed as of the act it cites
    assert eu and eu[0].since is None and eu[0].seen == "2009-11-18"
    assert orgs["jabhat-al-nusra"].notice_missing
    assert "free-syrian-army" not in orgs


def test_hamas_by_us_uk_eu_not_ru_or_un(tagger, entities_of) -> None:
    text = "Hamas fighters fired rockets from Gaza, the Israeli military said. Hamas denied it."
    hamas = _tag(tagger, entities_of, text, "2024-01-10")["hamas"]
    assert _where(hamas) == {"US", "GB", "EU", "CA", "AU"} and not hamas.notice_required
    proscribed = next(d for d in hamas.designations if d.list.startswith("Proscribed"))
    assert (proscribed.since, proscribed.authority) == ("2021-11-26", "UK Home Office")


def test_hamas_in_1995_before_any_listing(tagger, entities_of) -> None:
    text = "Hamas claimed the attack in Jerusalem, Israeli police said."
    hamas = _tag(tagger, entities_of, text, "1995-08-21")["hamas"]
    assert not hamas.designated and hamas.designations == []
    fto = next(d for d in hamas.other_designations if d.list == "Foreign Terrorist Organizations")
    assert (fto.since, fto.status) == ("1997-10-08", "not_yet")


def test_hezbollah_and_muslim_brotherhood(tagger, entities_of) -> None:
    text = ("Hezbollah said it fired at Israeli positions. In Cairo, the Muslim Brotherhood "
            "called for protests, the group's spokesman said.")
    orgs = _tag(tagger, entities_of, text, "2024-02-01")
    assert _where(orgs["hezbollah"]) == {"US", "GB", "CA", "AU"}
    assert _where(orgs["muslim-brotherhood"]) == {"RU"} and orgs["muslim-brotherhood"].notice_missing


def test_wagner_proscribed_in_the_uk_from_2023_09_15(tagger, entities_of) -> None:
    text = "Fighters of the Wagner Group withdrew from Bakhmut, the group's founder said."
    before = _tag(tagger, entities_of, text, "2023-09-14")["wagner-group"]
    after = _tag(tagger, entities_of, text, "2023-09-15")["wagner-group"]
    proscribed = "Proscribed terrorist organisations (Terrorism Act 2000, Schedule 2)"
    assert proscribed not in {d.list for d in before.designations}
    assert proscribed in {d.list for d in after.designations}
    assert {"GB", "US"} <= _where(after)


def test_tren_de_aragua_from_2025_02_20(tagger, entities_of) -> None:
    text = "Members of Tren de Aragua were detained in Texas, officials said."
    assert not _tag(tagger, entities_of, text, "2025-02-19")["tren-de-aragua"].designated
    assert _where(_tag(tagger, entities_of, text, "2025-02-20")["tren-de-aragua"]) == {"US"}


def test_taliban_in_russia_until_2025(tagger, entities_of) -> None:
    text = "A Taliban delegation arrived in Kazan for talks."
    assert "RU" in _where(_tag(tagger, entities_of, text, "2024-05-15")["taliban"])
    assert "RU" not in _where(_tag(tagger, entities_of, text, "2025-05-15")["taliban"])


def test_listed_company_beside_an_ordinary_one(tagger, entities_of) -> None:
    text = ("Bank Melli Iran was cut off from SWIFT, while Mahan Airways Cargo, a Dubai freight firm, "
            "and Melli Foods Company said they were not affected. Mahan Air flights continued.")
    orgs = _tag(tagger, entities_of, text, "2024-06-01")
    assert [m.text for o in orgs.values() for m in o.mentions] == ["Bank Melli Iran", "Mahan Air"]
    assert all(o.designated and "US" in _where(o) for o in orgs.values())


def test_alias_that_is_a_common_word(tagger, entities_of) -> None:
    text = "The Youth orchestra of Mogadishu played at MIT, where students cheered."
    assert _tag(tagger, entities_of, text, "2024-06-01") == {}
    militants = "The Youth, the militant group also known as al-Shabaab, attacked a base."
    assert "AL-SHABAAB" in {o.name for o in _tag(tagger, entities_of, militants, "2024-06-01").values()}


def test_claims_in_the_seed_checked_per_country(tagger) -> None:
    section = tagger.tag(SEED.read_text(), date(2015, 10, 8), [])
    stated = [c for c in section.claims if c.text.startswith("recognized as a terrorist organization")]
    verdicts = {c.jurisdiction: c.verdict for c in stated}
    assert verdicts == {"US": "confirmed", "GB": "confirmed", "RU": "confirmed", "CA": "confirmed",
                        "AU": "confirmed", "TR": "not_in_registry", "EG": "not_in_registry",
                        "AE": "not_in_registry", "IN": "not_in_registry", "ID": "not_in_registry"}
    assert {c.org_id for c in stated} == {"islamic-state"} and {c.category for c in stated} == {"terrorist"}


def test_claims_confirmed_and_contradicted(tagger) -> None:
    text = ("Hamas, designated a terrorist group by the United States and the European Union, denied it. "
            "The Muslim Brotherhood is proscribed in Britain, he said.")
    claims = [(c.org_id, c.jurisdiction, c.verdict) for c in tagger.tag(text, date(2024, 1, 1), []).claims]
    assert claims == [("hamas", "US", "confirmed"), ("hamas", "EU", "confirmed"),
                      ("muslim-brotherhood", "GB", "contradicted")]


def test_claims_about_canada_and_australia_checked_where_their_tables_hold_the_organisation(tagger) -> None:
    text = ("Hezbollah is designated a terrorist organisation by Canada and Australia, officials said. "
            "Hizb ut-Tahrir is banned in Canada, a lawyer said.")
    def claims(day: date) -> list[tuple[str | None, str, str]]:
        return [(c.org_id, c.jurisdiction, c.verdict) for c in tagger.tag(text, day, []).claims]
    assert claims(date(2024, 1, 1)) == [("hezbollah", "CA", "confirmed"), ("hezbollah", "AU", "confirmed"),
                                        ("hizb-ut-tahrir", "CA", "not_in_registry")]
    assert claims(date(2020, 1, 1))[:2] == [("hezbollah", "CA", "confirmed"), ("hezbollah", "AU", "contradicted")]


def test_names_wire_copy_writes_otherwise_than_the_lists(tagger, entities_of) -> None:
    """A lower-case transliterated "-e-" and a lower-case "network" still name the organisation."""
    ttp = _tag(tagger, entities_of, "The Tehrik-e-Taliban Pakistan said it carried out the raid.", "2014-12-16")
    assert _where(ttp["tehrik-e-taliban-pakistan"]) >= {"US", "GB", "EU", "UN"}
    hqn = _tag(tagger, entities_of, "Officials blamed the Haqqani network for the bombing.", "2013-09-08")
    assert _where(hqn["haqqani-network"]) == {"US", "GB", "EU", "UN"}
    before = _tag(tagger, entities_of, "The Haqqani network struck again.", "2012-09-18")
    assert _where(before["haqqani-network"]) == set()


def test_a_name_inside_a_longer_name_is_not_that_organisation(tagger, entities_of) -> None:
    orgs = _tag(tagger, entities_of, "Kataib Hezbollah, an Iraqi militia, claimed the attack.", "2024-01-29")
    assert "hezbollah" not in orgs and _where(orgs["kataib-hezbollah"]) == {"US"}


def test_a_latin_name_with_an_acronym_is_not_found_loosely(tagger, entities_of) -> None:
    orgs = _tag(tagger, entities_of, "Raiffeisen Bank International said it was weighing a sale.", "2023-03-15")
    assert not [o for o in orgs.values() if o.designated]

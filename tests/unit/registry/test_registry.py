"""The bundled registry: its contents pinned, rebuilt identically from the snapshot."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

from pipeline.registry.importers.build import build_registry
from pipeline.registry.importers.ru import import_ru, latin_aliases, parse_date
from pipeline.registry.importers.crosslist import MergeReport
from pipeline.registry.registry import Registry, load_registry

RU_DIR = Path(__file__).resolve().parents[3] / "tests" / "fixtures" / "registries" / "ru"
# pinned: `wirestream registry build` from the snapshots named in pipeline/registry/importers/build.py
VERSION = "reg-f9e7d0c13ca5"
ORGANISATIONS = 10039  # 98 fewer since companies join by their core name (PJSC Promsvyazbank)
PERSONS = 781  # the foreign-agent register's persons: matched by full name only
PERSONS_DELISTED = 17
DESIGNATIONS: dict[tuple[str, str], int] = {
    ('AU', 'terrorist'): 5, ('CA', 'terrorist'): 8,  # the cited entries of their partial tables
    ('EU', 'sanctioned'): 537, ('EU', 'terrorist'): 112, ('GB', 'sanctioned'): 1415, ('GB', 'terrorist'): 125,
    ('RU', 'extremist'): 667, ('RU', 'foreign_agent'): 445, ('RU', 'terrorist'): 72, ('RU', 'undesirable'): 364,
    ('UN', 'sanctioned'): 236, ('UN', 'terrorist'): 92, ('US', 'sanctioned'): 7417, ('US', 'terrorist'): 921,
}


def test_bundled_registry_snapshot() -> None:
    reg = load_registry()
    counts = Counter((d.jurisdiction, d.category) for o in reg for d in o.designations)
    assert reg.version == VERSION
    kinds = Counter(o.kind for o in reg)
    assert kinds == {"organisation": ORGANISATIONS, "person": PERSONS}  # other lists' persons: --all-kinds only
    assert sum(o.curated for o in reg) == 78
    assert {d.jurisdiction for o in reg if o.kind == "person" for d in o.designations} == {"RU"}
    assert dict(counts) == DESIGNATIONS | {("RU", "foreign_agent"): 445 + PERSONS}


def test_russian_part_unchanged() -> None:
    """The Russian lists and curated layer alone build what they did before the other lists."""
    reg = build_registry(RU_DIR)
    counts = Counter((d.jurisdiction, d.category) for o in reg if o.kind == "organisation" for d in o.designations)
    # the 1528 organisations of the Russian lists + 9 curated organisations listed elsewhere only
    assert sum(o.kind == "organisation" for o in reg) == 1537
    assert dict(counts) == {("RU", "extremist"): 667, ("RU", "foreign_agent"): 445,
                            ("RU", "terrorist"): 72, ("RU", "undesirable"): 364}


def test_bundled_registry_is_reproducible(built: tuple[Registry, dict[str, MergeReport]]) -> None:
    assert built[0].to_json() == load_registry().to_json()


def test_ru_import_reads_real_lists() -> None:
    records = import_ru(RU_DIR)
    orgs = [o for o in records if o.kind == "organisation"]
    persons = [o for o in records if o.kind == "person"]
    assert len(persons) == PERSONS and {o.designations[0].category for o in persons} == {"foreign_agent"}
    assert sum(1 for o in persons if o.designations[0].until) == PERSONS_DELISTED
    assert all(not o.aliases for o in persons)  # never in the organisation matchers
    by_category = Counter(o.designations[0].category for o in orgs)
    assert by_category == {"extremist": 674, "foreign_agent": 445, "undesirable": 367, "terrorist": 74}
    delisted = [o for o in orgs if o.designations[0].until]
    assert len(delisted) == 234  # foreign-agent organisations with a dateOut
    assert parse_date("05.06.2014") == "2014-06-05"


def test_latin_aliases_from_official_names() -> None:
    found = {a.text: a for a in latin_aliases("Фонд Открытое общество (Open Society Foundation)")}
    assert "Open Society Foundation" in found and not found["Open Society Foundation"].needs_context
    assert [a.text for a in latin_aliases("OR (Otkrytaya Rossia)")] == ["Otkrytaya Rossia"]
    assert not found["Open Society Foundation"].case_sensitive
    [ph] = latin_aliases("Прожект Хармони, Инк. (PH International)")
    assert (ph.text, ph.case_sensitive, ph.needs_context) == ("PH International", True, False)


def test_as_of_date_answers() -> None:
    reg = load_registry()
    def russian(org_id: str, day: date) -> list[str]:
        return [d.category for d in reg.designations_at(org_id, day) if d.jurisdiction == "RU"]

    assert russian("taliban", date(2024, 1, 1))
    assert not russian("taliban", date(2025, 6, 1))  # ban suspended 17 April 2025
    assert not reg.designations_at("meduza", date(2020, 1, 1))
    assert {d.category for d in reg.designations_at("meduza", date(2024, 1, 1))} == {"foreign_agent", "undesirable"}


def test_aliases_api_for_ner() -> None:
    triples = set(load_registry().aliases())
    assert ("islamic-state", "Islamic State", "ISIL") in triples
    assert ("meduza", "Meduza", "Meduza") in triples

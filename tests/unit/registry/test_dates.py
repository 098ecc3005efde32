"""Unknown start dates: an undated listing counts from the snapshot that first shows it."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import orjson
import pytest

from pipeline.registry.importers.opensanctions import import_opensanctions
from pipeline.registry.importers.ru import LISTS, SnapshotError, import_ru, snapshot_dates
from pipeline.registry.model import Designation
from pipeline.registry.registry import load_registry

RU_DIR = Path(__file__).resolve().parents[3] / "tests" / "fixtures" / "registries" / "ru"


def _listing(**dates: str | None) -> Designation:
    return Designation("RU", "terrorist", "FSB", "list", **dates)


def test_status_rule() -> None:
    undated = _listing(seen="2026-08-04")
    assert undated.status(date(2014, 3, 1)) == "unknown" and not undated.in_force(date(2014, 3, 1))
    assert undated.status(date(2026, 8, 4)) == "in_force"
    assert _listing().status(date(2030, 1, 1)) == "unknown"  # never seen dated: never assumed
    assert _listing(until="2020-01-01", seen="2026-08-04").status(date(2021, 1, 1)) == "ended"
    assert _listing(since="2014-12-29", seen="2026-08-04").status(date(2015, 1, 1)) == "in_force"
    assert "2026-08-04" in undated.unknown_reason()


def test_snapshot_dates_by_content() -> None:
    assert set(snapshot_dates(RU_DIR).values()) == {"2026-08-04"}
    undated = [d for o in import_ru(RU_DIR) for d in o.designations if not d.since]
    assert undated and all(d.seen == "2026-08-04" for d in undated)
    assert all(d.seen is None for o in import_ru(RU_DIR) for d in o.designations if d.since)


def test_unknown_snapshot_needs_a_date(tmp_path: Path) -> None:
    for ru_list in LISTS:
        shutil.copy(RU_DIR / ru_list.file, tmp_path / ru_list.file)
    entries = orjson.loads((tmp_path / "terrorist-orgs.json").read_bytes())
    (tmp_path / "terrorist-orgs.json").write_bytes(orjson.dumps(entries[:-1]))  # a different snapshot
    with pytest.raises(SnapshotError):
        snapshot_dates(tmp_path)
    assert set(snapshot_dates(tmp_path, "2027-01-15").values()) == {"2027-01-15"}


def test_curated_dates_replace_seen() -> None:
    reg = load_registry()
    isis = reg.by_id["islamic-state"].designations[0]
    assert (isis.since, isis.seen) == ("2014-12-29", None)
    assert {d.status(date(2014, 3, 1)) for d in reg.by_id["right-sector"].designations} == {"not_yet", "unknown"}


def test_opensanctions_first_seen(tmp_path: Path) -> None:
    entity = {"id": "NK-x", "schema": "Organization", "first_seen": "2023-05-02T10:00:00",
              "properties": {"name": ["Example Front"], "topics": ["crime.terror"],
                             "sanctions": [{"id": "NK-x-gb", "schema": "Sanction",
                                            "properties": {"authority": ["Home Office"], "country": ["gb"]}}]}}
    path = tmp_path / "targets.nested.json"
    path.write_bytes(orjson.dumps(entity) + b"\n")
    designation = import_opensanctions(path)[0].designations[0]
    assert (designation.since, designation.seen) == (None, "2023-05-02")

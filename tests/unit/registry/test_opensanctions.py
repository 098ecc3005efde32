"""OpenSanctions FollowTheMoney import, on a fixture in the targets.nested.json format."""

from __future__ import annotations

from pathlib import Path

from pipeline.registry.importers.build import build_registry, merge
from pipeline.registry.importers.opensanctions import import_opensanctions

FIXTURE = Path(__file__).parents[2] / "fixtures" / "opensanctions-targets.nested.json"
RU_DIR = Path(__file__).parents[2] / "fixtures" / "registries" / "ru"


def test_import_reads_organisations_and_sanctions() -> None:
    orgs = {o.id: o for o in import_opensanctions(FIXTURE)}
    assert set(orgs) == {"os-NK-isis", "os-NK-hts", "os-NK-hamas", "os-NK-bank"}
    isis = orgs["os-NK-isis"]
    assert {(d.jurisdiction, d.category, d.since) for d in isis.designations} == {
        ("US", "terrorist", "2004-12-17"), ("UN", "terrorist", "2004-10-18")}
    assert orgs["os-NK-hts"].designations[0].until == "2025-07-08"
    bank = orgs["os-NK-bank"].designations[0]
    assert (bank.jurisdiction, bank.category, bank.since) == ("EU", "sanctioned", None)  # partial date dropped


def test_merge_joins_known_organisations() -> None:
    base = [o for o in build_registry(RU_DIR) if o.curated]  # the Russian lists and the curated layer only
    merged = {o.id: o for o in merge([*base], import_opensanctions(FIXTURE))}
    assert {d.jurisdiction for d in merged["islamic-state"].designations} == {"RU", "US", "UN"}
    assert "os-NK-isis" not in merged and "os-NK-hamas" not in merged and "os-NK-bank" in merged
    assert {d.jurisdiction for d in merged["hamas"].designations}  # joins the curated Hamas

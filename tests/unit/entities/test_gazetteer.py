"""The gazetteer data files: loader, snapshot of the curated entries, registry merge."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from pipeline.entities.gazetteer import GazetteerError, load_artefacts, load_entries, registry_aliases

SNAPSHOT = Path(__file__).parent / "gazetteer.snapshot.json"


def _snapshot() -> dict[str, str]:
    return {e.id: f"{e.label}{' generic' if e.generic else ''} | {e.name} | {'; '.join(sorted(e.aliases))}"
            for e in load_entries()}


def test_curated_entries_match_snapshot() -> None:
    """Review data changes: regenerate with UPDATE_SNAPSHOTS=1 and read the diff."""
    current = _snapshot()
    if os.environ.get("UPDATE_SNAPSHOTS"):
        SNAPSHOT.write_text(json.dumps(current, indent=1, ensure_ascii=False, sort_keys=True) + "\n",
                            encoding="utf-8")
    assert current == json.loads(SNAPSHOT.read_text(encoding="utf-8"))


def test_brief_entities_are_curated() -> None:
    entries = {e.id: e for e in load_entries()}
    assert {"IS", "IG", "ISIL", "Daesh"} <= set(entries["islamic-state"].aliases)
    assert {"al-Nusra Front", "Jabhat Fatah al-Sham", "HTS"} <= set(entries["jabhat-al-nusra"].aliases)
    for kb_id in ("vladimir-putin", "dmitry-peskov", "sergei-shoigu", "francois-hollande", "bashar-al-assad",
                  "free-syrian-army", "foreign-ministry", "kremlin", "ru-federation-council"):
        assert kb_id in entries
    assert all(e.label in {"PERSON", "ORG", "GPE"} for e in entries.values())


def test_registry_alias_joins_known_entry_or_adds_one() -> None:
    entries = {e.id: e for e in load_entries([("isis-reg", "Islamic State", "Daesh"),
                                              ("new-org", "New Front", "New Front"),
                                              ("new-org", "New Front", "Novy Front")])}
    assert entries["islamic-state"].registry_ids == ["isis-reg"]
    assert entries["new-org"].label == "ORG"
    assert entries["new-org"].all_aliases() == ["New Front", "Novy Front"]


def test_bundled_registry_aliases_are_merged() -> None:
    aliases = registry_aliases(None)
    assert aliases, "the designation registry ships English aliases"
    assert not any(a.startswith("the ") and len(a.split()) == 2 for _, _, a in aliases)
    merged = {e.id: e for e in load_entries(aliases)}
    assert merged["islamic-state"].registry_ids


def test_artefacts_point_at_known_entries() -> None:
    ids = {e.id for e in load_entries()}
    assert load_artefacts()
    for art in load_artefacts():
        assert art.target in ids and art.why


def test_bad_entry_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    import pipeline.entities.gazetteer as gaz

    monkeypatch.setattr(gaz, "_read", lambda name: [{"id": "x"}])
    with pytest.raises(GazetteerError):
        gaz.load_entries()


def test_only_distinctive_registry_aliases_are_matched() -> None:
    from pipeline.entities.gazetteer import usable_alias

    for alias in ("AQIM", "OVD-Info", "B4Ukraine", "Open Russia", "Asbat al-Ansar",
                  "Islamic State of Iraq and the Levant"):
        assert usable_alias(alias), alias
    for alias in ("Ukraine", "Berkeley", "Rights", "https", "gGmbH", "the Base", "No war", "first line",
                  "Memorial society", "z. s"):
        assert not usable_alias(alias), alias

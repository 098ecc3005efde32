"""The curated gazetteer and MT-artefact table, loaded from ``data/``.

Rules live in YAML beside this module so they can be reviewed and extended
without touching code; this module validates them and merges in the
designation registry's English aliases (filtered: see :func:`usable_alias`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import msgspec
import yaml

from pipeline.aliases import registry_specs
from pipeline.aliases.index import AliasSpec
from pipeline.aliases.matcher import AliasMatcher
from pipeline.lexicon import load_lexicon, name_key
from pipeline.registry.registry import derived_cache, load_registry
from pipeline.sections.entities import EntityLabel

DATA_DIR = Path(__file__).parent / "data"
#: the English gazetteer: curated wire-copy entities, the world's countries and international bodies, then
#: the companies and clubs of the markets and sports desks
GAZETTEER_FILES = ("gazetteer.yaml", "gazetteer.world.yaml", "gazetteer.orgs.yaml")


class GazetteerError(ValueError):
    """A gazetteer data file is malformed (a packaging bug, not an article error)."""


@dataclass(slots=True)
class Entry:
    """A known entity: a stable id, its label, canonical name and aliases."""

    id: str
    label: EntityLabel
    name: str
    aliases: list[str] = field(default_factory=list)
    registry_ids: list[str] = field(default_factory=list)
    generic: bool = False

    def all_aliases(self) -> list[str]:
        """The name and every alias, without duplicates, name first."""
        return list(dict.fromkeys([self.name, *self.aliases]))


@dataclass(frozen=True, slots=True)
class Artefact:
    """A machine-translation rendering of a known name (e.g. Sands for Peskov)."""

    text: str
    target: str
    why: str


def _read(name: str) -> list[dict[str, Any]]:
    with (DATA_DIR / name).open(encoding="utf-8") as fh:
        rows: list[dict[str, Any]] = yaml.safe_load(fh)
    return rows


def load_entries(extra: Iterable[tuple[str, str, str]] = ()) -> list[Entry]:
    """Load the curated entries, then fold in registry aliases ``(org_id, name, alias)``.

    A registry alias already in the gazetteer adds the registry id to that
    entry; otherwise the registry organisation becomes an ORG entry of its own.
    """
    entries: list[Entry] = []
    seen: set[str] = set()
    for raw in [row for name in GAZETTEER_FILES for row in _read(name)]:
        try:
            entry = Entry(id=raw["id"], label=msgspec.convert(raw["label"], EntityLabel), name=raw["name"],
                          aliases=[str(a) for a in raw.get("aliases", [])], generic=bool(raw.get("generic")))
        except (KeyError, TypeError, msgspec.ValidationError) as exc:
            raise GazetteerError(f"bad gazetteer entry {raw!r}") from exc
        if entry.id in seen:
            raise GazetteerError(f"duplicate gazetteer id {entry.id}")
        seen.add(entry.id)
        entries.append(entry)
    _merge_registry(entries, extra)
    return entries


def _merge_registry(entries: list[Entry], aliases: Iterable[tuple[str, str, str]]) -> None:
    by_alias = {name_key(a): e for e in entries for a in e.all_aliases()}
    by_org: dict[str, Entry] = {}
    for org_id, name, alias in aliases:
        entry = by_alias.get(name_key(alias)) or by_alias.get(name_key(name)) or by_org.get(org_id)
        if entry is None:
            entry = Entry(id=org_id, label="ORG", name=name)
            entries.append(entry)
        by_org[org_id] = entry
        if org_id not in entry.registry_ids:
            entry.registry_ids.append(org_id)
        if name_key(alias) not in {name_key(a) for a in entry.all_aliases()}:
            entry.aliases.append(alias)
        by_alias.setdefault(name_key(alias), entry)


@lru_cache(maxsize=1)
def load_artefacts() -> tuple[Artefact, ...]:
    """The documented table of known MT renderings of names."""
    rows = _read("mt_artefacts.yaml")
    return tuple(Artefact(text=r["text"], target=r["target"], why=r["why"]) for r in rows)


def registry_aliases(path: str | None) -> list[tuple[str, str, str]]:
    """``(org_id, english_name, alias)`` from the designation registry (bundled unless ``path``).

    Only aliases safe to look for in running text are kept (:func:`usable_alias`).
    """
    registry = load_registry(Path(path) if path else None)
    return [(org_id, name, alias) for org_id, name, alias in registry.aliases() if usable_alias(alias)]


@lru_cache(maxsize=4)
def load_gazetteer(path: str | None = None) -> tuple[dict[str, Entry], AliasMatcher]:
    """The entries and the one alias matcher of the process: gazetteer names, MT renderings, registry aliases.

    Each alias carries its ids: the gazetteer entry it names (registry organisations
    safe to find without context become entries, :func:`load_entries`) and the
    registry organisation. Built once per process and registry; the NER and
    designation stages share it.
    """
    entries = {e.id: e for e in load_entries(registry_aliases(path))}
    specs = [AliasSpec(alias, entry_id=e.id, case_sensitive=" " not in alias and is_acronym(alias))
             for e in entries.values() for alias in e.all_aliases()]
    specs += [AliasSpec(a.text, entry_id=a.target, artefact=True) for a in load_artefacts() if a.target in entries]
    specs += registry_specs(load_registry(Path(path) if path else None))
    return entries, AliasMatcher(specs)


derived_cache(load_gazetteer.cache_clear)


def is_acronym(text: str) -> bool:
    """Two to six letters, all capitals ("IS", "AQIM"): matched only as written."""
    letters = [c for c in text if c.isalpha()]
    return 1 < len(letters) <= 6 and text.isupper()


def usable_alias(alias: str) -> bool:
    """Whether a registry alias can be matched in news text without flooding it with false hits.

    The registry's Latin-script aliases are partly fragments of official names
    ("Ukraine", "Berkeley", "Rights", "https", "gGmbH"). One-word aliases are
    kept only when they cannot be an ordinary word or place: an acronym
    ("AQIM", matched case-sensitively) or a coined form with an inner capital,
    digit or hyphen ("OVD-Info", "B4Ukraine", "IndustriALL"). Longer aliases
    need a capital or digit in every word but connectors ("Open Russia" and
    "Asbat al-Ansar", not "No war", "first line" or "the Base"). Curated
    gazetteer entries are where plain one-word names (Taliban, Hamas) belong.
    """
    words = alias.split()
    if len(words) > 1:
        connectors = load_lexicon().connectors["alias"]
        named = all(w.lower() in connectors or any(c.isupper() or c.isdigit() for c in w) for w in words[1:])
        return named and any(c.isupper() for c in words[0])
    word = alias
    if not word[:1].isalpha() or not word[:1].isupper() or "." in word or "/" in word:
        return False
    letters = [c for c in word if c.isalpha()]
    acronym = word.isupper() and len(letters) >= 2
    coined = any(c.isupper() or c.isdigit() or c == "-" for c in word[1:])
    return acronym or coined

"""Import the curated designation tables (data/designated.yaml): lists, or dates, not available as data.

The US Foreign Terrorist Organizations list (designation, amendment and revocation dates), the
UK's proscribed organisations (Terrorism Act 2000, Schedule 2, and the amending orders), the
start dates of SDN and EU listings the published files leave out, and the listed terrorist
entities of Canada and Australia; each entry with its citation. An entry names the registry
organisation it belongs to by ``refs`` (a curated id as ``id:hamas``, or a list entry as
``US-SDN:4695``); an entry whose refs match nothing becomes an organisation of its own with the
entry's names. A table marked ``complete: false`` holds only some of its list's entries: a
jurisdiction known only from such tables answers "not in the registry" for anything else.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from pipeline.registry.importers.official import Listed, designation
from pipeline.registry.model import Alias, Organisation
from pipeline.registry.registry import DATA_DIR

DESIGNATED_PATH = DATA_DIR / "designated.yaml"
#: how an entry's date was checked against its source ("partly": the citation says what is confirmed)
CHECKED = ("confirmed", "partly")


class DesignatedError(ValueError):
    """An entry of the curated tables without what every entry needs."""


def _iso(value: Any) -> str | None:
    if value is None:
        return None
    return value.isoformat() if isinstance(value, date) else date.fromisoformat(str(value)).isoformat()


def _tables(path: Path) -> list[dict[str, Any]]:
    tables: list[dict[str, Any]] = yaml.safe_load(path.read_text("utf-8"))
    return tables


def table_lists(path: Path = DESIGNATED_PATH) -> tuple[str, ...]:
    """The names of the curated tables (each entry's designation ``ref`` starts with ``<name>:``)."""
    return tuple(t["list"] for t in _tables(path))


@lru_cache(maxsize=4)
def partial_jurisdictions(path: Path = DESIGNATED_PATH) -> frozenset[str]:
    """Jurisdictions whose only tables are partial (``complete: false``): Canada, Australia."""
    tables = _tables(path)
    partial = {t["jurisdiction"] for t in tables if t.get("complete") is False}
    return frozenset(partial - {t["jurisdiction"] for t in tables if t.get("complete") is not False})


def _check(table: dict[str, Any], entry: dict[str, Any]) -> None:
    for key in ("name", "since", "citation", "refs", "source_url"):
        if not entry.get(key):
            raise DesignatedError(f"{table['list']}: entry {entry.get('name')!r} has no {key}")
    if entry.get("checked") not in CHECKED:
        raise DesignatedError(f"{table['list']}: entry {entry['name']!r}: checked must be one of {CHECKED}")


def _listed(table: dict[str, Any], entry: dict[str, Any]) -> Listed:
    _check(table, entry)
    slug = entry["refs"][0].split(":", 1)[1].lower().replace(".", "-")
    ref = f"{table['list']}:{slug}:{_iso(entry['since'])}"
    basis = entry["citation"] + ("" if entry["checked"] == "confirmed" else
                                 " [date only partly confirmed by the source]")
    d = designation(table["jurisdiction"], entry.get("category", table.get("category", "terrorist")),
                    table["authority"], entry.get("title", table["title"]),
                    programme=entry.get("programme", table["programme"]), ref=ref, snapshot=None,
                    since=_iso(entry["since"]), until=_iso(entry.get("until")), source_url=entry["source_url"],
                    basis=basis)
    names = [entry["name"], *entry.get("aliases", [])]
    org = Organisation(f"{table['list'].lower()}-{slug}", entry["name"], designations=[d],
                       aliases=[Alias(n, "en", table["list"]) for n in names])
    return Listed(org, table["list"], ref, set(entry["refs"]))


def import_designated(path: Path = DESIGNATED_PATH) -> list[Listed]:
    """Every entry of every curated table, one :class:`Listed` each (dated: no snapshot)."""
    return [_listed(table, entry) for table in _tables(path) for entry in table["entries"]]


def drop_designated(orgs: list[Organisation], lists: tuple[str, ...]) -> list[Organisation]:
    """The organisations without the designations of the curated tables ``lists`` (before re-importing
    them); an organisation left with no designation and no curated entry is dropped."""
    prefixes = tuple(f"{name}:" for name in lists)
    out = []
    for org in orgs:
        kept = [d for d in org.designations if not (d.ref or "").startswith(prefixes)]
        if kept or org.curated:
            out.append(replace(org, designations=kept))
    return out

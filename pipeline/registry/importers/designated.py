"""Import the curated designation tables (data/designated.yaml): lists not available as data.

The US Foreign Terrorist Organizations list (designation, amendment and revocation dates) and
the UK's proscribed organisations (Terrorism Act 2000, Schedule 2, and the amending orders),
each entry with its citation. An entry names the registry organisation it belongs to by
``refs`` (a curated id as ``id:hamas``, or a list entry as ``US-SDN:4695``); an entry whose
refs match nothing becomes an organisation of its own with the entry's names.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import yaml

from pipeline.registry.importers.official import Listed, designation
from pipeline.registry.model import Alias, Organisation
from pipeline.registry.registry import DATA_DIR

DESIGNATED_PATH = DATA_DIR / "designated.yaml"
#: how an entry's date was checked against its source ("partly": the citation says what is confirmed)
CHECKED = ("confirmed", "partly")
#: the list families the curated tables provide (replaced as a whole when re-imported)
DESIGNATED_FAMILIES = ("US-FTO", "GB-PROSCRIBED")


class DesignatedError(ValueError):
    """An entry of the curated tables without what every entry needs."""


def _iso(value: Any) -> str | None:
    if value is None:
        return None
    return value.isoformat() if isinstance(value, date) else date.fromisoformat(str(value)).isoformat()


def import_designated(path: Path = DESIGNATED_PATH) -> list[Listed]:
    """Every entry of every curated table, one :class:`Listed` each (dated: no snapshot)."""
    tables: list[dict[str, Any]] = yaml.safe_load(path.read_text("utf-8"))
    out = []
    for table in tables:
        for entry in table["entries"]:
            for key in ("name", "since", "citation", "refs", "source_url"):
                if not entry.get(key):
                    raise DesignatedError(f"{table['list']}: entry {entry.get('name')!r} has no {key}")
            if entry.get("checked") not in CHECKED:
                raise DesignatedError(f"{table['list']}: entry {entry['name']!r}: checked must be one of {CHECKED}")
            slug = entry["refs"][0].split(":", 1)[1].lower().replace(".", "-")
            ref = f"{table['list']}:{slug}:{_iso(entry['since'])}"
            d = designation(table["jurisdiction"], "terrorist", table["authority"], table["title"],
                            programme=table["programme"], ref=ref, snapshot=None, since=_iso(entry["since"]),
                            until=_iso(entry.get("until")), source_url=entry["source_url"],
                            basis=entry["citation"] + ("" if entry["checked"] == "confirmed" else
                                                       " [date only partly confirmed by the source]"))
            names = [entry["name"], *entry.get("aliases", [])]
            org = Organisation(f"{table['list'].lower()}-{slug}", entry["name"], designations=[d],
                               aliases=[Alias(n, "en", table["list"]) for n in names])
            out.append(Listed(org, table["list"], ref, set(entry["refs"])))
    return out

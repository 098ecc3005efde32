"""Import OpenSanctions FollowTheMoney exports (``targets.nested.json``, one entity per line).

Organisations with a ``crime.terror`` topic become terrorist designations, other
sanctioned ones "sanctioned"; each nested Sanction entity is one designation. A
sanction without a start date keeps OpenSanctions' ``first_seen`` as its ``seen`` date.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson

from pipeline.registry.model import Alias, Designation, Organisation
from pipeline.sections.designations import Category

ORG_SCHEMAS = {"Organization", "LegalEntity", "Company"}
# Sanction.country → jurisdiction code; the EU and UN publish as "eu" and "zz"/"un".
_JURISDICTIONS = {"eu": "EU", "zz": "UN", "un": "UN"}


def _first(props: dict[str, list[Any]], key: str) -> Any:
    values = props.get(key) or []
    return values[0] if values else None


def _day(value: str | None) -> str | None:
    """FtM dates may be partial ("2014", "2014-05"); keep full dates only."""
    return value[:10] if value and len(value) >= 10 else None


def _designation(sanction: dict[str, Any], category: Category, entity_seen: str | None) -> Designation:
    props = sanction.get("properties", {})
    since = _day(_first(props, "startDate") or _first(props, "listingDate"))
    country = (_first(props, "country") or "").lower()
    return Designation(
        jurisdiction=_JURISDICTIONS.get(country, country.upper() or "??"),
        category=category,
        authority=_first(props, "authority") or "unknown",
        list=_first(props, "program") or _first(props, "reason") or "unknown",
        since=since,
        until=_day(_first(props, "endDate")),
        source_url=_first(props, "sourceUrl"),
        seen=None if since else _day(sanction.get("first_seen") or entity_seen),
    )


def _entities(path: Path) -> Iterator[dict[str, Any]]:
    with path.open("rb") as lines:
        for line in lines:
            if line.strip():
                yield orjson.loads(line)


def import_opensanctions(path: Path) -> list[Organisation]:
    """Sanctioned or terror-listed organisations of the export, with their designations."""
    orgs: list[Organisation] = []
    for entity in _entities(path):
        props = entity.get("properties", {})
        if entity.get("schema") not in ORG_SCHEMAS or not props.get("name"):
            continue
        topics = set(props.get("topics", []))
        category: Category = "terrorist" if "crime.terror" in topics else "sanctioned"
        designations = [_designation(s, category, entity.get("first_seen")) for s in props.get("sanctions", [])]
        if not designations:
            continue
        names = list(dict.fromkeys(props["name"] + props.get("alias", [])))
        aliases = [Alias(n, "en", "opensanctions", case_sensitive=len(n) <= 4, needs_context=len(n) <= 4)
                   for n in names]
        orgs.append(Organisation(f"os-{entity['id']}", props["name"][0], aliases=aliases,
                                 designations=list(dict.fromkeys(designations))))
    return orgs

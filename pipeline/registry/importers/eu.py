"""Import the EU consolidated financial sanctions list (a third party's CSV of file 20220913-FULL).

One row per subject: ``Programme`` (TERR is the EU terrorist list of Common Position
2001/931/CFSP), ``Subject_type`` (P person, E entity), ``EU_ref_num``, ``Naal_wholename``,
``Leba_publication_date`` (the date of the legal act cited on that row, *not* necessarily the
first listing: kept as ``basis``, never as the listing date), R's ``NA`` for missing. The rows
carry no UN reference of their own (remarks cite other subjects' references), so EU entries join
other lists' organisations by name only.
"""

from __future__ import annotations

import csv
from pathlib import Path

from pipeline.registry.importers.official import ImportError_, Listed, designation, snapshot_date
from pipeline.registry.model import Alias, Kind, Organisation

SOURCE_URL = "https://webgate.ec.europa.eu/fsd/fsf"
AUTHORITY = "Council of the European Union"
LIST = "EU consolidated financial sanctions list"
#: the EU terrorist list, and the EU's ISIL (Da'esh)/Al-Qaida lists (UN-derived and autonomous)
TERRORIST_PROGRAMMES = frozenset({"TERR", "TAQA", "EUAQ"})
_KINDS: dict[str, Kind] = {"E": "organisation", "P": "person"}
_COLUMNS = ("Programme", "Subject_type", "EU_ref_num", "Naal_wholename", "Leba_publication_date")


def _value(value: str | None) -> str:
    value = (value or "").strip()
    return "" if value == "NA" else value


def import_eu(path: Path, taken: str | None = None) -> list[Listed]:
    """Every subject of the list, one :class:`Listed` each."""
    snapshot = snapshot_date(path, taken)
    out = []
    seen: set[str] = set()
    with path.open(encoding="utf-8", newline="") as rows:
        reader = csv.DictReader(rows)
        if not set(_COLUMNS) <= set(reader.fieldnames or ()):
            raise ImportError_(f"{path.name}: not the EU sanctions CSV (needs {', '.join(_COLUMNS)})")
        for row in reader:
            ref, name, kind = _value(row["EU_ref_num"]), _value(row["Naal_wholename"]), _value(row["Subject_type"])
            if not ref or not name or ref in seen:
                continue
            seen.add(ref)
            programme = _value(row["Programme"])
            act = _value(row["Leba_numtitle"]) if "Leba_numtitle" in row else ""
            published = _value(row["Leba_publication_date"])
            basis = f"legal act {act} published {published}" if act and published else None
            d = designation("EU", "terrorist" if programme in TERRORIST_PROGRAMMES else "sanctioned", AUTHORITY,
                            LIST, programme=programme or None, ref=ref, snapshot=snapshot,
                            source_url=_value(row.get("Leba_url")) or SOURCE_URL, basis=basis)
            org = Organisation(f"eu-{ref.lower()}", name, designations=[d], kind=_KINDS.get(kind, "organisation"),
                               aliases=[Alias(name, "en", "EU-FSF")])
            out.append(Listed(org, "EU-FSF", ref))
    return out

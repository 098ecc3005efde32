"""Import the EU consolidated financial sanctions list (a third party's CSV of file 20220913-FULL).

One row per subject: ``Programme`` (TERR is the EU terrorist list of Common Position
2001/931/CFSP), ``Subject_type`` (P person, E entity), ``EU_ref_num``, ``Naal_wholename``,
``Leba_publication_date`` (the latest legal act cited on that row) and ``Naal_leba_…`` (the act
that introduced the name), R's ``NA`` for missing. Neither act is necessarily the first listing,
so neither becomes the listing's start: the earlier of the two is the date the subject is known
to be listed from (``seen``: "listed as of" the act that names it), cited in ``basis``. The rows
carry no UN reference of their own (remarks cite other subjects' references), so EU entries join
other lists' organisations by name only.
"""

from __future__ import annotations

import csv
import re
from dataclasses import replace
from pathlib import Path

from pipeline.registry.importers.official import ImportError_, Listed, designation, snapshot_date
from pipeline.registry.model import Alias, Designation, Kind, Organisation

SOURCE_URL = "https://webgate.ec.europa.eu/fsd/fsf"
AUTHORITY = "Council of the European Union"
LIST = "EU consolidated financial sanctions list"
#: the EU terrorist list, and the EU's ISIL (Da'esh)/Al-Qaida lists (UN-derived and autonomous)
TERRORIST_PROGRAMMES = frozenset({"TERR", "TAQA", "EUAQ"})
_KINDS: dict[str, Kind] = {"E": "organisation", "P": "person"}
_DATE = re.compile(r"\d{4}-\d\d-\d\d")
_COLUMNS = ("Programme", "Subject_type", "EU_ref_num", "Naal_wholename", "Leba_publication_date")


def _value(value: str | None) -> str:
    value = (value or "").strip()
    return "" if value == "NA" else value


def _dated_by_acts(d: Designation, row: dict[str, str], snapshot: str) -> Designation:
    """Listed as of the earliest legal act the row cites (never later than the snapshot)."""
    acts = [(published, title) for published, title in
            ((_value(row.get("Naal_leba_publication_date")), _value(row.get("Naal_leba_numtitle"))),
             (_value(row.get("Leba_publication_date")), _value(row.get("Leba_numtitle"))))
            if _DATE.fullmatch(published) and title and published <= snapshot]
    if not acts:
        return d
    published, title = min(acts)
    latest = max(acts)
    basis = (f"listed as of legal act {title} published {published}, the earliest act the list cites for "
             f"this entry (the first listing may be earlier); latest act {latest[1]} published {latest[0]}")
    return replace(d, seen=published, basis=basis)


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
            d = designation("EU", "terrorist" if programme in TERRORIST_PROGRAMMES else "sanctioned", AUTHORITY,
                            LIST, programme=programme or None, ref=ref, snapshot=snapshot,
                            source_url=_value(row.get("Leba_url")) or SOURCE_URL)
            d = _dated_by_acts(d, row, snapshot)
            org = Organisation(f"eu-{ref.lower()}", name, designations=[d], kind=_KINDS.get(kind, "organisation"),
                               aliases=[Alias(name, "en", "EU-FSF")])
            out.append(Listed(org, "EU-FSF", ref))
    return out

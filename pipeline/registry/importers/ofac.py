"""Import the US Treasury OFAC Specially Designated Nationals list (legacy ``sdn.csv``).

No header; 12 columns ``ent_num,name,type,programs,title,call_sign,vess_type,tonnage,grt,
vess_flag,vess_owner,remarks``; ``-0-`` is empty; ``type`` is empty for entities; programmes
are bracketed tags (``[FTO] [SDGT]``); aliases are in ``remarks`` (``a.k.a. '…'``). The list
publishes no designation dates: every listing is "listed as of the snapshot date".
``[FTO]`` marks the State Department's Foreign Terrorist Organizations.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

from pipeline.registry.importers.official import ImportError_, Listed, designation, snapshot_date
from pipeline.registry.model import Alias, Kind, Organisation

SOURCE_URL = "https://www.treasury.gov/ofac/downloads/sdn.csv"
FTO_URL = "https://www.state.gov/foreign-terrorist-organizations/"
LIST = "Specially Designated Nationals and Blocked Persons List"
#: programmes whose listings are terrorist designations
TERRORIST_PROGRAMMES = frozenset({"FTO", "SDGT", "SDT", "FTO-SDGT"})
_EMPTY = "-0-"
_ALIAS = re.compile(r"\b[afn]\.k\.a\.,? '(.+?)'(?=[;.,)]|\s*$)")
_KINDS: dict[str, Kind] = {"": "organisation", "individual": "person", "vessel": "vessel", "aircraft": "aircraft"}


def _field(value: str) -> str:
    value = value.strip()
    return "" if value == _EMPTY else value


def programmes(value: str) -> list[str]:
    """``FTO] [SDGT`` (the CSV's form of ``[FTO] [SDGT]``) → ["FTO", "SDGT"]."""
    return [p.strip(" []") for p in value.split("] [") if p.strip(" []")]


def import_ofac(path: Path, taken: str | None = None) -> list[Listed]:
    """Every SDN row, one :class:`Listed` each, with one designation per programme."""
    snapshot = snapshot_date(path, taken)
    out = []
    with path.open(encoding="latin-1", newline="") as rows:
        for row in csv.reader(rows):
            if not row or not row[0].strip() or row == ["\x1a"]:  # DOS end-of-file mark
                continue
            if len(row) != 12 or not row[0].strip().isdigit():
                raise ImportError_(f"{path.name}: not OFAC's 12-column sdn.csv (row {row[:2]})")
            ref, name, kind = row[0].strip(), _field(row[1]), _field(row[2]).lower()
            remarks = _field(row[11])
            names = [name] + _ALIAS.findall(remarks)
            if kind == "individual":  # "UTKIN, Dmitriy Valeryevich" is also "Dmitriy Valeryevich UTKIN"
                names += [" ".join(reversed(n.split(", ", 1))) for n in names if n.count(", ") == 1]
            designations = []
            for programme in programmes(_field(row[3])):
                fto = programme == "FTO"
                designations.append(designation(
                    "US", "terrorist" if programme in TERRORIST_PROGRAMMES else "sanctioned",
                    "US Department of State" if fto else "US Treasury, OFAC",
                    "Foreign Terrorist Organizations" if fto else LIST, programme=programme, ref=ref,
                    snapshot=snapshot, source_url=SOURCE_URL))
            org = Organisation(f"us-sdn-{ref}", name, designations=designations, kind=_KINDS.get(kind, "organisation"),
                               aliases=[Alias(n, "en", "US-SDN") for n in dict.fromkeys(n.strip() for n in names) if n])
            out.append(Listed(org, "US-SDN", ref))
    return out

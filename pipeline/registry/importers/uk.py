"""Import the UK Sanctions List (FCDO/OFSI) from the derived tables ``subjects.csv`` + ``subject_names.csv``.

``subjects.csv``: unique_id, subject_type, un_reference_number, ofsi_group_id, date_designated
(dd/mm/yyyy), last_updated; ``subject_names.csv`` joins on unique_id (name_type primary/alias,
full_name). The regime is the first three letters of unique_id. The snapshot date is the latest
``last_updated``. ``date_designated`` of the counter-terrorism regime (CTI) is 31/12/2020, the
start of the post-Brexit regime, not the first listing: it is kept as the date of the listing
under this regime (a fact), and ``basis`` says that earlier listings under EU law are not given.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from datetime import datetime
from pathlib import Path

from pipeline.registry.importers.official import ImportError_, Listed, designation
from pipeline.registry.model import Alias, Kind, Organisation

SOURCE_URL = "https://www.gov.uk/government/publications/the-uk-sanctions-list"
AUTHORITY = "UK Foreign, Commonwealth & Development Office"
LIST = "UK Sanctions List"
#: counter-terrorism (international, domestic) and ISIL (Da'esh) and Al-Qaida regimes
TERRORIST_REGIMES = frozenset({"CTI", "CTD", "AQD"})
REGIME_START = "2020-12-31"
_KINDS: dict[str, Kind] = {"entity": "organisation", "individual": "person", "ship": "vessel"}


def _iso(value: str) -> str | None:
    value = value.strip()
    return datetime.strptime(value, "%d/%m/%Y").date().isoformat() if value else None


def import_uk(directory: Path, taken: str | None = None) -> list[Listed]:
    """Every subject of the list, one :class:`Listed` each."""
    subjects_path, names_path = directory / "subjects.csv", directory / "subject_names.csv"
    for path in (subjects_path, names_path):
        if not path.exists():
            raise ImportError_(f"{path}: missing (the UK importer reads subjects.csv and subject_names.csv)")
    names: dict[str, list[tuple[str, str]]] = defaultdict(list)
    with names_path.open(encoding="utf-8", newline="") as rows:
        for row in csv.DictReader(rows):
            if row["full_name"].strip():
                names[row["unique_id"]].append((row["name_type"], row["full_name"].strip()))
    with subjects_path.open(encoding="utf-8", newline="") as rows:
        subjects = list(csv.DictReader(rows))
    if not subjects or "un_reference_number" not in subjects[0]:
        raise ImportError_(f"{subjects_path.name}: not the UK subjects table")
    snapshot = taken or max(_iso(s["last_updated"]) or "" for s in subjects)
    out = []
    for subject in subjects:
        uid, regime = subject["unique_id"], subject["unique_id"][:3]
        own = sorted(names.get(uid, []), key=lambda n: n[0] != "primary")
        if not own or not regime.isupper():
            continue
        since = _iso(subject["date_designated"])
        caveat = None
        if since == REGIME_START:
            caveat = ("listed under this regime since it came into force on 2020-12-31; "
                      "the first UK listing (under EU law) is not given by the list")
        un_ref = subject["un_reference_number"].strip()
        d = designation("GB", "terrorist" if regime in TERRORIST_REGIMES else "sanctioned", AUTHORITY, LIST,
                        programme=regime, ref=uid, snapshot=snapshot, source_url=SOURCE_URL, since=since,
                        basis=caveat)
        org = Organisation(f"gb-{uid.lower()}", own[0][1], designations=[d],
                           kind=_KINDS.get(subject["subject_type"], "organisation"),
                           aliases=[Alias(n, "en", "GB-UKSL") for n in dict.fromkeys(n for _, n in own)])
        out.append(Listed(org, "GB-UKSL", uid, {f"UN:{un_ref}"} if un_ref else set()))
    return out

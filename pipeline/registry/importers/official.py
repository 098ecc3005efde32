"""What the importers of the official lists of other jurisdictions share.

Each importer reads one snapshot file as published and returns :class:`Listed` records:
one per list entry, as an :class:`~pipeline.registry.model.Organisation` (any kind:
organisations, persons, vessels) with one designation per programme it is listed
under, plus the reference numbers other lists use for it (UK and EU entries carry UN
references). Dates a list does not publish stay unknown: ``since`` is ``None`` and
``seen`` is the snapshot date ("listed as of the snapshot date").
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from pipeline.registry.model import Designation, Organisation

#: the environment variable that names the folder of the official list snapshots
SNAPSHOTS_ENV = "WIRESTREAM_REGISTRY_SNAPSHOTS"
_REPO = Path(__file__).resolve().parents[3]


def shared_registries() -> Path:
    """The folder of the official list snapshots: $WIRESTREAM_REGISTRY_SNAPSHOTS, else the copies
    committed in a source checkout (``tests/fixtures/registries``), else ``shared/data/registries``
    beside the repository or the nearest ancestor that has one."""
    if os.environ.get(SNAPSHOTS_ENV):
        return Path(os.environ[SNAPSHOTS_ENV])
    committed = _REPO / "tests" / "fixtures" / "registries"
    if (committed / "un").is_dir():
        return committed
    for ancestor in _REPO.parents:
        candidate = ancestor / "shared" / "data" / "registries"
        if candidate.is_dir():
            return candidate
    return _REPO.parent / "shared" / "data" / "registries"


SHARED_REGISTRIES = shared_registries()
_DATE_IN_NAME = re.compile(r"(\d{4}-\d{2}-\d{2})")


class ImportError_(ValueError):
    """A list file the importer cannot read as the published format."""


@dataclass(slots=True)
class Listed:
    """One entry of one official list: the record, and the references that identify it elsewhere."""

    org: Organisation
    list_key: str  # "UN", "US-SDN", "GB-UKSL", "EU-FSF", "US-FTO", "GB-PROSCRIBED"
    ref: str
    links: set[str] = field(default_factory=set)  # entries of other lists it is, e.g. {"UN:QDe.115"}


def snapshot_date(path: Path, taken: str | None = None) -> str:
    """The snapshot date: ``taken`` if given, else the ISO date in the file's name; never guessed."""
    if taken:
        return date.fromisoformat(taken).isoformat()
    found = _DATE_IN_NAME.search(path.name)
    if not found:
        raise ImportError_(f"{path.name}: no snapshot date in the file name; pass --taken YYYY-MM-DD")
    return date.fromisoformat(found.group(1)).isoformat()



def diff(old: list[Listed], new: list[Listed]) -> tuple[list[Listed], list[Listed]]:
    """(new listings, delistings) between two snapshots of one list, by the list's reference number."""
    old_refs = {entry.ref for entry in old}
    new_refs = {entry.ref for entry in new}
    return [e for e in new if e.ref not in old_refs], [e for e in old if e.ref not in new_refs]


def with_history(old: list[Listed], new: list[Listed]) -> list[Listed]:
    """The newer snapshot's entries, plus the entries only the older one shows, marked delisted.

    An entry of both keeps the earlier of its first-seen dates (a snapshot's, or an act the list
    cites) when its start date is unknown; one the newer snapshot lacks keeps ``absent`` = the newer snapshot's date (delisted
    on or before it, on a day the lists do not give).
    """
    if not new:
        return list(old)
    new_date = new[0].org.designations[0].snapshot
    first_seen = {e.ref: e.org.designations[0].seen or e.org.designations[0].snapshot for e in old}
    out = []
    for entry in new:
        earlier = first_seen.get(entry.ref)
        if earlier:
            entry.org.designations = [replace(d, seen=min(earlier, d.seen or earlier)) if d.since is None else d
                                      for d in entry.org.designations]
        out.append(entry)
    _, gone = diff(old, new)
    for entry in gone:
        entry.org.designations = [replace(d, absent=new_date) for d in entry.org.designations]
        out.append(entry)
    return out


def designation(jurisdiction: str, category: str, authority: str, list_name: str, *, programme: str | None,
                ref: str, snapshot: str | None, source_url: str | None, since: str | None = None,
                until: str | None = None, basis: str | None = None) -> Designation:
    """A designation as an importer reads it: undated ones are listed as of the snapshot date."""
    assert category in ("terrorist", "sanctioned", "extremist", "undesirable", "foreign_agent")
    return Designation(jurisdiction=jurisdiction, category=category,  # type: ignore[arg-type]
                       authority=authority, list=list_name, since=since, until=until,
                       source_url=source_url, basis=basis, seen=None if since else snapshot,
                       programme=programme, ref=ref, snapshot=snapshot)

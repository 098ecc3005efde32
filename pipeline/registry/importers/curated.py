"""Apply the curated English layer (data/curated.yaml) to the imported official entries.

A curated organisation absorbs the official entries it names (their Russian names,
aliases and designations), adds English aliases, and fills in dates the official
list lacks. A reference that matches nothing, or several entries without
``all: true``, is an error: the curated file must follow the snapshot it is built on.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from pipeline.registry.model import Alias, Designation, Organisation
from pipeline.registry.registry import DATA_DIR

CURATED_PATH = DATA_DIR / "curated.yaml"


class CuratedError(ValueError):
    """The curated file does not fit the imported lists."""


def read_curated(path: Path = CURATED_PATH) -> list[dict[str, Any]]:
    """The curated entries, dates as ISO strings."""
    entries: list[dict[str, Any]] = yaml.safe_load(path.read_text("utf-8"))
    for entry in entries:
        for ref in entry.get("ru", []):
            for key in ("since", "until"):
                if isinstance(ref.get(key), date):
                    ref[key] = ref[key].isoformat()
    return entries


def _curated_aliases(entry: dict[str, Any]) -> list[Alias]:
    url = entry["source_url"]
    return ([Alias(a, "en", url) for a in entry.get("aliases", [])]
            + [Alias(a, "en", url, case_sensitive=True) for a in entry.get("exact", [])]
            + [Alias(a, "en", url, case_sensitive=True, needs_context=True) for a in entry.get("context", [])])


def _category(org: Organisation) -> str:
    return org.designations[0].category


def _dated(designation: Designation, ref: dict[str, Any]) -> Designation:
    """The official designation with curated dates filled in (``until`` always wins)."""
    since = designation.since or ref.get("since")
    return replace(designation,
                   since=since,
                   seen=None if since else designation.seen,
                   until=ref.get("until") or designation.until,
                   basis=ref.get("basis") or designation.basis)


def _dedupe(designations: list[Designation]) -> list[Designation]:
    """Drop repeats, and undated entries where the same list also gives a dated one."""
    unique = list(dict.fromkeys(designations))
    dated = {(d.jurisdiction, d.list) for d in unique if d.since}
    return [d for d in unique if d.since or (d.jurisdiction, d.list) not in dated]


def apply_curated(orgs: list[Organisation], entries: list[dict[str, Any]]) -> list[Organisation]:
    """The organisations with curated ones replacing the official entries they absorb."""
    absorbed: set[str] = set()
    curated: list[Organisation] = []
    for entry in entries:
        org = Organisation(entry["id"], entry["name"], names={"ru": []} if entry.get("ru") else {}, aliases=_curated_aliases(entry),
                           source_url=entry["source_url"], curated=True, refs=list(entry.get("refs", [])))
        for ref in entry.get("ru", []):
            hits = [o for o in orgs if o.kind == "organisation" and _category(o) == ref["list"]
                    and ref["contains"] in o.name]
            if not hits or (len(hits) > 1 and not ref.get("all")):
                raise CuratedError(f"{entry['id']}: {ref['contains']!r} matches {len(hits)} {ref['list']} entries")
            for hit in hits:
                if hit.id in absorbed:
                    continue
                absorbed.add(hit.id)
                org.names["ru"] += [n for n in hit.names.get("ru", []) if n not in org.names["ru"]]
                known = {a.text.casefold() for a in org.aliases}
                org.aliases += [a for a in hit.aliases if a.text.casefold() not in known]
                org.designations += [_dated(d, ref) for d in hit.designations]
        org.designations = _dedupe(org.designations)
        curated.append(org)
    return curated + [o for o in orgs if o.id not in absorbed]

"""Registry records: organisations, their aliases and their designations (JSON-ready)."""

from __future__ import annotations

from dataclasses import MISSING, asdict, dataclass, field, fields
from datetime import date
from typing import Any, Literal, get_args

import msgspec

from pipeline.sections.designations import Category

CATEGORIES: tuple[Category, ...] = get_args(Category)
#: a listing on a given day: in force, or why not
ListingStatus = Literal["in_force", "ended", "not_yet", "unknown"]
#: what a registry record names; only organisations are tagged in text unless a setting asks for more
Kind = Literal["organisation", "person", "vessel", "aircraft"]
#: what is tagged in text by default (persons, vessels and aircraft stay in a registry for lookups)
TAGGED_KINDS: frozenset[str] = frozenset({"organisation"})


@dataclass(frozen=True, slots=True)
class Alias:
    """A name to look for in text.

    ``case_sensitive`` aliases (acronyms, common words) match only as written;
    ``needs_context`` ones ("IS", "IG") are accepted only next to a context cue.
    ``strict`` ones (names imported from official lists) match only capitalised as a
    name and never fuzzily; ``in_text`` is false for names too generic to look for in
    articles at all ("General Directorate", "Trading Company"): kept for lookups. A ``core``
    alias is a listed company name without its legal form ("Promsvyazbank" of "PJSC
    Promsvyazbank"), derived afresh whenever the registry is built.
    """

    text: str
    lang: str = "en"
    source: str | None = None
    case_sensitive: bool = False
    needs_context: bool = False
    strict: bool = False
    in_text: bool = True
    core: bool = False


@dataclass(frozen=True, slots=True)
class Designation:
    """One listing of an organisation; ``until`` is the delisting date (exclusive).

    ``seen`` matters only when ``since`` is unknown: the date a source showed the
    listing (the snapshot the importer read). Listed on ``seen`` is a fact; listed
    before it is unknown, so such a designation is "unknown", not in force, earlier.
    """

    jurisdiction: str
    category: Category
    authority: str
    list: str
    since: str | None = None
    until: str | None = None
    source_url: str | None = None
    basis: str | None = None
    seen: str | None = None
    programme: str | None = None
    ref: str | None = None
    snapshot: str | None = None
    absent: str | None = None

    def status(self, day: date) -> ListingStatus:
        """"in_force", "ended" (delisted on or before ``day``), "not_yet" (listed after) or "unknown"."""
        if self.until and date.fromisoformat(self.until) <= day:
            return "ended"
        if self.absent:
            if date.fromisoformat(self.absent) <= day:
                return "ended"
            if self.snapshot and date.fromisoformat(self.snapshot) < day:
                return "unknown"  # delisted between the two snapshots, day not published
        if self.since:
            return "in_force" if date.fromisoformat(self.since) <= day else "not_yet"
        return "in_force" if self.seen and date.fromisoformat(self.seen) <= day else "unknown"

    def in_force(self, day: date) -> bool:
        """Known to be listed on ``day``."""
        return self.status(day) == "in_force"

    def unknown_reason(self) -> str:
        """Why :meth:`status` says "unknown" (for the record)."""
        if self.absent and self.snapshot:
            return f"listed on {self.snapshot}, no longer listed on {self.absent}; delisting date not published"
        if self.seen:
            return f"start date not published; first seen listed on {self.seen}"
        return "start date not published and no snapshot date"


@dataclass(slots=True)
class Organisation:
    """An organisation with every name it goes by and every list it is on."""

    id: str
    name: str
    names: dict[str, list[str]] = field(default_factory=dict)
    aliases: list[Alias] = field(default_factory=list)
    designations: list[Designation] = field(default_factory=list)
    source_url: str | None = None
    curated: bool = False
    kind: Kind = "organisation"
    refs: list[str] = field(default_factory=list)  # entries of official lists it is known as ("UN:QDe.115")

    def to_json(self) -> dict[str, Any]:
        """Compact JSON form: defaults are omitted so the bundled file stays small."""
        out: dict[str, Any] = {"id": self.id, "name": self.name}
        if self.names:
            out["names"] = self.names
        if self.aliases:
            out["aliases"] = [_compact(asdict(a), Alias) for a in self.aliases]
        out["designations"] = [_compact(asdict(d), Designation) for d in self.designations]
        if self.source_url:
            out["source_url"] = self.source_url
        if self.curated:
            out["curated"] = True
        if self.kind != "organisation":
            out["kind"] = self.kind
        if self.refs:
            out["refs"] = self.refs
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Organisation:
        """Inverse of :meth:`to_json`."""
        return cls(
            id=data["id"],
            name=data["name"],
            names=data.get("names", {}),
            aliases=[Alias(**a) for a in data.get("aliases", [])],
            designations=[msgspec.convert(d, Designation) for d in data.get("designations", [])],
            source_url=data.get("source_url"),
            curated=data.get("curated", False),
            kind=data.get("kind", "organisation"),
            refs=data.get("refs", []),
        )


def _compact(values: dict[str, Any], kind: type) -> dict[str, Any]:
    """Drop fields equal to the dataclass default."""
    defaults = {f.name: f.default for f in fields(kind) if f.default is not MISSING}
    return {k: v for k, v in values.items() if k not in defaults or v != defaults[k]}

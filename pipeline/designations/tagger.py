"""Combine alias hits, NER entities and notices into the article's designations section."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from collections.abc import Sequence

from pipeline.aliases import registry_specs
from pipeline.aliases.index import Hit
from pipeline.aliases.matcher import AliasMatcher, Scan
from pipeline.designations.claims import find_claims
from pipeline.designations.notices import Notice, NoticeDetector
from pipeline.registry.model import Designation
from pipeline.registry.registry import Registry
from pipeline.sections.designations import (
    DesignatedOrganisation,
    Designations,
    DesignationStatus,
    Listing,
    OrganisationMention,
    Summary,
)
from pipeline.sections.entities import Entity

NOTICE_CATEGORIES = {"terrorist", "extremist", "undesirable", "foreign_agent"}
_SENTENCE_END = re.compile(r"[.!?]\s+[\"“‘'«A-ZА-ЯЁ]|\n\s*\n")
MAX_GAP_BEFORE = 80   # mention … notice, same sentence
MAX_GAP_AFTER = 40    # notice … mention ("the outlawed in Russia group X")


class Tagger:
    """Designation tagging of one text as of one date."""

    def __init__(self, registry: Registry, jurisdiction: str = "RU", notices: NoticeDetector | None = None) -> None:
        self.registry = registry
        self.jurisdiction = jurisdiction
        self.notices = notices or NoticeDetector()

    @cached_property
    def matcher(self) -> AliasMatcher:
        """A matcher over the registry alone, for texts tagged without the NER stage's scan (built on first use)."""
        return AliasMatcher(registry_specs(self.registry))

    def tag(self, text: str, day: date, entities: Sequence[Entity], scan: Scan | None = None) -> Designations:
        """The designations section (schemas/sections/designations.schema.json).

        ``scan`` is the alias scan the NER stage made of ``text`` with the process's shared
        matcher, whose rules then apply; without it the text is scanned here.
        """
        spans = [(m.start, m.end, e.label, e.id, e.registry_ids) for e in entities for m in e.mentions]
        labelled = [(s, e, label) for s, e, label, _, _ in spans]
        if scan is None or scan.text != text:
            scan = self.matcher.scan(text)
        hits = scan.matcher.org_hits(scan, labelled)
        hits += self._entity_hits(entities, hits)
        fuzzy = set(scan.matcher.fuzzy_hits(scan, hits, labelled))
        hits += fuzzy
        hits.sort(key=lambda h: h.start)
        notices = self.notices.find(text)
        linked = link_notices(text, hits, notices)
        orgs: dict[str, DesignatedOrganisation] = {}
        for hit in hits:
            org = orgs.get(hit.org_id) or orgs.setdefault(hit.org_id, self._org(hit.org_id, day))
            overlapping = [(eid, ids) for s, e, _, eid, ids in spans if s < hit.end and hit.start < e]
            entity_id = next((eid for eid, ids in overlapping if hit.org_id in ids),
                             next((eid for eid, _ in overlapping), None))
            notice = linked.get(hit)
            org.mentions.append(OrganisationMention(
                start=hit.start, end=hit.end, text=hit.text, alias=hit.alias, entity_id=entity_id,
                match="fuzzy" if hit in fuzzy else "exact", notice=notice.to_section() if notice else None))
            org.entity_id = org.entity_id or entity_id
        for org in orgs.values():
            org.notice_missing = org.notice_required and not any(m.notice for m in org.mentions)
        used = set(linked.values())
        out = list(orgs.values())
        claims = find_claims(text, hits, self.registry, day)
        return Designations(
            as_of=day.isoformat(),
            registry_version=self.registry.version,
            notice_jurisdiction=self.jurisdiction,
            organisations=out,
            unlinked_notices=[n.to_section() for n in notices if n not in used],
            summary=Summary(
                organisations=len(out),
                designated=sum(o.designated for o in out),
                designation_unknown=sum(o.designation_status == "unknown" for o in out),
                notice_required=sum(o.notice_required for o in out),
                notice_missing=sum(o.notice_missing for o in out),
            ),
            claims=claims,
        )

    def _org(self, org_id: str, day: date) -> DesignatedOrganisation:
        org = self.registry.by_id[org_id]
        state = listing_state(org.designations, day, self.jurisdiction)
        return DesignatedOrganisation(
            org_id=org.id, name=org.name, entity_id=None, designated=state.designated,
            designation_status=state.status, designations=state.designations,
            other_designations=state.other, notice_required=state.notice_required,
            notice_missing=False, mentions=[])

    def _entity_hits(self, entities: Sequence[Entity], hits: list[Hit]) -> list[Hit]:
        """Mentions of NER entities that carry a registry id (``registry_ids``) where no hit is."""
        extra = []
        for entity in entities:
            org_id = self._entity_org(entity, hits)
            if org_id is None:
                continue
            for m in entity.mentions:
                if not any(h.start < m.end and m.start < h.end for h in hits):
                    extra.append(Hit(org_id, m.start, m.end, m.text, m.text))
        return extra

    def _entity_org(self, entity: Entity, hits: list[Hit]) -> str | None:
        """The registry organisation an entity stands for, among its ``registry_ids``.

        A gazetteer entry may join several organisations (Jabhat al-Nusra and its
        successor): the one the entity's own mentions were matched as wins, then the
        one named as the entity is, then a sole id; otherwise none is guessed.
        """
        ids = [i for i in entity.registry_ids if i in self.registry.by_id]
        if len(ids) < 2:
            return ids[0] if ids else None
        matched = Counter(h.org_id for h in hits for m in entity.mentions
                          if h.org_id in ids and h.start < m.end and m.start < h.end)
        if matched:
            return matched.most_common(1)[0][0]
        return next((i for i in ids if self.registry.by_id[i].name.casefold() == entity.name.casefold()), None)


@dataclass(frozen=True, slots=True)
class ListingState:
    """A registry record's listings as of one day: in force or not, and whether a notice is required."""

    designated: bool
    status: DesignationStatus
    designations: list[Listing]
    other: list[Listing]
    notice_required: bool


def listing_state(designations: Sequence[Designation], day: date, jurisdiction: str) -> ListingState:
    """The listings of an organisation or person as of ``day``; a notice is required by a listing of
    ``jurisdiction`` in force whose category needs one."""
    current = [d for d in designations if d.in_force(day)]
    other = [d for d in designations if not d.in_force(day)]
    unknown = any(d.status(day) == "unknown" for d in other)
    return ListingState(
        designated=bool(current),
        status="designated" if current else "unknown" if unknown else "not_designated",
        designations=[_listing(d) for d in current],
        other=[_other(d, day) for d in other],
        notice_required=any(d.jurisdiction == jurisdiction and d.category in NOTICE_CATEGORIES for d in current))


def _listing(d: Designation) -> Listing:
    listing = Listing(jurisdiction=d.jurisdiction, category=d.category, authority=d.authority, list=d.list,
                      since=d.since, until=d.until, source_url=d.source_url)
    for name in ("programme", "ref", "snapshot", "absent", "basis"):
        value = getattr(d, name)
        if value is not None:
            setattr(listing, name, value)
    if d.since is None and d.seen is not None:  # the listing's only date: listed as of that snapshot
        listing.seen = d.seen
    return listing


def _other(d: Designation, day: date) -> Listing:
    """A designation not in force at ``day``, with why; "unknown" ones say what is known."""
    listing = _listing(d)
    status = d.status(day)
    assert status != "in_force", "only designations not in force are 'other'"
    listing.status = status
    if status == "unknown":
        listing.seen, listing.reason = d.seen, d.unknown_reason()
    return listing


def link_notices(text: str, hits: list[Hit], notices: list[Notice]) -> dict[Hit, Notice]:
    """Each notice to the nearest mention before it in the same sentence, else just after it."""
    linked: dict[Hit, Notice] = {}
    for notice in notices:
        gap = 200 if notice.kind == "statement" else MAX_GAP_BEFORE
        before = [h for h in hits if h.end <= notice.start and notice.start - h.end <= gap
                  and not _SENTENCE_END.search(text, h.end, notice.start)]
        after = [h for h in hits if h.start >= notice.end and h.start - notice.end <= MAX_GAP_AFTER
                 and not _SENTENCE_END.search(text, notice.end, h.start)]
        target = before[-1] if before else (after[0] if after else None)
        if target is not None and target not in linked:
            linked[target] = notice
    return linked

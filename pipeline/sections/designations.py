"""The designations section: designated organisations (and listed persons) named in the article, as of its
date, and notices."""

from __future__ import annotations

from typing import Literal

import msgspec
from msgspec import UNSET, UnsetType

NoticeKind = Literal["banned", "terrorist", "extremist", "undesirable", "foreign_agent", "statement"]
Category = Literal["terrorist", "extremist", "undesirable", "foreign_agent", "sanctioned"]
OutOfForce = Literal["ended", "not_yet", "unknown"]
DesignationStatus = Literal["designated", "not_designated", "unknown"]


class Notice(msgspec.Struct, kw_only=True):
    """A notice the article carries ("(organization banned in Russia)") and its kind."""

    start: int
    end: int
    text: str
    kind: NoticeKind


class Listing(msgspec.Struct, kw_only=True):
    """One designation of an organisation; ``status`` (and ``reason``) only when not in force.

    ``seen`` when the list publishes no start date: the snapshot that first showed the listing.

    ``programme`` (regime), ``ref`` (the list's reference number), ``snapshot`` (the list
    snapshot it comes from) and ``absent`` (a later snapshot without it) when the list gives them.
    """

    jurisdiction: str
    category: Category
    authority: str
    list: str
    since: str | None
    until: str | None
    source_url: str | None
    programme: str | None | UnsetType = UNSET
    ref: str | None | UnsetType = UNSET
    snapshot: str | None | UnsetType = UNSET
    absent: str | None | UnsetType = UNSET
    basis: str | None | UnsetType = UNSET
    status: OutOfForce | UnsetType = UNSET
    seen: str | None | UnsetType = UNSET
    reason: str | UnsetType = UNSET


class OrganisationMention(msgspec.Struct, kw_only=True):
    """Where a registry organisation is named, the alias that matched, and the notice linked to it."""

    start: int
    end: int
    text: str
    alias: str
    entity_id: str | None
    match: Literal["exact", "fuzzy"] | UnsetType = UNSET
    notice: Notice | None


class DesignatedOrganisation(msgspec.Struct, kw_only=True):
    """A registry organisation named in the article, with its designations as of the article's date."""

    org_id: str
    name: str
    entity_id: str | None
    designated: bool
    designation_status: DesignationStatus | UnsetType = UNSET
    designations: list[Listing]
    other_designations: list[Listing]
    notice_required: bool
    notice_missing: bool
    mentions: list[OrganisationMention]


class PersonMention(msgspec.Struct, kw_only=True):
    """A name mention of a listed person's entity and the notice linked to it."""

    start: int
    end: int
    text: str
    notice: Notice | None


class DesignatedPerson(msgspec.Struct, kw_only=True):
    """A listed person an entity of the article was matched to by full name, as of the article's date."""

    person_id: str
    name: str
    entity_id: str
    designated: bool
    designation_status: DesignationStatus
    designations: list[Listing]
    other_designations: list[Listing]
    notice_required: bool
    notice_missing: bool
    mentions: list[PersonMention]


ClaimVerdict = Literal["confirmed", "contradicted", "unknown", "not_in_registry"]


class Claim(msgspec.Struct, kw_only=True):
    """A designation the text states, for one jurisdiction, checked against the registry."""

    start: int
    end: int
    text: str
    org_id: str | None
    jurisdiction: str
    category: Literal["terrorist"] | None
    verdict: ClaimVerdict


class Summary(msgspec.Struct, kw_only=True):
    """Counts over the organisations, for filters and dashboards."""

    organisations: int
    designated: int
    designation_unknown: int | UnsetType = UNSET
    notice_required: int
    notice_missing: int
    persons: int | UnsetType = UNSET
    persons_notice_missing: int | UnsetType = UNSET


class Designations(msgspec.Struct, kw_only=True):
    """The whole section: the date it answers for, the registry it used, organisations, persons and loose notices."""

    as_of: str
    registry_version: str
    notice_jurisdiction: str
    organisations: list[DesignatedOrganisation]
    persons: list[DesignatedPerson] | UnsetType = UNSET
    unlinked_notices: list[Notice]
    summary: Summary
    claims: list[Claim] | UnsetType = UNSET

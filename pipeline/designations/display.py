"""Designations of a record as people read them (``tail``, ``enrich --pretty``): every jurisdiction, with dates."""

from __future__ import annotations

from pipeline.registry.wording import dates_text
from pipeline.sections.designations import Claim, DesignatedOrganisation, DesignatedPerson, Listing

_STATUS = {"ended": "ended", "not_yet": "not yet in force", "unknown": "not known to be in force"}


def listing_text(listing: Listing) -> str:
    """One listing: jurisdiction, category, dates, list and programme, and why it is not in force."""
    seen = listing.seen if isinstance(listing.seen, str) else None
    absent = listing.absent if isinstance(listing.absent, str) else None
    programme = f" [{listing.programme}]" if isinstance(listing.programme, str) else ""
    status = f" — {_STATUS[listing.status]}" if isinstance(listing.status, str) else ""
    return (f"{listing.jurisdiction} {listing.category} {dates_text(listing.since, listing.until, seen, absent)}"
            f" · {listing.authority}: {listing.list}{programme}{status}")


def organisation_lines(org: DesignatedOrganisation | DesignatedPerson) -> list[str]:
    """A heading naming the jurisdictions in force, then one line per listing, in force first;
    a listed person's heading says so and names the text's mention it was matched on."""
    in_force = sorted({d.jurisdiction for d in org.designations})
    head = f"designated in {', '.join(in_force)}" if in_force else "not designated on the article's date"
    flag = " — mentioned WITHOUT the required notice" if org.designated and org.notice_missing else ""
    who = f"person “{org.mentions[0].text}” = " if isinstance(org, DesignatedPerson) else ""
    listings = sorted(org.designations, key=_order) + sorted(org.other_designations, key=_order)
    return [f"{who}{org.name}: {head}{flag}"] + [f"  {listing_text(d)}" for d in listings]


def _order(listing: Listing) -> tuple[str, str]:
    seen = listing.seen if isinstance(listing.seen, str) else ""
    return listing.jurisdiction, listing.since or seen


def claim_text(claim: Claim) -> str:
    """A designation the text states and what the registry says of it."""
    return f"claim {claim.jurisdiction} {claim.category or 'designated'}: “{claim.text}” → {claim.verdict}"

"""Designations the text itself states ("recognized as a terrorist organization in the USA, Canada, UK",
"designated a terrorist group by the United States and the European Union", "proscribed in Britain"),
each checked against the registry for the organisation it is about, as of the article's date.

A claim is not a notice: notices are what Russian law asks an article to carry; claims are facts
the article asserts, per jurisdiction: ``confirmed`` (a designation of that jurisdiction in force),
``contradicted`` (the registry has that jurisdiction's lists and no such designation in force),
``unknown`` (listed, start date not published and the article predates the first snapshot), or
``not_in_registry`` (a jurisdiction whose lists the registry does not hold: Turkey, India, …; or
holds only in part, Canada and Australia, for an organisation it does not list there).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from pipeline.aliases.index import Hit
from pipeline.registry.importers.designated import partial_jurisdictions
from pipeline.registry.registry import Registry
from pipeline.sections.designations import Claim, ClaimVerdict

#: ways copy names a jurisdiction → its code (the registry's jurisdiction codes: ISO 3166, EU, UN)
JURISDICTIONS: dict[str, str] = {
    r"(?:the\s+)?(?:USA|U\.S\.A\.|U\.S\.|US|United\s+States(?:\s+of\s+America)?|America)": "US",
    r"(?:the\s+)?(?:UK|U\.K\.|United\s+Kingdom|Great\s+Britain|Britain)": "GB",
    r"(?:the\s+)?(?:European\s+Union|EU)": "EU",
    r"(?:the\s+)?(?:United\s+Nations|UN|U\.N\.|(?:UN\s+|U\.N\.\s+)?Security\s+Council)": "UN",
    r"(?:the\s+)?(?:Russian\s+Federation|Russia)": "RU",
    r"Canada": "CA", r"Australia": "AU", r"(?:Turkey|Türkiye)": "TR", r"Egypt": "EG",
    r"(?:the\s+)?(?:UAE|United\s+Arab\s+Emirates)": "AE", r"India": "IN", r"Indonesia": "ID",
    r"Israel": "IL", r"Japan": "JP", r"New\s+Zealand": "NZ", r"(?:Saudi\s+Arabia)": "SA",
    r"Kazakhstan": "KZ", r"Uzbekistan": "UZ", r"Kyrgyzstan": "KG", r"Tajikistan": "TJ",
    r"Pakistan": "PK", r"China": "CN", r"Iran": "IR", r"Syria": "SY", r"Iraq": "IQ",
}
_ONE = "|".join(f"(?:{p})" for p in JURISDICTIONS)
_LIST = rf"(?:{_ONE})(?:\s*(?:,\s*(?:and\s+)?|\band\s+)(?:{_ONE}))*"
_CLAIM = re.compile(
    r"\b(?P<verb>recogni[sz]ed|designated|listed|proscribed|banned|outlawed|blacklisted|declared)\b"
    r"(?P<what>[^.;()]{0,60}?)\b(?:in|by)\s+(?P<list>" + _LIST + r")(?![\w])")
_EACH = [(re.compile(rf"^(?:{p})$"), code) for p, code in JURISDICTIONS.items()]
_SPLIT = re.compile(r"\s*(?:,\s*(?:and\s+)?|\band\s+)\s*")
_SENTENCE_END = re.compile(r"[.!?]\s+[\"“‘'A-Z]|\n\s*\n")


def _codes(listed: str) -> list[str]:
    out = []
    for part in _SPLIT.split(listed.strip()):
        code = next((c for pattern, c in _EACH if pattern.match(part.strip())), None)
        if code and code not in out:
            out.append(code)
    return out


def find_claims(text: str, hits: Sequence[Hit], registry: Registry, day: date) -> list[Claim]:
    """Every stated designation, one claim per jurisdiction named, checked for the organisation it is about."""
    held = {d.jurisdiction for org in registry for d in org.designations}
    claims = []
    for m in _CLAIM.finditer(text):
        terrorist = bool(re.search(r"terror", m.group("what"), re.I)) or m.group("verb") == "proscribed"
        org_id = _about(text, m.start(), m.end(), hits)
        for code in _codes(m.group("list")):
            claims.append(Claim(start=m.start(), end=m.end(), text=m.group(0), org_id=org_id, jurisdiction=code,
                                category="terrorist" if terrorist else None,
                                verdict=_verdict(registry, org_id, code, terrorist, day, held)))
    return claims


def _about(text: str, start: int, end: int, hits: Sequence[Hit]) -> str | None:
    """The organisation named last before the claim in its sentence, else first after it."""
    before = [h for h in hits if h.end <= start and not _SENTENCE_END.search(text, h.end, start)]
    if before:
        return before[-1].org_id
    after = [h for h in hits if h.start >= end and not _SENTENCE_END.search(text, end, h.start)]
    return after[0].org_id if after else None


def _verdict(registry: Registry, org_id: str | None, code: str, terrorist: bool, day: date,
             held: set[str]) -> ClaimVerdict:
    if code not in held:
        return "not_in_registry"
    if org_id is None:
        return "contradicted"  # names no organisation the registry lists
    listed = [d for d in registry.by_id[org_id].designations
              if d.jurisdiction == code and (not terrorist or d.category in ("terrorist", "extremist"))]
    if not listed and code in partial_jurisdictions():
        return "not_in_registry"  # the registry holds only some of that jurisdiction's list
    statuses = {d.status(day) for d in listed}
    if "in_force" in statuses:
        return "confirmed"
    return "unknown" if "unknown" in statuses else "contradicted"

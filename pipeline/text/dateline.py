"""Datelines at the head of wire copy: place, date (resolved against publication), agency.

Covers the house styles of the agencies we ingest, e.g.::

    SOCHI, October 8. /TASS/.            (TASS)
    MOSCOW. Oct 8 (Interfax) -           (Interfax)
    MOSCOW, 8 October - RIA Novosti.     (RIA)
    MOSCOW, Oct 8 (Reuters) -            (Reuters)
    LOS ANGELES, Calif. (AP) —           (AP)
    МОСКВА, 2 марта. /ТАСС/.             (TASS, Russian copy)
    ОРЕНБУРГ, 8 апреля — РИА Новости.    (RIA Novosti, Russian copy)
    МОСКВА, 2 марта (Интерфакс) -        (Interfax, Russian copy)

Russian month names come from ``pipeline/lexicon/ru/months.yaml``; a Russian dateline's place
is written in capitals and reported in title case ("НИЖНИЙ НОВГОРОД" → "Нижний Новгород").

A dateline needs a date or a known agency, so an all-caps word opening a sentence
("NATO said…") is not mistaken for a place; an agency we do not list is reported as
written when the slashes or a date vouch for it ("MOSCOW, June 2. /Wirestream/.").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from pipeline.lexicon import load_lexicon, read_lines
from pipeline.lexicon.files import read_resource
from pipeline.text import DATA_DIR

_AGENCIES = DATA_DIR / "agencies.txt"
_MONTHS = load_lexicon().months
_MONTH = "(?:" + "|".join(sorted((m.capitalize() for m in _MONTHS), key=len, reverse=True)) + r")\b"
_DATELINE = r"""
    (?P<place>[A-Z][A-Z'’\-]*(?![a-z])\.?(?:\ [A-Z][A-Z'’\-]*(?![a-z])\.?)*
       |[A-Z][a-z]+(?:\ [A-Z][a-z]+){{0,2}}(?=\ \())
    (?:,\ (?!{month})(?P<region>[A-Z][A-Za-z.]+(?:\ [A-Z][A-Za-z.]+)?))?
    (?:[,.]?\ (?:(?P<month>{month})\.?\ (?P<day>\d{{1,2}})|(?P<day2>\d{{1,2}})\ (?P<month2>{month})\.?)
       (?:,?\ (?P<year>\d{{4}}))?)?
    \.?\s*
    (?:\((?P<agency1>[^()\n]{{2,40}})\)|/(?P<agency2>[^/\n]{{2,30}})/\.?)?
    \s*(?:[-–—]\s*(?:(?P<agency3>{agencies})\.(?:\s+|$))?)?
"""

_RU_MONTHS = {str(name): int(number) for number, names in read_resource("ru", "months")[0].items() for name in names}
_RU_MONTH = "(?:" + "|".join(sorted(_RU_MONTHS, key=len, reverse=True)) + r")(?![а-яё])"
_RU_DATELINE = r"""
    (?P<place>[А-ЯЁ][А-ЯЁ\-]+(?:\ [А-ЯЁ][А-ЯЁ\-]+)*)(?![а-яё])
    (?:,\ (?P<day>\d{{1,2}})\ (?P<month>{month})\.?(?:\ (?P<year>\d{{4}})(?:\ г(?:ода|\.))?)?)?
    \.?\s*
    (?:\((?P<agency1>[^()\n]{{2,40}})\)|/(?P<agency2>[^/\n]{{2,30}})/\.?)?
    \s*(?:[-–—]\s*(?:(?P<agency3>{agencies})\.(?:\s+|$))?)?
"""


@dataclass(frozen=True, slots=True)
class Dateline:
    """A dateline found at the start of a paragraph; ``end`` is where the prose begins."""

    text: str
    place: str
    date: date | None
    agency: str | None
    end: int


@cache
def _agencies() -> dict[str, str]:
    """Alias (casefolded) → canonical agency name, from ``data/agencies.txt``."""
    table = {}
    for line in read_lines(_AGENCIES):
        names = [n.strip() for n in line.split("|")]
        for alias in names:
            table[alias.casefold()] = names[0]
    return table


@cache
def _pattern() -> re.Pattern[str]:
    """The dateline grammar, with the known agencies as the names after a dash."""
    names = sorted({a for line in read_lines(_AGENCIES) for a in line.split("|")}, key=len, reverse=True)
    agencies = "|".join(re.escape(n.strip()) for n in names)
    return re.compile(_DATELINE.format(month=_MONTH, agencies=agencies), re.VERBOSE)


@cache
def _ru_pattern() -> re.Pattern[str]:
    """The Russian dateline grammar ("МОСКВА, 2 марта. /ТАСС/."), with the known agencies after a dash."""
    names = sorted({a for line in read_lines(_AGENCIES) for a in line.split("|")}, key=len, reverse=True)
    agencies = "|".join(re.escape(n.strip()) for n in names)
    return re.compile(_RU_DATELINE.format(month=_RU_MONTH, agencies=agencies), re.VERBOSE | re.IGNORECASE)


def agency_name(text: str | None) -> str | None:
    """The canonical name of an agency as written, or ``None`` if it is not one we know."""
    return _agencies().get(text.strip().casefold()) if text else None


def resolve_date(month: int, day: int, year: int | None, published: date | None) -> date | None:
    """The date meant by "October 8": the one nearest to publication when the year is left out."""
    try:
        if year is not None:
            return date(year, month, day)
        if published is None:
            return None
        candidates = []
        for y in (published.year - 1, published.year, published.year + 1):
            try:
                candidates.append(date(y, month, day))
            except ValueError:
                continue
        return min(candidates, key=lambda d: abs((d - published).days)) if candidates else None
    except ValueError:
        return None


def find_dateline(paragraph: str, published: date | None) -> Dateline | None:
    """The dateline opening ``paragraph``, if there is one."""
    m = _pattern().match(paragraph)
    if m is None:
        return _find_russian(paragraph, published)
    written = m.group("agency1") or m.group("agency2") or m.group("agency3")
    agency = agency_name(written)
    month_name = m.group("month") or m.group("month2")
    if agency is None and written and (month_name or m.group("agency2")):
        agency = written.strip()  # an agency we do not list, in a slot only agencies fill
    elif agency is None and (written or month_name is None):
        return None
    when = None
    if month_name:
        day = int(m.group("day") or m.group("day2"))
        year = int(m.group("year")) if m.group("year") else None
        when = resolve_date(_MONTHS[month_name.lower()], day, year, published)
    place = m.group("place").strip().rstrip(".")
    if place.isupper():
        place = place.title()
    return Dateline(m.group().strip(), place, when, agency, m.end())


def published_date(published_at: str) -> date | None:
    """The calendar date of an RFC 3339 timestamp (the raw schema guarantees its shape)."""
    try:
        return date.fromisoformat(published_at[:10])
    except ValueError:
        return None


def _find_russian(paragraph: str, published: date | None) -> Dateline | None:
    """A Russian dateline: a place in capitals with a date or an agency (the same rules as in English)."""
    if re.match("[А-ЯЁ]", paragraph) is None:
        return None
    m = _ru_pattern().match(paragraph)
    if m is None or not m.group("place").isupper():
        return None
    written = m.group("agency1") or m.group("agency2") or m.group("agency3")
    agency = agency_name(written)
    month_name = m.group("month")
    if agency is None and written and (month_name or m.group("agency2")):
        agency = written.strip()
    elif agency is None and (written or month_name is None):
        return None
    when = None
    if month_name:
        year = int(m.group("year")) if m.group("year") else None
        when = resolve_date(_RU_MONTHS[month_name.lower()], int(m.group("day")), year, published)
    place = " ".join("-".join(p.capitalize() if k == 0 or len(p) > 2 else p.lower()
                              for k, p in enumerate(w.split("-"))) for w in m.group("place").split())
    return Dateline(m.group().strip(), place, when, agency, m.end())

"""Import the four official Russian lists (and the brand-name aliases) of the snapshot.

Dates are DD.MM.YYYY; ``dateOut`` is a delisting. Persons on the foreign-agent register
are left out: the registry is about organisations.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import orjson

from pipeline.designations.model import Alias, Designation, Organisation
from pipeline.designations.text import is_latin


@dataclass(frozen=True, slots=True)
class RuList:
    """One official list: its file, category and publisher."""

    key: str
    file: str
    category: str
    authority: str
    title: str
    source_url: str


LISTS = (
    RuList("terrorist", "terrorist-orgs.json", "terrorist", "Federal Security Service (FSB)",
           "Unified federal list of organisations recognised as terrorist",
           "http://www.fsb.ru/fsb/npd/terror.htm"),
    RuList("extremist", "extremist-orgs.json", "extremist", "Ministry of Justice",
           "List of organisations liquidated or banned as extremist",
           "https://minjust.gov.ru/ru/documents/7822/"),
    RuList("undesirable", "undesirable-orgs.json", "undesirable", "Ministry of Justice",
           "List of foreign and international organisations declared undesirable",
           "https://minjust.gov.ru/ru/documents/7756/"),
    RuList("foreign_agent", "foreign-agents-raw.json", "foreign_agent", "Ministry of Justice",
           "Unified register of foreign agents",
           "https://minjust.gov.ru/ru/pages/reestr-inostryannykh-agentov/"),
)
BRANDS_FILE = "brand-aliases.json"

# Latin runs inside Russian names: "(The National Endowment for Democracy)", "Free Russia Foundation".
_LATIN_RUN = re.compile(r"[A-Za-zÀ-ɏ][A-Za-zÀ-ɏ0-9&'’./\- ]*[A-Za-zÀ-ɏ0-9.]")
_LEGAL_FORM = re.compile(r"\b(?:Inc|Ltd|LLC|GmbH|SIA|e\.?\s?V|UG|SA|Corp)\b\.?", re.I)


def parse_date(value: str | None) -> str | None:
    """DD.MM.YYYY → ISO date; empty → None."""
    if not value:
        return None
    return datetime.strptime(value.strip(), "%d.%m.%Y").date().isoformat()


def entry_id(ru_list: RuList, name: str) -> str:
    """A stable id from the list and the official name."""
    digest = hashlib.sha1(f"{ru_list.key}\n{name}".encode()).hexdigest()[:10]
    return f"ru-{ru_list.key.replace('_', '-')}-{digest}"


def latin_aliases(name: str) -> list[Alias]:
    """English-usable names embedded in an official Russian name.

    Single words of three letters or fewer ("OR", "CST") are dropped; other single
    words ("WWF", "Ultras") are kept case-sensitive and only with context, since
    nobody has checked that they are not common words.
    """
    found: list[Alias] = []
    for run in _LATIN_RUN.findall(name):
        text = _LEGAL_FORM.sub("", run).strip(" .,-/")
        words = text.split()
        if not words or (len(words) == 1 and len(text) <= 3):
            continue
        single = len(words) == 1
        found.append(Alias(text, "en", "ru-list", case_sensitive=single, needs_context=single))
    return found


def _read(path: Path) -> list[dict[str, Any]]:
    return orjson.loads(path.read_bytes())


def _organisations(directory: Path, ru_list: RuList) -> Iterator[Organisation]:
    seen: set[str] = set()
    for entry in _read(directory / ru_list.file):
        if entry.get("is_person"):
            continue
        name = entry["name"].strip()
        org_id = entry_id(ru_list, name)
        if org_id in seen:  # the same name listed twice: one organisation
            continue
        seen.add(org_id)
        ru_names = [name] + [a.strip() for a in entry.get("aliases", []) if not is_latin(a)]
        aliases = latin_aliases(name) + [Alias(a.strip(), "en", "ru-list") for a in entry.get("aliases", [])
                                         if is_latin(a) and len(a.strip()) > 3]
        designation = Designation(
            jurisdiction="RU", category=ru_list.category, authority=ru_list.authority, list=ru_list.title,
            since=parse_date(entry.get("dateIn")), until=parse_date(entry.get("dateOut")),
            source_url=ru_list.source_url)
        yield Organisation(org_id, name, names={"ru": list(dict.fromkeys(ru_names))},
                           aliases=_unique(aliases), designations=[designation])


def _unique(aliases: list[Alias]) -> list[Alias]:
    out: dict[str, Alias] = {}
    for alias in aliases:
        out.setdefault(alias.text.casefold(), alias)
    return list(out.values())


def import_ru(directory: Path) -> list[Organisation]:
    """Every organisation of the four lists, one per list entry, with brand aliases attached."""
    orgs = [org for ru_list in LISTS for org in _organisations(directory, ru_list)]
    brands_path = directory / BRANDS_FILE
    if brands_path.exists():
        for brand in _read(brands_path):
            extra = [Alias(a, "en", "ru-brands") for a in brand.get("aliases", []) if is_latin(a)]
            for org in orgs:
                if extra and brand["match"] in org.name:
                    org.aliases = _unique(org.aliases + extra)
    return orgs

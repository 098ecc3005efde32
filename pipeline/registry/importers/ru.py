"""Import the four official Russian lists (and the brand-name aliases) of the snapshot.

Dates are DD.MM.YYYY; ``dateOut`` is a delisting. Persons on the foreign-agent register are
kept as ``kind="person"`` records (the name as listed, and the list's own short forms in
``names["ru"]``, no aliases), so the organisation matchers never see them; the Russian backend
matches them to PERSON entities by full name (:mod:`pipeline.designations.persons`).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import msgspec
import yaml

from pipeline.registry.model import Alias, Designation, Organisation
from pipeline.registry.registry import DATA_DIR
from pipeline.sections.designations import Category

SNAPSHOTS_PATH = DATA_DIR / "snapshots.yaml"
_LATIN = re.compile(r"[A-Za-z]")
_NON_LATIN_LETTER = re.compile(r"[^\W\d_A-Za-zÀ-ɏ]")


class SnapshotError(ValueError):
    """A list file of no known snapshot, and no date given for it."""


@dataclass(frozen=True, slots=True)
class RuList:
    """One official list: its file, category and publisher."""

    key: str
    file: str
    category: Category
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
# Latin runs that are addresses, web addresses or legal boilerplate, not names.
_NOT_A_NAME = re.compile(r"\d|https?\b|www\.|\.(?:ru|com|org|net|info)\b|\b(?:strasse|straße|street)\b"
                         r"|^(?:limited\s+liability\s+company|human\s+rights\s+project\s+management|bonn)$", re.I)


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
    nobody has checked that they are not common words. A name with a short acronym in it
    ("PH International") is matched only as written: spelt loosely, the acronym's few letters
    are lost and a common word is left ("International").
    """
    found: list[Alias] = []
    for run in _LATIN_RUN.findall(name):
        text = _LEGAL_FORM.sub("", run).strip(" .,-/")
        words = text.split()
        if not words or (len(words) == 1 and len(text) <= 3) or _NOT_A_NAME.search(text):
            continue
        single = len(words) == 1
        acronym = any(len(w) <= 3 and w.isupper() for w in words)
        found.append(Alias(text, "en", "ru-list", case_sensitive=single or acronym, needs_context=single))
    return found


def snapshot_dates(directory: Path, taken: str | None = None,
                   snapshots_path: Path = SNAPSHOTS_PATH) -> dict[str, str]:
    """list key → the date its file was taken: ``taken`` if given, else looked up by content hash."""
    known = {digest: entry["taken"] for entry in yaml.safe_load(snapshots_path.read_text("utf-8"))
             for digest in entry["sha256"].values()}
    out: dict[str, str] = {}
    for ru_list in LISTS:
        day = taken or known.get(hashlib.sha256((directory / ru_list.file).read_bytes()).hexdigest())
        if day is None:
            raise SnapshotError(f"{directory / ru_list.file}: unknown snapshot, give its date (--taken)")
        out[ru_list.key] = day.isoformat() if isinstance(day, date) else day
    return out


def _read(path: Path) -> list[dict[str, Any]]:
    return msgspec.json.decode(path.read_bytes(), type=list[dict[str, Any]])


def _organisations(directory: Path, ru_list: RuList, taken: str) -> Iterator[Organisation]:
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
        yield Organisation(org_id, name, names={"ru": list(dict.fromkeys(ru_names))},
                           aliases=_unique(aliases), designations=[_designation(ru_list, entry, taken)])


def _persons(directory: Path, ru_list: RuList, taken: str) -> Iterator[Organisation]:
    """The persons of one list: the name as listed and the list's own short forms, no aliases."""
    seen: set[str] = set()
    for entry in _read(directory / ru_list.file):
        if not entry.get("is_person"):
            continue
        name = " ".join(entry["name"].split())
        person_id = entry_id(ru_list, name)
        if person_id in seen:
            continue
        seen.add(person_id)
        names = [name] + [" ".join(a.split()) for a in entry.get("aliases", []) if a.strip()]
        yield Organisation(person_id, name, names={"ru": list(dict.fromkeys(names))}, kind="person",
                           designations=[_designation(ru_list, entry, taken)])


def _designation(ru_list: RuList, entry: dict[str, Any], taken: str) -> Designation:
    since = parse_date(entry.get("dateIn"))
    return Designation(
        jurisdiction="RU", category=ru_list.category, authority=ru_list.authority, list=ru_list.title,
        since=since, until=parse_date(entry.get("dateOut")), source_url=ru_list.source_url,
        seen=None if since else taken)


def _unique(aliases: list[Alias]) -> list[Alias]:
    out: dict[str, Alias] = {}
    for alias in aliases:
        out.setdefault(alias.text.casefold(), alias)
    return list(out.values())


def import_ru(directory: Path, taken: str | None = None) -> list[Organisation]:
    """Every organisation of the four lists, one per list entry, with brand aliases attached, then the
    listed persons (``kind="person"``).

    Undated entries are marked seen on their snapshot's date (:func:`snapshot_dates`).
    """
    dates = snapshot_dates(directory, taken)
    orgs = [org for ru_list in LISTS for org in _organisations(directory, ru_list, dates[ru_list.key])]
    brands_path = directory / BRANDS_FILE
    if brands_path.exists():
        for brand in _read(brands_path):
            extra = [Alias(a, "en", "ru-brands") for a in brand.get("aliases", []) if is_latin(a)]
            for org in orgs:
                if extra and brand["match"] in org.name:
                    org.aliases = _unique(org.aliases + extra)
    return orgs + [p for ru_list in LISTS for p in _persons(directory, ru_list, dates[ru_list.key])]


def is_latin(text: str) -> bool:
    """Written in Latin script (an English-usable alias), not Cyrillic or other."""
    return bool(_LATIN.search(text)) and not _NON_LATIN_LETTER.search(text)

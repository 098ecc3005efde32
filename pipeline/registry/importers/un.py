"""Import the UN Security Council Consolidated List (the UN's XML).

``ENTITIES/ENTITY`` and ``INDIVIDUALS/INDIVIDUAL``: ``FIRST_NAME`` (an entity's name),
``UN_LIST_TYPE`` (the sanctions committee), ``REFERENCE_NUMBER`` (QDe.115), ``LISTED_ON``,
aliases in ``ENTITY_ALIAS/ALIAS_NAME``. The snapshot date is the list's ``dateGenerated``.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from pipeline.registry.importers.official import ImportError_, Listed, designation
from pipeline.registry.model import Alias, Kind, Organisation

SOURCE_URL = "https://scsanctions.un.org/resources/xml/en/consolidated.xml"
AUTHORITY = "UN Security Council"
LIST = "UN Security Council Consolidated List"
#: committees whose lists are terrorist lists (1267/1989/2253 ISIL (Da'esh) and Al-Qaida)
TERRORIST_COMMITTEES = frozenset({"Al-Qaida"})
_KINDS: dict[str, Kind] = {"ENTITY": "organisation", "INDIVIDUAL": "person"}


def _text(node: ET.Element, tag: str) -> str:
    found = node.find(tag)
    return (found.text or "").strip() if found is not None else ""


def import_un(path: Path, taken: str | None = None) -> list[Listed]:
    """Every entity and individual of the list, one :class:`Listed` each."""
    root = ET.parse(path).getroot()
    generated = root.get("dateGenerated")
    if root.tag != "CONSOLIDATED_LIST" or not (generated or taken):
        raise ImportError_(f"{path.name}: not a UN consolidated list with a dateGenerated")
    snapshot = taken or (generated or "")[:10]
    out = []
    for tag, kind in _KINDS.items():
        for node in root.iter(tag):
            ref = _text(node, "REFERENCE_NUMBER")
            committee = _text(node, "UN_LIST_TYPE")
            parts = [_text(node, t) for t in ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")]
            name = " ".join(p for p in parts if p)
            if not ref or not name:
                continue
            names = [name] + [(a.text or "").strip() for a in node.iter("ALIAS_NAME")]
            aliases = [Alias(n, "en", "UN") for n in dict.fromkeys(n for n in names if n)]
            listed_on = _text(node, "LISTED_ON")[:10] or None
            d = designation("UN", "terrorist" if committee in TERRORIST_COMMITTEES else "sanctioned",
                            AUTHORITY, LIST, programme=committee, ref=ref, snapshot=snapshot,
                            source_url=SOURCE_URL, since=listed_on)
            org = Organisation(f"un-{ref.lower()}", name, aliases=aliases, designations=[d], kind=kind)
            out.append(Listed(org, "UN", ref, {f"UN:{ref}"}))
    return out

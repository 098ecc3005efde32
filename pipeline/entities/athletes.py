"""Athletes written with their country: "Iga Swiatek of Poland", "Pete Sampras (U.S.)".

Results copy in tennis, golf and athletics names each competitor with a country, and the small
model often tags the unfamiliar name as an organisation; the sports rules would then read a
player who "beat" another as a side. A person-shaped name (:func:`pipeline.entities.names.person_shaped`)
followed by a country in brackets or by "of" and a country is a person, settled before the
team rules run. Clubs are not written that way, and names with an organisation word ("Bank of
Spain") are not person-shaped.
"""

from __future__ import annotations

from pipeline.entities.mentions import Mention
from pipeline.entities.names import person_shaped
from pipeline.lexicon import Lexicon

_OPENERS = frozenset({"(", "of"})
_RELABELLED = frozenset({"ORG", "GPE", "NORP", "FAC", "PERSON"})


def mark_athletes(mentions: list[Mention], lexicon: Lexicon) -> None:
    """Label person-shaped names followed by their country as decided persons."""
    countries = {m.span.start for m in mentions if m.label == "GPE"}
    for m in mentions:
        if m.label not in _RELABELLED or m.kb_id or m.decided:
            continue
        doc, end = m.span.doc, m.span.end
        if (end + 1 < len(doc) and doc[end].lower_ in _OPENERS and end + 1 in countries
                and person_shaped(m.span, lexicon)):
            m.label, m.decided = "PERSON", True

"""Athletes written with their country: "Iga Swiatek of Poland", "Pete Sampras (U.S.)".

Results copy in tennis, golf and athletics names each competitor with a country, and the small
model often tags the unfamiliar name as an organisation; the sports rules would then read a
player who "beat" another as a side. A person-shaped name (:func:`pipeline.entities.names.person_shaped`)
followed by a country in brackets or by "of" and a country is a person, settled before the
team rules run. Clubs are not written that way, and names with an organisation word ("Bank of
Spain") are not person-shaped. A name the model left untagged before a country the gazetteer
knows, in brackets ("Tomas Brandl (Austria) beat ..."), is added as a person: results lists name
players so line after line, and the small model misses most of them.
"""

from __future__ import annotations

from spacy.tokens import Doc

from pipeline.entities.mentions import Mention
from pipeline.entities.names import PROPER_TAGS, person_shaped
from pipeline.lexicon import Lexicon, name_key

_OPENERS = frozenset({"(", "of"})
_RELABELLED = frozenset({"ORG", "GPE", "NORP", "FAC", "PERSON"})
_MAX_WORDS = 4


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


def untagged_athletes(doc: Doc, mentions: list[Mention], lexicon: Lexicon) -> list[Mention]:
    """Person mentions for the untagged person-shaped runs right before "(" and a known country."""
    countries = {m.span.start for m in mentions if m.label == "GPE" and m.kb_id}
    taken = {i for m in mentions for i in range(m.span.start, m.span.end)}
    found = []
    for start in countries:
        bracket = start - 1
        if bracket < 1 or doc[bracket].text != "(":
            continue
        first = bracket
        while (first > 0 and bracket - first < _MAX_WORDS and first - 1 not in taken
               and not doc[first - 1].ent_type_ and _name_token(doc, first - 1)):
            first -= 1
        span = doc[first:bracket]
        if len(span) >= 2 and person_shaped(span, lexicon):
            found.append(Mention(span, "PERSON", "", "syntax", name_key(span.text), decided=True))
    return found


def _name_token(doc: Doc, i: int) -> bool:
    """A proper noun or an initial ("J."), on the same line as the bracket."""
    tok = doc[i]
    initial = len(tok.text) == 2 and tok.text.endswith(".")
    return (tok.tag_ in PROPER_TAGS or initial) and "\n" not in tok.whitespace_

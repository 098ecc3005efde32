"""Acronyms the model left untagged: an organisation's initials after its full name are the organisation.

Wire copy spells a body out once and then writes its initials ("the National Crime Agency ... the
NCA's cyber unit"); the small model often leaves the initials untagged, most of all for bodies it
does not know. A token written in capitals whose letters are the initials of an ``ORG`` the
article names in full (:func:`pipeline.entities.names.initials`) becomes an ``alias`` mention;
the resolver then joins it to that organisation by the same initials.
"""

from __future__ import annotations

from spacy.tokens import Doc

from pipeline.entities.mentions import Mention
from pipeline.entities.names import initials
from pipeline.lexicon import Lexicon, name_key

_MIN_LETTERS = 2
_MAX_LETTERS = 6


def untagged_acronyms(doc: Doc, mentions: list[Mention], lexicon: Lexicon) -> list[Mention]:
    """Alias mentions for the untagged capital tokens that spell an ORG mention's initials."""
    skip = lexicon.connectors["acronym"]
    known = set()
    for m in mentions:
        words = [t for t in m.span if t.is_alpha]
        if m.label == "ORG" and len(words) >= _MIN_LETTERS:
            known.add(initials(words, skip))
    known.discard("")
    if not known:
        return []
    taken = {i for m in mentions for i in range(m.span.start, m.span.end)}
    return [Mention(doc[t.i: t.i + 1], "ORG", "", "alias", name_key(t.text))
            for t in doc if t.text in known and _MIN_LETTERS <= len(t.text) <= _MAX_LETTERS
            and t.i not in taken and not t.ent_type_]

"""Competitions, tournaments and venues: named like organisations or places, they are neither.

The small model tags "Europa League" and "Rotterdam Open" as organisations and "Las Vegas Grand
Prix" as a place. A tournament's name ends in an event word ("Open", "Cup", "Prix", "Marathon") and
the competitions named like leagues are listed ("Champions League", "Super Bowl"; both lists are
data, ``lexicon/en/desk_cues.yaml``). Such a mention becomes a decided ``EVENT``, which the NER
section keeps and the entity scores leave out, as OntoNotes and CoNLL do (EVENT, MISC). A name the
gazetteer knows keeps its entry ("Premier League" is the league that runs the competition).
Grounds and circuits ("at Twickenham", "Melbourne Cricket Ground") are facilities (``FAC``) the
same way: a listed venue, or a name ending in a venue word ("Stadium", "Arena", "Ground").
"""

from __future__ import annotations

from pipeline.entities.cues import DeskCues
from pipeline.entities.mentions import Mention

_RELABELLED = frozenset({"ORG", "GPE", "PERSON", "LOC", "FAC"})


def relabel_events(mentions: list[Mention], cues: DeskCues) -> None:
    """Mark competitions and tournaments the model read as bodies, places or people as events,
    and venues as facilities."""
    for m in mentions:
        if m.label not in _RELABELLED or m.kb_id or m.decided:
            continue
        if _event(m, cues):
            m.label, m.decided = "EVENT", True
        elif _venue(m, cues):
            m.label, m.decided = "FAC", True


def _venue(m: Mention, cues: DeskCues) -> bool:
    last = m.span[-1]
    named = len(m.span) > 1 and last.lower_ in cues.venue_words and last.text[:1].isupper()
    return named or m.key in cues.venues


def _event(m: Mention, cues: DeskCues) -> bool:
    words = [t for t in m.span if not t.is_punct]
    if not words:
        return False
    named = len(words) > 1 and words[-1].lower_ in cues.event_words and words[-1].text[:1].isupper()
    return named or m.key in cues.competitions

"""Clubs and national teams named after places: a place that plays is a team (an ``ORG``).

Sports copy names sides by their place ("Japan beat Australia 2-0", "a 3-2 win at
Southampton", "Minnesota 110-103"), and the small model tags them as the place. In a document
that reads as sports copy (a score such as "2-0" and a sports word), a place-labelled name in a
side's position is a team: subject or object of a sports verb, the other side after a result
("lost to Tottenham", "held by Bahrain"), the antecedent of "who lost", or the modifier of a team
noun ("India captain"). One sense per article: the same name elsewhere is the team too, unless a
locative preposition or a place before it keeps it a place ("in Rome", "Jannik Sinner of Italy",
"Udine, Italy"). Teams get their own cluster key, so the country and the side stay two entities.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from pipeline.entities.cues import DeskCues
from pipeline.entities.mentions import Mention

_SCORE = re.compile(r"(?<![\d.,:/-])\d{1,3}-\d{1,3}(?![\d.,:/-]|\s*(?:percent|%))")
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
TEAM_KEY = "team:"


def is_sports_copy(doc: Doc, cues: DeskCues) -> bool:
    """A score and a sports word: the test that keeps election and vote counts ("passed 78-18") out."""
    return _SCORE.search(doc.text) is not None and any(t.lemma_.lower() in cues.sports_words for t in doc)


def relabel_teams(doc: Doc, mentions: list[Mention], cues: DeskCues) -> None:
    """Turn place mentions that name a side into team mentions (label ``ORG``, team cluster key)."""
    if not mentions or not is_sports_copy(doc, cues):
        return
    playing = {m.key for m in mentions if m.label != "PERSON" and _side(m.span.root, cues)}
    for m in mentions:
        if m.key in playing and m.label in _PLACE_LABELS | {"ORG"} and not _kept_a_place(m, cues):
            m.label, m.kb_id, m.key, m.decided = "ORG", "", TEAM_KEY + m.key, True


def _side(root: Token, cues: DeskCues) -> bool:
    """Whether the name headed by ``root`` stands where a side of a match stands."""
    head = root.head
    if root.dep_ == "conj" and head is not root:
        return _side(head, cues)
    if root.dep_ in ("nsubj", "nsubjpass", "dobj") and head.lemma_.lower() in cues.sports_verbs:
        return True
    if root.dep_ == "pobj" and head.lower_ in cues.side_prepositions:
        governor = head.head.lemma_.lower()
        return governor in cues.sports_verbs or governor in cues.result_nouns
    if root.dep_ == "compound" and head.lemma_.lower() in cues.team_nouns:
        return True
    return any(c.dep_ == "relcl" and c.lemma_.lower() in cues.sports_verbs for c in root.children)


def _kept_a_place(m: Mention, cues: DeskCues) -> bool:
    """A locative preposition ("in Rome") or a place and a comma ("Udine, Italy") before the name."""
    start = m.span.start
    if start == 0:
        return False
    before = m.span.doc[start - 1]
    if before.lower_ in cues.locative_prepositions:
        return True
    return before.text == "," and start > 1 and m.span.doc[start - 2].ent_type_ in _PLACE_LABELS

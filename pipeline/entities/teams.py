"""Clubs and national teams named after places: a place that plays is a team (an ``ORG``).

Sports copy names sides by their place ("Japan beat Australia 2-0", "a 3-2 win at
Southampton", "Minnesota 110-103"), and the small model tags them as the place. In a document
that reads as sports copy (a score such as "2-0" and a sports word), a place-labelled name in a
side's position is a team: subject or object of a sports verb, the other side after a result
("lost to Tottenham", "held by Bahrain"), the antecedent of "who lost", or the modifier of a team
noun ("India captain"), a club a player joins, signs with, is loaned or traded to or plays
for ("joined Brentford", "signed with Leinster"), or a club of the main football
leagues named after its town ("Chelsea", ``club_places``). One sense per article: the same name
elsewhere is the team too, unless a locative preposition or a place before it keeps it a place
("in Rome", "Jannik Sinner of Italy", "Udine, Italy"). Teams get their own cluster key, so the
country and the side stay two entities. Transfer stories carry no score: two words only sports
copy uses ("striker", "winger") make a document sports copy as well.
"""

from __future__ import annotations

import re

from spacy.attrs import LEMMA
from spacy.tokens import Doc, Span, Token

from pipeline.entities.cues import DeskCues
from pipeline.entities.mentions import Mention, opens_line
from pipeline.entities.names import PROPER_TAGS
from pipeline.entities.tables import Table, read_tables
from pipeline.lexicon import Lexicon, name_key

#: a score such as "2-0" or "112-98." (a full stop may follow: the sentence ends), not "2-3.5" or "10-15%"
_SCORE = re.compile(r"(?<![\d.,:/-])\d{1,3}-\d{1,3}(?![\d:/-]|[.,]\d|\s*(?:percent|%))")
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})  # labels of the place before a dateline comma
TEAM_KEY = "team:"
_NOT_SIDES = frozenset({"PERSON", "EVENT"})  # a player, a competition won


def is_sports_copy(doc: Doc, cues: DeskCues) -> bool:
    """A score and a sports word (the test that keeps election and vote counts, "passed 78-18",
    out), or two words only sports copy uses."""
    if _SCORE.search(doc.text) is not None and _has_sports_word(doc, cues):
        return True
    lemmas = doc.count_by(LEMMA)
    return sum(h in lemmas for h in cues.sports_only_hashes) >= 2


def _has_sports_word(doc: Doc, cues: DeskCues) -> bool:
    lemmas = doc.count_by(LEMMA)
    return any(h in lemmas for h in cues.sports_word_hashes)


def relabel_teams(doc: Doc, mentions: list[Mention], cues: DeskCues, lexicon: Lexicon) -> None:
    """Turn place mentions that name a side into team mentions (label ``ORG``, team cluster key);
    add the sides the model left untagged ("Bayern Munich beat RB Leipzig" after a dateline) and
    the sides of results, standings and fixture lines (:mod:`.tables`)."""
    tables = read_tables(doc, lexicon, lambda d: _has_sports_word(d, cues))
    if tables.sides or tables.companies:
        _add_table(mentions, tables)
    if not tables.sides and not (mentions and is_sports_copy(doc, cues)):
        return
    mentions.extend(_untagged_sides(doc, mentions, cues))
    playing = {m.key for m in mentions if m.label not in _NOT_SIDES and not (m.decided and m.label == "FAC")
               and _side(m.span.root, cues)
               or len(m.span) == 1 and m.key in cues.club_places} | {name_key(span.text) for span in tables.sides}
    for m in mentions:
        if m.key in playing and not (m.decided and m.label == "GPE") and (
                not _kept_a_place(m, cues) or _moved(m.span.root, cues)):
            # "Southampton led 2-1" tagged PERSON too; "on loan from Ajax" is the club
            m.span = _without_score(m.span)
            m.label, m.kb_id, m.key, m.decided = "ORG", "", TEAM_KEY + m.key, True


def _add_table(mentions: list[Mention], tables: Table) -> None:
    """The sides of the table lines as decided teams, the venues of its fixtures as decided places,
    the scorers of its results as decided people and the rows of share-price tables as decided
    companies, in place of the mentions they overlap."""
    found = [Mention(span, "ORG", "", "syntax", TEAM_KEY + name_key(span.text), decided=True)
             for span in tables.sides]
    found += [Mention(span, "GPE", "", "syntax", name_key(span.text), decided=True) for span in tables.venues]
    found += [Mention(span, "PERSON", "", "syntax", name_key(span.text), decided=True) for span in tables.scorers]
    found += [Mention(span, "ORG", "", "syntax", name_key(span.text), decided=True) for span in tables.companies]
    covered = {i for m in found for i in range(m.span.start, m.span.end)}
    mentions[:] = [m for m in mentions if covered.isdisjoint(range(m.span.start, m.span.end))] + found


def _untagged_sides(doc: Doc, mentions: list[Mention], cues: DeskCues) -> list[Mention]:
    """Proper-noun runs no entity covers, subject or object of a sports verb a side is the subject of,
    and town clubs of the main leagues not after a locative preposition."""
    taken = {i for m in mentions for i in range(m.span.start, m.span.end)}
    found = []
    for tok in doc:
        if tok.tag_ not in PROPER_TAGS or tok.ent_type_ or tok.i in taken or not tok.is_title:
            continue
        after_locative = tok.i > 0 and doc[tok.i - 1].lower_ in cues.locative_prepositions
        if not (tok.dep_ in ("nsubj", "dobj") and tok.head.lemma_.lower() in cues.side_verbs
                or tok.lower_ in cues.club_places and not after_locative):
            continue
        start = tok.i
        while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head.i == tok.i and (
                doc[start - 1].tag_ in PROPER_TAGS and not doc[start - 1].ent_type_ and start - 1 not in taken):
            start -= 1
        span = doc[start: tok.i + 1]
        found.append(Mention(span, "ORG", "", "syntax", TEAM_KEY + name_key(span.text), decided=True))
        taken.update(range(span.start, span.end))
    return found


def _side(root: Token, cues: DeskCues) -> bool:
    """Whether the name headed by ``root`` stands where a side of a match stands."""
    head = root.head
    if root.dep_ == "conj" and head is not root:
        return _side(head, cues)
    if root.dep_ in ("nsubj", "nsubjpass", "dobj") and head.lemma_.lower() in cues.sports_verbs:
        return True
    if root.dep_ == "pobj":
        governor = head.head.lemma_.lower()
        if head.lower_ in cues.side_prepositions and (
                governor in cues.sports_verbs or governor in cues.result_nouns):
            return True
        return _moved(root, cues) or head.lower_ == "for" and governor in cues.stat_words
    if root.dep_ == "dobj" and head.lemma_.lower() in cues.transfer_words:
        return not _country(root)  # "joined Brentford"
    if root.dep_ == "compound" and head.lemma_.lower() in cues.team_nouns:
        return True
    return any(c.dep_ == "relcl" and c.lemma_.lower() in cues.sports_verbs for c in root.children)


def _moved(root: Token, cues: DeskCues) -> bool:
    """A player's move from or to the name ("on loan from Ajax"): a club even after a locative."""
    head = root.head
    return (root.dep_ == "pobj" and head.lower_ in cues.transfer_prepositions
            and head.head.lemma_.lower() in cues.transfer_words and not _country(root))


def _country(tok: Token) -> bool:
    """A place the gazetteer knows (a country, a capital): no club a player joins or signs with."""
    return tok.ent_type_ == "GPE" and bool(tok.ent_kb_id_)


def _without_score(span: Span) -> Span:
    """The name without a score the model ran into it ("Bayern Munich 2-1", tagged PRODUCT)."""
    end = span.end
    while end > span.start + 1 and (span.doc[end - 1].like_num or span.doc[end - 1].is_punct):
        end -= 1
    return span.doc[span.start:end]


def _kept_a_place(m: Mention, cues: DeskCues) -> bool:
    """A dateline's place in capitals opening a line, a locative preposition ("in Rome") before the
    name, or a place and a comma that open a line or follow one ("SAITAMA, Japan", "in Udine,
    Italy"; not "beat Australia, Saudi Arabia held")."""
    doc, start = m.span.doc, m.span.start
    if opens_line(doc, start):
        return m.span.text.isupper()  # a dateline opening a line ("HAMBURG 1996-08-20")
    if doc[start - 1].lower_ in cues.locative_prepositions:
        return True
    place = start - 1
    if doc[place].text != ",":
        return False
    while place > 0 and doc[place - 1].ent_type_ in _PLACE_LABELS:
        place -= 1
    if place == start - 1:
        return False
    opener = doc[place - 1] if place > 0 else None
    return opener is None or "\n" in opener.text or opener.lower_ in cues.locative_prepositions

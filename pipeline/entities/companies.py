"""Companies in markets and business copy: a name that trades, reports or employs is an ``ORG``.

The small model tags unfamiliar company names as people or places ("Nvidia" GPE, "Burberry"
PERSON). The copy says what they are: a ticker in brackets after the name ("Nvidia (NVDA.O)"),
a share price moving ("Burberry jumped 15%"), a company noun after the name or its possessive
("Hess's board", "Chevron Chief Executive"), an employer after a job ("analysts at
Macquarie"), the object of a deal ("its takeover of Hess", "shares of Dell"), of an officer or
owner ("chief executive of Fortescue", "the owner of KFC"), a name after "X-based"
("Perth-based Fortescue"), one ending in a company word ("Emzor Pharmaceutical", "Tata
Motors"), or a journal or agency ("published in Nature", "the journal Nature"); capitalised runs
the model missed are added in the last two positions.
A name the gazetteer knows as a place or person is left alone ("China's stake").
One sense per article: every mention with the same text follows, and none of them is taken for
the surname of a person with that name ("Hess" the company, "John Hess" its chief).
"""

from __future__ import annotations

from collections.abc import Mapping

from spacy.tokens import Doc, Span, Token

from pipeline.entities.cues import DeskCues
from pipeline.entities.gazetteer import Entry
from pipeline.entities.mentions import Mention
from pipeline.entities.names import PROPER_TAGS
from pipeline.lexicon import name_key

_RELABELLED = frozenset({"PERSON", "GPE", "LOC", "NORP", "FAC", "ORG"})
_MAX_BRACKETED = 8  # tokens: "( NYSE : IBM )"
_DEAL_PREPOSITIONS = frozenset({"of", "for", "in", "with"})
_MAX_RUN = 5  # words of an untagged company name


def relabel_companies(doc: Doc, mentions: list[Mention], entries: Mapping[str, Entry],
                      cues: DeskCues) -> None:
    """Mark the mentions whose context says "company" as decided ``ORG`` mentions; add the
    capitalised runs in a company's position that no mention covers; set apart "European shares"
    and a body noun the model ran into a name."""
    added = _untagged_companies(doc, mentions, cues)
    covered = {i for m in added for i in range(m.span.start, m.span.end)}
    mentions[:] = [m for m in mentions if covered.isdisjoint(range(m.span.start, m.span.end))] + added
    for m in mentions:
        if _market_region(m, cues):
            m.label, m.decided = "NORP", True  # "European shares"
        elif m.label == "ORG" and len(m.span) > 1 and _body_noun(m.span[-1], cues):
            m.span = m.span[:-1]  # "Pheu Thai party": the name is "Pheu Thai"
            m.key = name_key(m.span.text)
    companies = {m.key for m in mentions if m.label in _RELABELLED and not m.decided
                 and not _known(m, entries) and _company(m, cues)}
    for m in mentions:
        if m.key in companies and not m.decided:
            m.label, m.decided = "ORG", True


def _known(m: Mention, entries: Mapping[str, Entry]) -> bool:
    entry = entries.get(m.kb_id) if m.kb_id else None
    return entry is not None and entry.label != "ORG"


def _company(m: Mention, cues: DeskCues) -> bool:
    """The name's edges (:func:`_named_as_body`), a share price move (not a poll's), a company noun
    (not after a place: "China's chief"), an employer, the object of a deal ("takeover of Hess", "a
    stake in Wizz Air") or of an officer ("chief executive of Lynas"), a journal ("published in
    Nature")."""
    span = m.span
    if _named_as_body(m, cues):
        return True
    after = _after_possessive(span)
    if m.label != "GPE" and after is not None and (
            after.lower_ in cues.company_nouns or after.i == span.end and after.lower_ in cues.share_nouns):
        return True
    root = span.root
    if root.dep_ == "nsubj" and root.head.lemma_.lower() in cues.market_verbs:
        sentence = root.sent
        return (any(t.text == "%" or t.lower_ in ("percent", "pct") for t in root.head.subtree)
                and not any(t.lower_ in cues.poll_words for t in sentence))
    head = root.head
    if root.dep_ != "pobj" or head.head is head:
        return False
    governor = head.head.lower_
    return (head.lower_ == "at" and governor in cues.employee_nouns
            or head.lower_ in _DEAL_PREPOSITIONS and governor in cues.deal_nouns
            or head.lower_ == "of" and governor in cues.officer_nouns and m.label != "GPE"
            or head.lower_ == "in" and head.head.lemma_.lower() in cues.publish_verbs and len(span) <= 3)


def _named_as_body(m: Mention, cues: DeskCues) -> bool:
    """The words at the name's edges say "organisation": a ticker after it, "X-based" before it, a
    company or body word ending it ("Emzor Pharmaceutical"; not for an ``ORG``, which stays free
    to join the body it names in short), or a body noun after it ("the Komeito party"; not "the
    Irish airline")."""
    span = m.span
    bracketed = _bracketed(span)
    if bracketed is not None and cues.ticker.match(bracketed) or _based(span):
        return True
    if m.label != "ORG" and len(span) > 1 and span[-1].lower_.rstrip(".") in cues.org_suffixes:
        return True
    follower = span.doc[span.end] if span.end < len(span.doc) else None
    return m.label != "NORP" and follower is not None and _body_noun(follower, cues)


def _body_noun(tok: Token, cues: DeskCues) -> bool:
    return tok.is_lower and tok.lower_ in cues.body_nouns


def _market_region(m: Mention, cues: DeskCues) -> bool:
    """A region or sector before a share noun ("European shares", "Bank shares"), read as a body."""
    span = m.span
    after = span.doc[span.end] if span.end < len(span.doc) else None
    return (len(span) == 1 and not m.kb_id and span[0].lower_ in cues.market_groups
            and after is not None and after.lower_ in cues.share_nouns)


def _based(span: Span) -> bool:
    """The name follows "X-based" ("Perth-based Fortescue", "a London-based lender")."""
    doc, i = span.doc, span.start
    return i >= 2 and doc[i - 1].lower_ == "based" and doc[i - 2].text == "-"


def _employer(span: Span, cues: DeskCues) -> bool:
    """The name follows a job and "at" ("analysts at Davy")."""
    doc, i = span.doc, span.start
    return i >= 2 and doc[i - 1].lower_ == "at" and doc[i - 2].lower_ in cues.employee_nouns


def _untagged_companies(doc: Doc, mentions: list[Mention], cues: DeskCues) -> list[Mention]:
    """Capitalised proper-noun runs no name covers that a company word ends ("Emzor
    Pharmaceutical", read as a product), or that follow an outlet noun ("the journal Nature"),
    "X-based" or a job and "at" ("analysts at Davy")."""
    taken = {i for m in mentions if m.label in _RELABELLED for i in range(m.span.start, m.span.end)}
    found = []
    i = 0
    while i < len(doc):
        end = i
        while end < len(doc) and end - i < _MAX_RUN and _free_name_word(doc[end], taken):
            end += 1
        if end == i:
            i += 1
            continue
        span = doc[i:end]
        suffixed = len(span) > 1 and span[-1].lower_.rstrip(".") in cues.org_suffixes
        outlet = i > 0 and doc[i - 1].is_lower and doc[i - 1].lower_ in cues.outlet_nouns
        if suffixed or outlet or _based(span) or _employer(span, cues):
            found.append(Mention(span, "ORG", "", "syntax", name_key(span.text), decided=True))
        i = end
    return found


def _free_name_word(tok: Token, taken: set[int]) -> bool:
    """A capitalised proper noun in no mention and no name entity of the model (a product guess is free)."""
    return (tok.tag_ in PROPER_TAGS and tok.text[:1].isupper() and tok.i not in taken
            and tok.ent_type_ not in _RELABELLED)


def _bracketed(span: Span) -> str | None:
    """What stands in brackets right after the name ("NVDA.O" in "Nvidia (NVDA.O)"), read from tokens."""
    doc, i = span.doc, span.end
    if i >= len(doc) or doc[i].text != "(":
        return None
    close = next((t.i for t in doc[i + 1: i + _MAX_BRACKETED] if t.text == ")"), None)
    return doc[i + 1: close].text.strip() if close is not None else None


def _after_possessive(span: Span) -> Token | None:
    """The word after the name, past a possessive "'s" ("Hess's board" → board)."""
    doc = span.doc
    i = span.end
    if i < len(doc) and doc[i].tag_ == "POS":
        i += 1
    return doc[i] if i < len(doc) else None

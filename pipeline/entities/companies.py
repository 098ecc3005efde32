"""Companies in markets and business copy: a name that trades, reports or employs is an ``ORG``.

The small model tags unfamiliar company names as people or places ("Nvidia" GPE, "Burberry"
PERSON). The copy says what they are: a ticker in brackets after the name ("Nvidia (NVDA.O)"),
a share price moving ("Burberry jumped 15%"), a company noun after the name or its possessive
("Hess's board", "Chevron Chief Executive"), an employer after a job ("analysts at
Macquarie"), or the object of a deal ("its takeover of Hess", "shares of Dell"). A name the
gazetteer knows as a place or person is left alone ("China's stake").
One sense per article: every mention with the same text follows, and none of them is taken for
the surname of a person with that name ("Hess" the company, "John Hess" its chief).
"""

from __future__ import annotations

from collections.abc import Mapping

from spacy.tokens import Span, Token

from pipeline.entities.cues import DeskCues
from pipeline.entities.gazetteer import Entry
from pipeline.entities.mentions import Mention

_RELABELLED = frozenset({"PERSON", "GPE", "LOC", "NORP", "FAC", "ORG"})
_MAX_BRACKETED = 8  # tokens: "( NYSE : IBM )"
_DEAL_PREPOSITIONS = frozenset({"of", "for", "in", "with"})


def relabel_companies(mentions: list[Mention], entries: Mapping[str, Entry], cues: DeskCues) -> None:
    """Mark the mentions whose context says "company" as decided ``ORG`` mentions."""
    companies = {m.key for m in mentions if m.label in _RELABELLED and not m.decided
                 and not _known(m, entries) and _company(m, cues)}
    for m in mentions:
        if m.key in companies and not m.decided:
            m.label, m.decided = "ORG", True


def _known(m: Mention, entries: Mapping[str, Entry]) -> bool:
    entry = entries.get(m.kb_id) if m.kb_id else None
    return entry is not None and entry.label != "ORG"


def _company(m: Mention, cues: DeskCues) -> bool:
    """A ticker, a share price move (not a poll's), a company noun (not after a place: "China's
    chief"), an employer, or the object of a deal ("takeover of Hess", "a stake in Wizz Air")."""
    span = m.span
    bracketed = _bracketed(span)
    if bracketed is not None and cues.ticker.match(bracketed):
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
    return (head.lower_ == "at" and head.head.lower_ in cues.employee_nouns
            or head.lower_ in _DEAL_PREPOSITIONS and head.head.lower_ in cues.deal_nouns)


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

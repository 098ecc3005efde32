"""Which token of a report's clause is its speaker, where the parse misleads.

The parser joins a headline, a dateline or a live-blog time stamp ("12:15 p.m.") onto the first
sentence of the paragraph below it, and then hangs two subjects on one verb, or only the one from
the paragraph above. A speaker never lies in another paragraph than its verb: of several subjects
the one nearest before the verb in its paragraph speaks; with none in the paragraph, the noun
phrase that opens the paragraph does. A participle or conjunct with no subject of its own that
hangs in a reported clause ("Trump insisted that he has …, claiming that …") is the reporter's act,
not the reported subject's.
"""

from __future__ import annotations

from spacy.tokens import Token

SUBJECT_DEPS = ("nsubj", "nsubjpass")
#: dependencies through which a verb without a subject inherits one from its head
INHERITING_DEPS = ("conj", "advcl", "xcomp")
_NOUNS = ("PROPN", "NOUN", "PRON")
_NAME_PARTS = ("compound", "flat", "amod", "nmod")


def paragraph_start(tok: Token) -> int:
    """Index of the first token of ``tok``'s paragraph (searched back to its parsed sentence's start)."""
    doc = tok.doc
    for i in range(tok.i - 1, tok.sent.start - 1, -1):
        if "\n" in doc[i].text_with_ws:
            return i + 1
    return tok.sent.start


def own_subject(verb: Token) -> Token | None:
    """The verb's own subject in its paragraph (module docstring); None if it has none."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if not subjects:
        return None
    start = paragraph_start(verb)
    inside = [s for s in subjects if s.i >= start]
    if inside:
        before = [s for s in inside if s.i < verb.i]
        return before[-1] if before else inside[0]
    return paragraph_opener(verb, start) or subjects[-1]


def paragraph_opener(verb: Token, start: int) -> Token | None:
    """The head of the noun phrase that opens ``verb``'s paragraph before it ("12:15 p.m. ‖ Donald
    Trump has delivered …": Trump): the first noun whose head lies outside the stretch."""
    for tok in verb.doc[start:verb.i]:
        if tok.pos_ in _NOUNS and not start <= tok.head.i < verb.i:
            return tok
    return None


def np_head(tok: Token, lo: int, hi: int) -> Token:
    """The head of the name ``tok`` is part of, staying between token indices ``lo`` and ``hi``."""
    while tok.dep_ in _NAME_PARTS and lo < tok.head.i < hi:
        tok = tok.head
    return tok


def reporting_head(verb: Token) -> Token | None:
    """Where a subjectless ``verb`` inherits its subject from: its head, or the verb that reports the
    clause the head is (a ``ccomp``) when ``verb`` is its conjunct ("X said A and noted that B"), or
    its participle and the clause's subject a pronoun ("Trump insisted that he has …, claiming that …")."""
    head = verb.head if verb.dep_ in INHERITING_DEPS and verb.head is not verb else None
    if head is None or head.dep_ != "ccomp" or head.head is head:
        return head
    subject = next((c for c in head.children if c.dep_ in SUBJECT_DEPS), None)
    if verb.dep_ == "conj" or head.head.i < head.i and subject is not None and subject.pos_ == "PRON":
        return head.head
    return head

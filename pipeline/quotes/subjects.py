"""Which token of a report's clause is its speaker, where the parse misleads.

The parser joins a headline, a dateline or a live-blog time stamp ("12:15 p.m.") onto the first
sentence of the paragraph below it, and then hangs two subjects on one verb, or only the one from
the paragraph above. A speaker never lies in another paragraph than its verb: a subject in the
verb's paragraph speaks; with none there, the noun phrase that opens the paragraph does. A participle or conjunct with no subject of its own that
hangs in a reported clause ("Trump insisted that he has …, claiming that …") is the reporter's act,
not the reported subject's.
"""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.quotes.paragraphs import paragraph_start

SUBJECT_DEPS = ("nsubj", "nsubjpass")
#: dependencies through which a verb without a subject inherits one from its head
INHERITING_DEPS = ("conj", "advcl", "xcomp")
_NOUNS = ("PROPN", "NOUN", "PRON")
_NAME_PARTS = ("compound", "flat", "amod", "nmod")
_VERB_MODIFIERS = ("AUX", "ADV", "PART")


def own_subject(verb: Token, skip: tuple[int, int] = (0, 0), nearest: bool = False) -> Token | None:
    """The verb's own subject in its paragraph (module docstring), none starting in the characters
    ``skip`` (a quotation's content: a subject inside it is a misparse); None if it has none. Of
    several in the paragraph, the first, or with ``nearest`` the last before the verb ("…, Berea, OH,
    after winning Ohio, Gov. John Kasich said": the parser made both subjects). Report passes keep the
    first: on PolNeAR the nearest found as many false reports as speakers."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and not skip[0] <= c.idx < skip[1]] \
        or _share_subject(verb)
    if not subjects:
        return None
    start = paragraph_start(verb, verb.sent.start)
    inside = [s for s in subjects if s.i >= start]
    before = [s for s in inside if s.i < verb.i]
    if nearest and before:
        return before[-1]
    if inside:
        return inside[0]
    return paragraph_opener(verb, start) or subjects[-1]


def _share_subject(verb: Token) -> list[Token]:
    """A poll's share the parser hangs on the verb as a number ("About 4 in 10 say …": no ``nsubj``)."""
    return [c for c in verb.children if c.dep_ == "nummod" and c.pos_ == "NUM" and c.i < verb.i]


def paragraph_opener(verb: Token, start: int) -> Token | None:
    """The noun right before ``verb`` in its paragraph, past auxiliaries and adverbs ("Tuesday in New
    York City, …, former president Bill Clinton said": Clinton), else the head of the noun phrase
    that opens the paragraph ("12:15 p.m. ‖ Donald Trump, who …, has delivered": Trump)."""
    doc = verb.doc
    k = verb.i - 1
    while k >= start and doc[k].pos_ in _VERB_MODIFIERS:
        k -= 1
    if k >= start and doc[k].pos_ in _NOUNS:
        return doc[k]
    for tok in doc[start:verb.i]:
        if tok.pos_ in _NOUNS and not start <= tok.head.i < verb.i:
            return tok
    return None


def np_head(tok: Token, lo: int, hi: int) -> Token:
    """The head of the name ``tok`` is part of, staying between token indices ``lo`` and ``hi``."""
    while tok.dep_ in _NAME_PARTS and lo < tok.head.i < hi:
        tok = tok.head
    return tok


def governor(verb: Token, deps: tuple[str, ...]) -> Token | None:
    """The verb a subjectless cue of a direct quote hangs on: its head through ``deps``, or the verb
    of the preposition it is the object of ("He explained the headline by saying: “…”"). (Reports
    in indirect speech do not climb out of a preposition: on PolNeAR train that found more false
    reports than speakers.)"""
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head is not verb.head:
        return verb.head.head
    return verb.head if verb.dep_ in deps and verb.head is not verb else None


def passive_agent(verb: Token) -> Token | None:
    """The speaker of a passive report: the object of its "by" phrase ("it was announced by …",
    "Sanders was asked by host Bill Maher, “…”")."""
    if not any(c.dep_ == "auxpass" for c in verb.children):
        return None
    return by_agent(verb)


def by_agent(verb: Token) -> Token | None:
    """The object of the verb's "by" phrase, passive or participle ("a document filed by X")."""
    return next((o for a in verb.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"), None)


def reporting_head(verb: Token) -> Token | None:
    """Where a subjectless ``verb`` inherits its subject from: its head, or the verb that
    reports the clause the governor is (a ``ccomp``) when ``verb`` is its conjunct ("X said A and
    noted that B"), or its participle and the clause's subject a pronoun ("Trump insisted that he
    has …, claiming that …")."""
    head = verb.head if verb.dep_ in INHERITING_DEPS and verb.head is not verb else None
    if head is None or head.dep_ != "ccomp" or head.head is head:
        return head
    subject = next((c for c in head.children if c.dep_ in SUBJECT_DEPS), None)
    personal = subject is not None and subject.pos_ == "PRON" and subject.lower_ != "it"  # not "found it hard to"
    if verb.dep_ == "conj" or head.head.i < head.i and personal:
        return head.head
    return head

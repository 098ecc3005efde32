"""Indirect speech from the dependency parse.

X said (that) … / … , X said  → the speech verb's clausal complement (ccomp)
X urged Y to … / X promised to … → its infinitive complement (xcomp), for verbs with a "to" frame
According to X, … / As X noted, … → the clause the phrase attaches to, minus the phrase
A report whose content carries a quoted fragment ("called the deal “a historic mistake”") is
*mixed*; quoted names inside it (scare quotes) leave it indirect.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from pipeline.quotes.lexicon import Lexicon
from pipeline.quotes.model import INDIRECT, Attribution

_EDGE_STRIP = " \t\n,;:.–—-“”„«»\"‘’'"


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Character span of tokens [start, end) without edge punctuation or a leading "that"."""
    toks = [t for t in doc[start:end]]
    for k, tok in enumerate(toks):
        if "\n\n" in tok.text_with_ws and k + 1 < len(toks):
            toks = toks[:k + 1] if k >= len(toks) // 2 else toks[k + 1:]  # never across paragraphs
            break
    while toks and (toks[0].is_punct or toks[0].lower_ == "that"):
        toks.pop(0)
    while toks and toks[-1].is_punct and toks[-1].text not in ("”", "»", '"', "’"):
        toks.pop()
    if not toks:
        return (0, 0)
    s, e = toks[0].idx, toks[-1].idx + len(toks[-1])
    text = doc.text
    while e > s and text[e - 1] in _EDGE_STRIP:
        e -= 1
    while s < e and text[s] in _EDGE_STRIP:
        s += 1
    return s, e


def _subject(verb: Token) -> Token | None:
    """The verb's subject, inherited through conjunctions and participles ("…and added that")."""
    cur: Token | None = verb
    while cur is not None:
        subj = next((c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            return None if subj.lower_ == "it" and subj.dep_ == "nsubjpass" else subj
        cur = cur.head if cur.dep_ in ("conj", "advcl", "xcomp") and cur.head is not cur else None
    return None


def _clause_end(comp: Token, lex: Lexicon) -> int:
    """End of a reported clause, before a conjoined speech verb that starts a new report."""
    end = comp.right_edge.i + 1
    for tok in comp.subtree:
        if tok.dep_ == "conj" and tok.i > comp.i and lex.takes(tok.lemma_, "that") \
                and any(c.dep_ == "ccomp" for c in tok.children):
            cc = [c for c in tok.head.children if c.dep_ == "cc" and c.i < tok.i]
            end = min(end, cc[-1].i if cc else tok.i)
    return end


def _clause_without(doc: Doc, head: Token, cut: Token) -> tuple[int, int]:
    """``head``'s clause minus ``cut``'s subtree, on the side where most of the clause is."""
    left = (head.left_edge.i, cut.left_edge.i)
    right = (cut.right_edge.i + 1, head.right_edge.i + 1)
    start, end = right if right[1] - right[0] >= left[1] - left[0] else left
    return _trim(doc, start, end)


def find_indirect(doc: Doc, lex: Lexicon) -> list[Attribution]:
    """Reported speech anchored on speech verbs and attributive phrases."""
    found: list[Attribution] = []
    for tok in doc:
        att = _from_verb(doc, tok, lex) if tok.pos_ in ("VERB", "AUX") else None
        if att is None and tok.lower_ == "according":
            att = _according(doc, tok)
        if att is not None and att.content[1] - att.content[0] > 3:
            found.append(att)
    return found


def _from_verb(doc: Doc, tok: Token, lex: Lexicon) -> Attribution | None:
    lemma = tok.lemma_.lower()
    cue = (tok.idx, tok.idx + len(tok))
    if lex.takes(lemma, "that") and tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as"
                                                                 for c in tok.children):
        speaker = _subject(tok)
        return Attribution(INDIRECT, _clause_without(doc, tok.head, tok), "indirect-as", cue, lemma,
                           None if speaker is None else speaker.i, tok.i)
    speaker = _subject(tok)
    if speaker is None:
        return None
    if lex.takes(lemma, "that"):
        comp = next((c for c in tok.children if c.dep_ == "ccomp"), None)
        if comp is not None:
            return Attribution(INDIRECT, _trim(doc, comp.left_edge.i, _clause_end(comp, lex)), "indirect-that",
                               cue, lemma, speaker.i, tok.i)
    if lex.takes(lemma, "to"):
        comp = next((c for c in tok.children if c.dep_ == "xcomp"), None)
        if comp is not None and any(c.dep_ == "aux" and c.lower_ == "to" for c in comp.children):
            return Attribution(INDIRECT, _trim(doc, comp.left_edge.i, comp.right_edge.i + 1), "indirect-to",
                               cue, lemma, speaker.i, tok.i)
    return None


def _according(doc: Doc, tok: Token) -> Attribution | None:
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    obj = None if to is None else next((c for c in to.children if c.dep_ == "pobj"), None)
    if obj is None or tok.head is tok:
        return None
    return Attribution(INDIRECT, _clause_without(doc, tok.head, tok), "indirect-according",
                       (tok.idx, to.idx + len(to)), "according to", obj.i, tok.i)

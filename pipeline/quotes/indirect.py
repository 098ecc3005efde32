"""Indirect speech from the dependency parse.

X said (that) … / … , X said  → the speech verb's clausal complement (ccomp)
X wrote in an opinion that …  → the "that" clause on the verb's prepositional object
A, X said, B                  → the clause the parenthetical cue interrupts
X urged Y to … / X promised to … → Y and the infinitive complement (xcomp), for verbs with a "to" frame
X called for a review / X spoke about trade → the object of the preposition a verb's frame names
X's claim that … / the claim by X that … → the clause on a speech noun whose owner speaks
It was announced by X that … → the passive report's "by" phrase is the speaker
55 percent said so / said the same of X → the pro-form (:mod:`pipeline.quotes.proform`)
According to X, … / As X noted, … → the clause the phrase attaches to, minus the phrase
As X, … (no verb: machine translation dropped it) → the clause after the comma
A report whose content carries a quoted fragment ("called the deal “a historic mistake”") is
*mixed*; quoted names inside it (scare quotes) leave it indirect.
"""

from __future__ import annotations


from spacy.attrs import LEMMA, LOWER, POS
from spacy.symbols import AUX, NOUN, VERB
from spacy.tokens import Doc, Token

from pipeline.lexicon import Lexicon, load_lexicon
from pipeline.lexicon.ids import string_ids
from pipeline.quotes.model import INDIRECT, Attribution
from pipeline.quotes.paragraphs import breaks_at, paragraph_start, within_paragraph
from pipeline.quotes.proform import is_proform, proform_report
from pipeline.quotes.stance import STANCE_FRAMES, STANCE_RULES, anonymity, asked_question, from_stance
from pipeline.quotes.subjects import np_head, own_subject, passive_agent, reporting_head

_DATELINE_DASHES = ("—", "–", "-", "--")
_EDGE_STRIP = " \t\n,;:." + load_lexicon().marks.dashes + "".join(sorted(load_lexicon().marks.quote_chars))


def trim_span(doc: Doc, start: int, end: int, cue: Token) -> tuple[int, int]:
    """Character span of tokens [start, end) without edge punctuation or a leading "that".

    A report never leaves its cue's paragraph (the parser sometimes joins a headline on)."""
    toks = list(doc[slice(*within_paragraph(start, end, cue))])
    while toks and (toks[0].is_punct or toks[0].is_space
                    or toks[0].lower_ == "that" and not toks[0].dep_.startswith("nsubj")):  # not "that's why"
        toks.pop(0)
    while toks and (toks[-1].is_space or toks[-1].is_punct and toks[-1].text not in ("”", "»", '"', "’")):
        toks.pop()
    if not toks:
        return (0, 0)
    chunk = "".join(t.text_with_ws for t in toks).rstrip()
    s, e = toks[0].idx, toks[0].idx + len(chunk)
    inner = chunk.rstrip(_EDGE_STRIP)
    e -= len(chunk) - len(inner)
    s += len(inner) - len(inner.lstrip(_EDGE_STRIP))
    return (s, e) if s < e else (0, 0)


def subject_of(verb: Token) -> Token | None:
    """The verb's subject in its own paragraph, inherited through conjunctions and participles ("…and
    added that"), past the reported clause they hang in (:mod:`pipeline.quotes.subjects`)."""
    agent = passive_agent(verb)
    if agent is not None:  # "it was announced by the ministry that …"
        return agent
    if verb.tag_ == "VBG" and verb.dep_ in ("acl", "pcomp") and not any(c.dep_ == "nsubj" for c in verb.children):
        return _participle_source(verb)
    cur: Token | None = verb
    while cur is not None:
        subj = own_subject(cur)
        if subj is not None:
            return None if subj.lower_ == "it" and subj.dep_ == "nsubjpass" else _past_dateline(subj, cur)
        cur = reporting_head(cur)
    return None


def _participle_source(verb: Token) -> Token | None:
    """Who speaks through a participle with no subject of its own: the author of the document it
    describes ("X issued a statement saying …"), a document itself ("a poll showing …") or the subject
    of the verb whose preposition it follows ("X opened by saying …", "X spent the day talking about …")."""
    head = verb.head
    if verb.dep_ == "pcomp":
        return subject_of(head.head) if head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX") else None
    lex = load_lexicon()
    if head.lemma_.lower() not in lex.speech_nouns:  # "a new poll showing …": the document speaks
        return head if head.pos_ == "NOUN" and head.lemma_.lower() in lex.document_nouns else None
    owner = next((c for c in head.children if c.dep_ == "poss"), None)
    if owner is not None:
        return owner
    return subject_of(head.head) if head.dep_ == "dobj" and head.head.pos_ == "VERB" else None


def _past_dateline(subj: Token, verb: Token) -> Token:
    """The real subject when the parser took the dateline ("LONDON, Nov 3 (AP) — Arteta insisted",
    "New York (AFP) – Vice President Joe Biden on Monday hit …"): the name after the dash."""
    doc = subj.doc
    first = subj.left_edge
    opens = first.i == 0 or breaks_at(doc[first.i - 1])
    if not (opens and (subj.is_upper or _agency_credit(subj, verb))):
        return subj
    dash = next((t for t in reversed(doc[subj.i:verb.i]) if t.text in _DATELINE_DASHES), None)
    name = None if dash is None else next((t for t in doc[dash.i + 1:verb.i] if t.pos_ in ("PROPN", "NOUN", "PRON")),
                                          None)
    return subj if dash is None or name is None else np_head(name, dash.i, verb.i)


def _agency_credit(place: Token, verb: Token) -> bool:
    """A place with an agency's credit and a dash after it: "New York (AFP) –" (not "Gowdy (R-S.C.)")."""
    doc = place.doc
    if place.i + 1 >= verb.i or doc[place.i + 1].text != "(":
        return False
    close = next((t for t in doc[place.i + 2:verb.i] if t.text == ")"), None)
    return close is not None and close.i + 1 < verb.i and doc[close.i + 1].text in _DATELINE_DASHES


def clause_end(comp: Token, lex: Lexicon) -> int:
    """End of a reported clause, before a conjoined speech verb that starts a new report, or
    one with no subject of its own that goes on with the reporter's acts ("She said supporters had
    every right to be angry and promised a review": the parser hangs "promised" on "had")."""
    end = comp.right_edge.i + 1
    aside = next((t.left_edge.i - 1 for t in comp.subtree if t.i > comp.i and _trailing_aside(t, end)), None)
    if aside is not None:
        end = aside
    for tok in comp.subtree:
        if tok.dep_ == "conj" and tok.i > comp.i and lex.takes(tok.lemma_, "that") \
                and any(c.dep_ == "ccomp" for c in tok.children) and not _marked_that(tok) \
                or tok.dep_ == "conj" and tok.head.i == comp.i and _speech_act(tok, lex):
            cc = [c for c in tok.head.children if c.dep_ == "cc" and c.i < tok.i]
            end = min(end, cc[-1].i if cc else tok.i)
    return end


def _marked_that(clause: Token) -> bool:
    """A clause opened by "that": a second reported clause ("said that A and that B"), not a new report."""
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)


def _trailing_aside(tok: Token, end: int) -> bool:
    """A non-restrictive relative clause closing the report (", where he trails …", ", who both back …"):
    the writer's gloss on a name, not the speaker's words."""
    doc = tok.doc
    return tok.dep_ == "relcl" and tok.right_edge.i + 1 >= end and tok.left_edge.i > 0 \
        and doc[tok.left_edge.i - 1].text == "," and tok.left_edge.lower_ in ("who", "which", "where", "whose")


def _speech_act(tok: Token, lex: Lexicon) -> bool:
    """A speech verb with no subject of its own ("… and promised a review")."""
    return tok.pos_ == "VERB" and any(lex.takes(tok.lemma_, f) for f in ("direct", "that", "to")) \
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)


def _clause_without(doc: Doc, head: Token, cut: Token) -> tuple[int, int]:
    """``head``'s clause minus ``cut``'s subtree, on the side where most of the clause is."""
    left = (head.left_edge.i, cut.left_edge.i)
    right = (cut.right_edge.i + 1, head.right_edge.i + 1)
    start, end = right if right[1] - right[0] >= left[1] - left[0] else left
    return trim_span(doc, start, end, cut)


def clause_around(doc: Doc, head: Token, cut: Token) -> tuple[int, int]:
    """A clause with a parenthetical cue in its middle is reported whole, cue and all."""
    inside = head.left_edge.i < cut.left_edge.i and cut.right_edge.i < head.right_edge.i - 1
    return trim_span(doc, head.left_edge.i, head.right_edge.i + 1, cut) if inside else _clause_without(doc, head, cut)


def find_indirect(doc: Doc, lex: Lexicon, stances: bool = False) -> list[Attribution]:
    """Reported speech anchored on speech verbs, speech nouns and attributive phrases; with
    ``stances``, the stance reports too (:mod:`pipeline.quotes.stance`)."""
    found: list[Attribution] = []
    for tok in _anchors(doc, lex, stances):
        att = _from_verb(doc, tok, lex) if tok.pos_ in ("VERB", "AUX") else None
        if att is None and tok.pos_ == "NOUN" and tok.lemma_.lower() in lex.speech_nouns:
            att = _from_noun(doc, tok)
        if att is None and tok.lower_ == "according":
            att = _according(doc, tok)
        if att is None and tok.lower_ == "as" and (tok.i == tok.sent.start or doc[tok.i - 1].is_punct):
            att = _as_phrase(doc, tok)
        if att is not None and (att.content[1] - att.content[0] > 3 or is_proform(doc, att)) \
                and (stances or att.rule not in STANCE_RULES):
            found.append(att)
    return found


def _anchors(doc: Doc, lex: Lexicon, stances: bool) -> list[Token]:
    """The tokens that may anchor a report, picked off the doc's arrays: building a Token object
    for every word is most of this pass's cost, and few words are report verbs, speech nouns,
    "according" or "as"."""
    verbs, nouns = string_ids(_indirect_verbs(lex, stances)), string_ids(lex.speech_nouns)
    words = string_ids(frozenset({"according", "as"}))
    rows = doc.to_array([POS, LEMMA, LOWER]).tolist()
    return [doc[i] for i, (pos, lemma, lower) in enumerate(rows)
            if pos in (VERB, AUX) and lemma in verbs or pos == NOUN and lemma in nouns or lower in words]


#: the frames that are no preposition (any other frame names the preposition whose object is the
#: content: "call: [for]" → "called for a review")
_FRAMES = frozenset({"direct", "that", "to", "noun"}) | STANCE_FRAMES


_INDIRECT_VERBS: dict[tuple[int, bool], frozenset[str]] = {}


def _indirect_verbs(lex: Lexicon, stances: bool) -> frozenset[str]:
    """Verbs with a frame that yields indirect speech, stance frames only with ``stances`` (the lexicon
    is frozen: once per lexicon and setting)."""
    key = (id(lex.verb_frames), stances)
    ignored = {"direct"} if stances else {"direct"} | STANCE_FRAMES
    if key not in _INDIRECT_VERBS:
        _INDIRECT_VERBS[key] = frozenset(lemma for lemma, frames in lex.verb_frames.items() if frames - ignored)
    return _INDIRECT_VERBS[key]


def that_clause(tok: Token) -> Token | None:
    """The verb of a "that" clause hanging on ``tok`` (the parser calls it acl or ccomp)."""
    return next((c for c in tok.children if c.dep_ in ("ccomp", "acl")
                 and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)


def _from_verb(doc: Doc, tok: Token, lex: Lexicon) -> Attribution | None:
    lemma = tok.lemma_.lower()
    if lex.takes(lemma, "question") and tok.tag_ == "VBN":  # "Asked whether …, X said": not X's question
        return asked_question(doc, tok) if tok.dep_ == "advcl" else None
    if not (lex.takes(lemma, "that") or lex.takes(lemma, "to")):
        return _from_complement(doc, tok, lex)
    cue = (tok.idx, tok.idx + len(tok))
    if lex.takes(lemma, "that") and tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as"
                                                                 for c in tok.children) \
            and not any(c.dep_ == "ccomp" and c.i > tok.i for c in tok.children):  # "as X told us they …"
        speaker = subject_of(tok)
        if speaker is not None and speaker.lower_ == "you":
            return None
        return Attribution(INDIRECT, _clause_without(doc, tok.head, tok), "indirect-as", cue, lemma,
                           None if speaker is None else speaker.i, tok.i)
    speaker = subject_of(tok)
    if speaker is None or speaker.lower_ == "you" and tok.dep_ in ("parataxis", "advcl") \
            or speaker.lower_ in ("i", "we", "you") and lemma in lex.hedge_verbs:
        return None  # "you know", "as you know", "I think": discourse fillers and hedges, not reports
    if lex.takes(lemma, "that"):
        # two when a headline got joined on, or a relative "that" opens a clause inside the report
        # ("… attacks that, Sweet noted, Trump said …"): the one right after the verb, else "that" opens
        comps = [c for c in tok.children if c.dep_ == "ccomp"]
        comp = min(comps, key=lambda c: (c.left_edge.i != tok.i + 1, c.left_edge.lower_ != "that", abs(c.i - tok.i)),
                   default=None)
        if comp is None:  # "wrote in an opinion that …": the clause hangs on the prepositional object
            comp = next((that_clause(o) for p in tok.children if p.dep_ == "prep"
                         for o in p.children if o.dep_ == "pobj" and that_clause(o) is not None), None)
        if comp is not None:
            return Attribution(INDIRECT, trim_span(doc, comp.left_edge.i, clause_end(comp, lex), tok),
                               "indirect-that", cue, lemma, speaker.i, tok.i)
        if tok.dep_ == "parataxis" and tok.head.i != tok.i:  # "Acts of protest, he said, are acts of …"
            return Attribution(INDIRECT, clause_around(doc, tok.head, tok), "indirect-parenthetical",
                               cue, lemma, speaker.i, tok.i)
        bare = proform_report(doc, tok, speaker) or _fronted(doc, tok, lex)  # "said so"; "…, said X"
        if bare is not None:
            return bare
    if lex.takes(lemma, "to"):
        comp = next((c for c in tok.children if c.dep_ == "xcomp"), None)
        if comp is not None and any(c.dep_ == "aux" and c.lower_ == "to" for c in comp.children) \
                and not anonymity(comp):
            obj = next((c for c in tok.children if c.dep_ == "dobj" and c.i < comp.i), None)  # urged X to …
            start = comp.left_edge.i if obj is None else obj.left_edge.i
            return Attribution(INDIRECT, trim_span(doc, start, comp.right_edge.i + 1, tok), "indirect-to",
                               cue, lemma, speaker.i, tok.i)
    return _from_complement(doc, tok, lex)


def _fronted(doc: Doc, tok: Token, lex: Lexicon) -> Attribution | None:
    """ "The rejection signals “the end” for the EU, said Geert Wilders": a clause before a comma and an
    inverted speech verb is its subject's report, however the parser hung it (here it took "rejection"
    for a second subject and left the verb without a clause); the speaker is the subject after the verb."""
    speaker = next((c for c in tok.children if c.dep_ == "nsubj" and c.i > tok.i), None)
    start = paragraph_start(tok, tok.sent.start)
    if speaker is None or not lex.takes(tok.lemma_, "direct") or tok.i - start < 5 or doc[tok.i - 1].text != ",":
        return None
    return Attribution(INDIRECT, trim_span(doc, start, tok.i - 1, tok), "indirect-that",
                       (tok.idx, tok.idx + len(tok)), tok.lemma_.lower(), speaker.i, tok.i)


def _from_complement(doc: Doc, tok: Token, lex: Lexicon) -> Attribution | None:
    """The reports whose content is not the verb's own clause, for the frames the verb's lexicon
    entry lists:

    - a preposition: "X called for a review", "X spoke about trade" → the preposition's object;
    - "noun": "X expressed the hope that …", "X raised concerns that …" → the "that" clause on the
      verb's object, a speech noun (verbs with a "that" frame take it too: "X reiterated his view that").
    """
    lemma = tok.lemma_.lower()
    frames = lex.verb_frames.get(lemma, frozenset())
    preps = frames - _FRAMES
    noun = "noun" in frames or "that" in frames
    if not (preps or noun or frames & STANCE_FRAMES) or tok.dep_ in ("amod", "acl", "relcl") and tok.tag_ == "VBN":
        return None
    speaker = subject_of(tok)
    if speaker is None or speaker.lower_ in ("you", "i", "we") or speaker.i > tok.i:
        return None
    cue = (tok.idx, tok.idx + len(tok))
    obj = next((o for p in tok.children if p.dep_ == "prep" and p.lower_ in preps and p.i > tok.i
                for o in p.children if o.dep_ in ("pobj", "pcomp")), None) if preps else None
    if obj is not None and not (obj.pos_ == "PRON" and obj.n_lefts + obj.n_rights == 0):
        return Attribution(INDIRECT, trim_span(doc, obj.left_edge.i, obj.right_edge.i + 1, tok), "indirect-object",
                           cue, lemma, speaker.i, tok.i)
    dobj = next((c for c in tok.children if c.dep_ == "dobj" and c.i > tok.i), None)
    comp = that_clause(dobj) if dobj is not None and noun and dobj.lemma_.lower() in lex.speech_nouns else None
    if comp is None:
        return from_stance(doc, tok, speaker, frames, lex.document_nouns)
    return Attribution(INDIRECT, trim_span(doc, comp.left_edge.i, comp.right_edge.i + 1, tok), "indirect-noun",
                       cue, lemma, speaker.i, tok.i)


def _from_noun(doc: Doc, tok: Token) -> Attribution | None:
    """ "Smith's claim that …", "the minister's warning that …", "the claim by Smith that …": only
    with an owner, who speaks."""
    owner = next((c for c in tok.children if c.dep_ == "poss"), None)
    if owner is None:  # "the claim by Smith that …"
        owner = next((o for p in tok.children if p.dep_ == "prep" and p.lower_ == "by"
                      for o in p.children if o.dep_ == "pobj"), None)
    comp = that_clause(tok) if owner is not None else None
    if owner is None or comp is None:
        return None
    return Attribution(INDIRECT, trim_span(doc, comp.left_edge.i, comp.right_edge.i + 1, tok), "indirect-noun",
                       (tok.idx, tok.idx + len(tok)), tok.lemma_.lower(), owner.i, tok.i)


def _according(doc: Doc, tok: Token) -> Attribution | None:
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    obj = None if to is None else next((c for c in to.children if c.dep_ == "pobj"), None)
    if to is None or obj is None or tok.head is tok:
        return None
    return Attribution(INDIRECT, _sourced_clause(doc, tok), "indirect-according",
                       (tok.idx, to.idx + len(to)), "according to", obj.i, tok.i)


def _sourced_clause(doc: Doc, phrase: Token) -> tuple[int, int]:
    """What "according to X" sources: at the sentence's end, everything before it ("A rose and B
    fell, according to X": the parser hangs the phrase on B); elsewhere, the clause it attaches to."""
    sent = phrase.sent
    after = [t for t in doc[phrase.right_edge.i + 1:sent.end] if not (t.is_punct or t.is_space)]
    if not after and phrase.left_edge.i > sent.start:
        return trim_span(doc, sent.start, phrase.left_edge.i, phrase)
    return _clause_without(doc, phrase.head, phrase)


def _as_phrase(doc: Doc, tok: Token) -> Attribution | None:
    """ "As the head of the administration Sergei Ivanov, Russia will …": machine translation drops
    the verb of "As X said, …"; a verbless phrase naming a person, then a clause, is a report."""
    sent_end = tok.sent.end
    comma = next((t for t in doc[tok.i + 1:min(tok.i + 16, sent_end)] if t.text == ","), None)
    if comma is None:
        return None
    phrase = doc[tok.i + 1:comma.i]
    people = [t for t in phrase if t.ent_type_ == "PERSON"]
    if not people or any(t.pos_ in ("VERB", "AUX") for t in phrase):
        return None
    rest = doc[comma.i + 1:sent_end]
    if not any(t.pos_ in ("VERB", "AUX") for t in rest):
        return None
    return Attribution(INDIRECT, trim_span(doc, comma.i + 1, sent_end, tok), "indirect-as", (tok.idx, tok.idx + 2),
                       "as", people[-1].i, tok.i)

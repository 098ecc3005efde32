"""Stance reports: a source's act on an object, with no reported clause.

X criticized the plan / X endorsed Clinton        → the object ("object" frame)
X called the deal a mistake / X described it as …  → the object with its predicate ("predicate" frame)
X accused Y of lying                               → the object with its "of" phrase
X asked whether … / X asked Y to …                 → the question or the request ("question" frame)
Asked whether …, X said                            → the question; the asker unnamed (or the "by" agent)
A poll showed Trump with a lead                    → the rest of the clause ("finding" frame; a document speaks)

Annotated news corpora (PolNeAR) count these as attributions: the source takes a position that
the reporter attributes to them. Only verbs the lexicon lists with one of these frames anchor one,
and only with a subject that can hold a position (not "it", not an expletive).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from pipeline.lexicon import Lexicon
from pipeline.quotes.model import INDIRECT, Attribution
from pipeline.quotes.paragraphs import within_paragraph
from pipeline.quotes.subjects import by_agent
from pipeline.sections.quotes import QuoteRule

#: the frames of a stance verb (speech_verbs.yaml)
STANCE_FRAMES = frozenset({"object", "predicate", "question", "intent", "finding"})
#: the rules of the reports this module finds
STANCE_RULES: frozenset[QuoteRule] = frozenset({"indirect-stance", "indirect-question"})
#: the verb's children, after it, that carry the stance's content with the object
_WITH_OBJECT = frozenset({"dobj", "oprd", "ccomp", "xcomp"})
#: prepositions whose phrase belongs to the content ("accused X of Y", "described X as Y", "criticized X for Y")
OBJECT_PREPS = frozenset({"of", "as", "for"})
#: subjects that hold no position
_NO_SOURCE = frozenset({"it", "there", "this", "that", "which", "what"})
#: a question's opening word ("asked whether …", "asked how …")
_QUESTION_MARKS = frozenset({"whether", "if", "how", "why", "what", "who", "when", "where", "which"})


def from_stance(doc: Doc, tok: Token, speaker: Token, frames: frozenset[str],
                documents: frozenset[str] = frozenset()) -> Attribution | None:
    """The stance report anchored on ``tok`` (a verb listed with a stance frame), if it has one;
    ``documents`` are the nouns whose finding a "finding" verb reports (speakers.yaml ``document_nouns``)."""
    if speaker.lower_ in _NO_SOURCE and not _relative(tok, speaker):
        return None
    content = _question(tok) if "question" in frames else None
    if content is None and "finding" in frames and speaker.lemma_.lower() in documents:
        content = _finding(tok)
    if content is None and "intent" in frames:
        content = _intent(tok)
    if content is None and frames & {"object", "predicate"}:
        content = _object(tok, frames)
    if content is None:
        return None
    rule: QuoteRule = "indirect-stance" if content[2] == "stance" else "indirect-question"
    return Attribution(INDIRECT, _span(doc, content[0], content[1], tok), rule, (tok.idx, tok.idx + len(tok)),
                       tok.lemma_.lower(), speaker.i, tok.i)


def _relative(tok: Token, speaker: Token) -> bool:
    """ "The union, which endorsed Clinton": the relative pronoun stands for the noun it hangs on."""
    return tok.dep_ == "relcl" and speaker.tag_ in ("WDT", "WP") and tok.head.pos_ in ("NOUN", "PROPN")


def asked_question(doc: Doc, tok: Token) -> Attribution | None:
    """ "Asked whether he would run, the senator said …": a reduced participle reports the question of
    an asker the sentence does not name (the "by" agent when it does: "Asked by Stephanopoulos to …");
    the one asked is the main clause's subject, so it is not the speaker. The question or the request
    is the content ("Asked about his future, …" names a topic, not a question: left out)."""
    if tok.tag_ != "VBN" or tok.dep_ != "advcl" or any(c.dep_ in ("nsubj", "nsubjpass", "auxpass", "aux")
                                                        for c in tok.children):
        return None
    content = _question(tok, ("ccomp", "advcl"))
    if content is None:
        return None
    agent = by_agent(tok)
    return Attribution(INDIRECT, _span(doc, content[0], content[1], tok), "indirect-question",
                       (tok.idx, tok.idx + len(tok)), tok.lemma_.lower(), None if agent is None else agent.i, tok.i)


def _question(tok: Token, deps: tuple[str, ...] = ("ccomp",)) -> tuple[int, int, str] | None:
    """ "asked whether …" → the question; "asked X to …" → the request with its addressee."""
    comp = next((c for c in tok.children if c.dep_ in deps and c.i > tok.i
                 and c.left_edge.lower_ in _QUESTION_MARKS), None)
    if comp is not None:
        return (comp.left_edge.i, comp.right_edge.i + 1, "question")
    request = _infinitive(tok)
    if request is None or anonymity(request):
        return None
    addressee = next((c for c in tok.children if c.dep_ == "dobj" and c.i < request.i), request)
    return (addressee.left_edge.i, request.right_edge.i + 1, "question")


def _intent(tok: Token) -> tuple[int, int, str] | None:
    """ "plans to run", "declined to comment" → the infinitive with its "to"."""
    comp = _infinitive(tok)
    return None if comp is None or anonymity(comp) else (comp.left_edge.i, comp.right_edge.i + 1, "stance")


def _finding(tok: Token) -> tuple[int, int, str] | None:
    """ "A poll showed Trump with a lead", "records show no gifts since 2008" → everything the verb
    governs after it (its object with the phrases that complete it): what the document found."""
    after = [c for c in tok.children if c.i > tok.i and not (c.is_punct or c.dep_ in ("cc", "conj"))]
    if not any(c.dep_ in ("dobj", "oprd") for c in after):
        return None
    return (after[0].left_edge.i, max(c.right_edge.i for c in after) + 1, "stance")


def _infinitive(tok: Token) -> Token | None:
    return next((c for c in tok.children if c.dep_ == "xcomp" and c.i > tok.i
                 and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)


def _object(tok: Token, frames: frozenset[str]) -> tuple[int, int, str] | None:
    """ "criticized the plan" → the object; "called the deal a mistake" → the object with its predicate
    (the parser may take the object for a second predicate: "called [Trump]oprd [a fascist]oprd")."""
    obj = next((c for c in tok.children if c.dep_ in ("dobj", "oprd") and c.i > tok.i), None)
    if any(c.dep_ == "dobj" and c.i < tok.i for c in tok.children):
        return None  # "what he called a con": the writer's phrase, named in passing
    if obj is None or obj.pos_ == "PRON" and obj.n_lefts + obj.n_rights == 0 and "predicate" not in frames:
        return None
    parts = [c for c in tok.children if c.i >= obj.i and (c.dep_ in _WITH_OBJECT or
                                                          c.dep_ == "prep" and c.lower_ in OBJECT_PREPS)]
    predicate = len(parts) > 1 or obj.dep_ == "oprd" or any(c.dep_ == "prep" and c.lower_ == "as"
                                                             for c in obj.children)
    if "object" not in frames and not predicate:
        return None  # "called a meeting" is no stance; "called the deal a mistake" is
    return (obj.left_edge.i, max(p.right_edge.i for p in parts) + 1, "stance")


def anonymity(comp: Token) -> bool:
    """ "asked not to be named / identified": a source's terms, not a report."""
    deps = {c.dep_ for c in comp.children}
    return "neg" in deps and "auxpass" in deps


def _span(doc: Doc, start: int, end: int, cue: Token) -> tuple[int, int]:
    """Character span of tokens [start, end) in the cue's paragraph, without edge punctuation."""
    start, end = within_paragraph(start, end, cue)
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_space or doc[end - 1].is_punct
                           and doc[end - 1].text not in ("”", "»", '"', "’")):
        end -= 1
    return (doc[start].idx, doc[end - 1].idx + len(doc[end - 1])) if start < end else (0, 0)

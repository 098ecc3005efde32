"""The learned cue detector: attributions on cue words the rule passes have no frame for.

PolNeAR annotates cues the rules cannot list one by one ("is pushing for", "signalled", "his
plan", "maintains"). A logistic model over :mod:`pipeline.quotes.cue_features`, trained on PolNeAR
train by ``bench/train_cue_model.py`` (weights in ``data/cue_model.json``: one weight per feature
string, no corpus text), scores the verbs and nouns whose lemma was a cue in training; a word that
scores above the model's threshold and has a source becomes a report whose content is the clause
or phrase it governs. The rule passes run first: these reports are merged after them
(:func:`pipeline.quotes.dedupe.merge`), so a word a rule already read is never read twice.
"""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from spacy.attrs import LEMMA, POS
from spacy.symbols import NOUN, VERB
from spacy.tokens import Doc, Token

from pipeline.lexicon import Lexicon
from pipeline.lexicon.ids import string_ids
from pipeline.quotes.cue_features import Content, cue_features, source_of
from pipeline.quotes.indirect import clause_around, clause_end, that_clause, trim_span
from pipeline.quotes.learned_gates import load_gates
from pipeline.quotes.model import INDIRECT, Attribution
from pipeline.quotes.stance import OBJECT_PREPS, anonymity

MODEL_PATH = Path(__file__).parent / "data" / "cue_model.json"
#: sources that hold no position ("it said" is a document's, but "it" is no one to resolve)
NO_SOURCE = frozenset({"it", "there", "this", "that", "which", "what", "you"})
#: prepositions whose object is what a cue is about ("pushing for a vote", "warned against cuts")
_CONTENT_PREPS = frozenset({"for", "about", "against", "on", "of", "over", "to", "with"})


@dataclass(frozen=True, slots=True)
class CueModel:
    """A logistic model over feature strings, restricted to the lemmas that were cues in training."""

    weights: dict[str, float]
    threshold: float
    lemmas: frozenset[str]
    #: cue words whose noun-phrase or prepositional object PolNeAR train annotates as reported content
    #: at least the training command's ``--object-precision`` of the time (the gate's learned list)
    object_lemmas: frozenset[str] = frozenset()
    #: a digest of the weights file, for a record's provenance
    version: str = ""

    def probability(self, features: list[str]) -> float:
        z = sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def lemma_ids(self) -> frozenset[int]:
        return string_ids(self.lemmas)


@cache
def load_cue_model(path: Path = MODEL_PATH) -> CueModel:
    """The shipped model (read once)."""
    raw = path.read_bytes()
    data = json.loads(raw)
    return CueModel(weights=data["weights"], threshold=float(data["threshold"]), lemmas=frozenset(data["lemmas"]),
                    object_lemmas=frozenset(data.get("object_lemmas", ())), version=hashlib.sha256(raw).hexdigest()[:12])


def candidates(doc: Doc, model: CueModel) -> list[Token]:
    """The verbs and nouns whose lemma the model knows, picked off the doc's arrays (cheap)."""
    ids = model.lemma_ids()
    rows = doc.to_array([POS, LEMMA]).tolist()
    return [doc[i] for i, (pos, lemma) in enumerate(rows) if pos in (VERB, NOUN) and lemma in ids]


def find_learned(doc: Doc, lex: Lexicon, model: CueModel, read: set[int]) -> list[Attribution]:
    """Reports on the cue words the model picks, leaving out the words in ``read`` (the rules' cues)."""
    found = []
    gates = load_gates()
    for tok, source, content in candidate_reports(doc, lex, model, read):
        if gates.admits(tok, source, content, model.object_lemmas) \
                and model.probability(cue_features(tok, source, content, lex)) >= model.threshold:
            found.append(Attribution(INDIRECT, content.span, "indirect-learned", (tok.idx, tok.idx + len(tok)),
                                     tok.lemma_.lower(), source.i, tok.i))
    return found


def candidate_reports(doc: Doc, lex: Lexicon, model: CueModel,
                      read: set[int]) -> list[tuple[Token, Token, Content]]:
    """Every report the model may keep: a word it knows, not in ``read``, with a source and a content."""
    out = []
    for tok in candidates(doc, model):
        if tok.i in read:
            continue
        source = source_of(tok)
        if source is None or source.lower_ in NO_SOURCE or source.i == tok.i or _passive(tok, source):
            continue
        content = content_of(doc, tok, lex)
        if content is not None and content.span[1] - content.span[0] > 3:
            out.append((tok, source, content))
    return out


def _passive(tok: Token, source: Token) -> bool:
    """A passive cue's subject is spoken to, not speaking ("Carson was asked to respond"; "Asked about
    it, Carson said …": the participle's asker is not named)."""
    bare_participle = tok.tag_ == "VBN" and tok.dep_ in ("advcl", "acl", "amod") \
        and not any(c.dep_ in ("aux", "auxpass", "nsubj") for c in tok.children)
    return bare_participle or source.dep_ == "nsubjpass"


def _infinitive(clause: Token) -> bool:
    """A noun's "to" clause ("the decision to appeal")."""
    return clause.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)


def content_of(doc: Doc, tok: Token, lex: Lexicon) -> Content | None:
    """What a cue word governs, by preference: its clause ("warned (that) …"), the clause it interrupts
    ("…, he maintained, …"), its infinitive with the object before it ("pushed X to …", a noun's: "his
    promise to …"), a "that" clause
    on its object or on itself (a noun: "the plan that …"), its object, or the object of a preposition
    ("pushing for a vote")."""
    after = [c for c in tok.children if c.i > tok.i]
    comp = next((c for c in after if c.dep_ == "ccomp"), None) or that_clause(tok)
    if comp is not None:
        return Content(trim_span(doc, comp.left_edge.i, clause_end(comp, lex), tok), "clause")
    if tok.dep_ == "parataxis" and tok.head.i != tok.i:
        return Content(clause_around(doc, tok.head, tok), "around")
    xcomp = next((c for c in after if c.dep_ == "xcomp" or tok.pos_ == "NOUN" and _infinitive(c)), None)
    dobj = next((c for c in after if c.dep_ in ("dobj", "oprd")), None)
    if xcomp is not None and anonymity(xcomp):
        return None  # "asked not to be identified": a source's terms
    if xcomp is not None:
        start = dobj.left_edge.i if dobj is not None and dobj.i < xcomp.i else xcomp.left_edge.i
        return Content(trim_span(doc, start, xcomp.right_edge.i + 1, tok), "infinitive")
    if dobj is not None and not (dobj.pos_ == "PRON" and dobj.n_lefts + dobj.n_rights == 0):
        end = max(c.right_edge.i for c in after if c.i >= dobj.i and (c.dep_ in ("dobj", "oprd")
                                                                    or c.dep_ == "prep" and c.lower_ in OBJECT_PREPS))
        return Content(trim_span(doc, dobj.left_edge.i, end + 1, tok), "object")
    obj = next((o for p in after if p.dep_ == "prep" and p.lower_ in _CONTENT_PREPS
                for o in p.children if o.dep_ in ("pobj", "pcomp")), None)
    if obj is not None:
        return Content(trim_span(doc, obj.left_edge.i, obj.right_edge.i + 1, tok), "prep")
    return None

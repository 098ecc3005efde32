"""What the learned cue detector sees of a candidate cue word: sparse, named, binary features.

Shared by the detector (:mod:`pipeline.quotes.learned`) and its training command
(``bench/train_cue_model.py``), so the two cannot drift apart. A feature is a string such as
``l=warn`` (lemma), ``c=ccomp`` (a child's dependency), ``s=PERSON`` (what its source is) or
``x=that`` (a frame the rule lexicon lists for the lemma); the model is one weight per string.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from pipeline.lexicon import Lexicon
from pipeline.quotes.indirect import subject_of, that_clause

#: the parts of speech a cue may have ("warned", "claim")
CUE_POS = frozenset({"VERB", "NOUN"})
#: children whose dependency is worth a lemma-specific feature: the ones that carry content
_CONTENT_DEPS = frozenset({"ccomp", "xcomp", "dobj", "oprd", "parataxis", "acl"})
#: pronouns that name who speaks, by person
_PRONOUNS = {"i": "pron1", "we": "pron1", "me": "pron1", "us": "pron1", "you": "pron2",
             "he": "pron3", "she": "pron3", "they": "pron3", "who": "rel", "it": "it", "this": "it",
             "that": "it", "which": "it", "there": "it", "what": "it"}


#: upper bounds of the content-length buckets, in characters
_LENGTHS = (20, 50, 100, 200)


@dataclass(frozen=True, slots=True)
class Content:
    """What a candidate cue governs: its character span and how it was found ("clause", "object", …)."""

    span: tuple[int, int]
    kind: str

    def length_bucket(self) -> str:
        size = self.span[1] - self.span[0]
        return next((f"<{n}" for n in _LENGTHS if size < n), "long")


def source_of(tok: Token) -> Token | None:
    """Who the cue word belongs to: a verb's subject or passive agent, a noun's possessor or "by" phrase
    ("Smith's claim", "the claim by Smith"), else the subject of the verb the noun is the object of
    ("Smith made the claim that …")."""
    if tok.pos_ != "NOUN":
        return subject_of(tok)
    owner = next((c for c in tok.children if c.dep_ == "poss"), None)
    if owner is None:
        owner = next((o for p in tok.children if p.dep_ == "prep" and p.lower_ == "by"
                      for o in p.children if o.dep_ == "pobj"), None)
    if owner is None and tok.dep_ == "dobj" and tok.head.pos_ == "VERB" and that_clause(tok) is not None:
        owner = subject_of(tok.head)
    return owner


def source_kind(source: Token | None) -> str:
    """A coarse class of the source: its entity type, its pronoun's person, or its part of speech."""
    if source is None:
        return "none"
    if source.ent_type_:
        return source.ent_type_
    return _PRONOUNS.get(source.lower_, source.pos_)


def cue_features(tok: Token, source: Token | None, content: Content, lex: Lexicon) -> list[str]:
    """The features of ``tok`` as a candidate cue with ``source`` (:func:`source_of`) and ``content``."""
    lemma = tok.lemma_.lower()
    kind, size = source_kind(source), content.length_bucket()
    feats = [f"l={lemma}", f"p={tok.tag_}", f"d={tok.dep_}", f"ld={lemma}|{tok.dep_}", f"s={kind}",
             f"ls={lemma}|{kind}", f"h={tok.head.pos_}|{tok.dep_}",
             f"k={content.kind}", f"lk={lemma}|{content.kind}", f"n={size}", f"kn={content.kind}|{size}"]
    if source is not None and source.pos_ == "NOUN":
        feats.append(f"sl={source.lemma_.lower()}")
    kids = set()
    for child in tok.children:
        dep = child.dep_
        if dep == "prep" and child.i > tok.i:
            dep = f"prep:{child.lower_}"
        elif dep in ("ccomp", "acl", "advcl"):
            mark = next((m.lower_ for m in child.children if m.dep_ in ("mark", "aux")), "")
            dep = f"{dep}:{mark}" if mark in ("that", "whether", "if", "to", "as") else dep
        kids.add(dep)
    feats += [f"c={dep}" for dep in sorted(kids)]
    feats += [f"lc={lemma}|{dep}" for dep in sorted(kids) if dep.split(":")[0] in _CONTENT_DEPS or "prep:" in dep]
    frames = lex.verb_frames.get(lemma) if tok.pos_ == "VERB" else ({"noun"} if lemma in lex.speech_nouns else None)
    feats += [f"x={frame}" for frame in sorted(frames)] if frames else ["x=none"]
    feats.append("bias")
    return feats

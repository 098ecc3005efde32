"""Meaning gates on the learned cue detector: the model scores a word's syntax, these say what it may report.

The model (:mod:`pipeline.quotes.learned`) learns how PolNeAR cues look, but a verb's object looks the same
whether it was said ("denied the allegations") or acted on ("attacked dozens of fighters"). So a report
survives only when its content is a clause, or its cue is a communication or stance word
(``data/learned_gates.yaml``) or a word whose object PolNeAR train mostly annotates as reported
(the model file's ``object_lemmas``, chosen by ``bench/train_cue_model.py``, less the verbs that
make or handle a thing: "published a report"); an infinitive of an
event verb ("failed to agree"), a cue inside such an infinitive ("failed to agree on a plan") and a
source that cannot speak (an aircraft, a book title) end it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from spacy.tokens import Token

from pipeline.lexicon.word_sets import load_word_sets
from pipeline.quotes.cue_features import Content

GATES_PATH = Path(__file__).parent / "data" / "learned_gates.yaml"
#: content kinds that are a proposition whatever the cue: a clause it governs or interrupts
_CLAUSES = frozenset({"clause", "around"})


@dataclass(frozen=True, slots=True)
class Gates:
    """The word lists of ``data/learned_gates.yaml``."""

    object_cues: frozenset[str]
    object_acts: frozenset[str]
    event_infinitive_cues: frozenset[str]
    event_heads: frozenset[str]
    inanimate_sources: frozenset[str]
    inanimate_entity_types: frozenset[str]

    def admits(self, tok: Token, source: Token, content: Content, object_lemmas: frozenset[str] = frozenset()) -> bool:
        """Whether a learned report on ``tok`` by ``source`` about ``content`` is one; ``object_lemmas``
        are cue words whose object the model's training found reported (the model file's list), on
        top of this file's."""
        if source.lemma_.lower() in self.inanimate_sources or source.ent_type_ in self.inanimate_entity_types:
            return False
        lemma = tok.lemma_.lower()
        if tok.dep_ in ("xcomp", "advcl") and tok.head.lemma_.lower() in self.event_heads \
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
            return False  # "failed to agree on a plan": what did or did not happen, not a position
        if content.kind in _CLAUSES:
            return True
        if content.kind == "infinitive":
            return lemma not in self.event_infinitive_cues
        return lemma in self.object_cues or lemma in object_lemmas and lemma not in self.object_acts


@cache
def load_gates(path: Path = GATES_PATH) -> Gates:
    """The shipped gates (read once)."""
    return load_word_sets(path, Gates)

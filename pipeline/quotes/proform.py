"""Pro-form reports: "55 percent said so", "the candidate said no", "three-quarters said the same of Sanders".

A speech or belief verb (``data/proforms.yaml``) with no reported clause whose object is a word standing
for one reports that word, with the phrase it governs ("the same *of Sanders*"). The content is short,
so the indirect pass's four-character floor does not apply to it (:func:`is_proform`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from spacy.tokens import Doc, Token

from pipeline.lexicon.word_sets import load_word_sets
from pipeline.quotes.model import INDIRECT, Attribution

PROFORMS_PATH = Path(__file__).parent / "data" / "proforms.yaml"
#: how the parser attaches a pro-form to its verb ("said so": advmod, "said yes": intj, "said that": dobj)
_DEPS = frozenset({"dobj", "advmod", "intj", "oprd"})
#: what may stand between the verb and the pro-form: its addressee ("told him so") or a particle
_BETWEEN = frozenset({"dobj", "dative", "prt", "neg"})


@dataclass(frozen=True, slots=True)
class ProformWords:
    """The lists of ``data/proforms.yaml``."""

    verbs: frozenset[str]
    words: frozenset[str]


@cache
def load_proforms(path: Path = PROFORMS_PATH) -> ProformWords:
    """The shipped lists (read once)."""
    return load_word_sets(path, ProformWords)


def proform_report(doc: Doc, verb: Token, speaker: Token) -> Attribution | None:
    """The report of ``verb`` when its content is a pro-form (module docstring); None otherwise."""
    words = load_proforms()
    if verb.lemma_.lower() not in words.verbs or any(c.dep_ in ("ccomp", "xcomp") for c in verb.children):
        return None
    after = [c for c in verb.children if c.i > verb.i and not c.is_punct]
    lead = next((k for k, c in enumerate(after) if c.dep_ not in _BETWEEN or c.lower_ in words.words), None)
    if lead is None or after[lead].lower_ not in words.words or after[lead].dep_ not in _DEPS:
        return None
    word = after[lead]
    if word.lower_ in ("that", "this") and word.i + 1 < len(doc) and not doc[word.i + 1].is_punct \
            and not any(c.dep_ == "prep" for c in word.children):
        return None  # "said that Trump …" misparsed: only a pro-form that ends the clause or governs "of …"
    start = word.left_edge.i
    end = word.right_edge.i + 1
    return Attribution(INDIRECT, (doc[start].idx, doc[end - 1].idx + len(doc[end - 1])), "indirect-object",
                       (verb.idx, verb.idx + len(verb)), verb.lemma_.lower(), speaker.i, verb.i)


def is_proform(doc: Doc, att: Attribution) -> bool:
    """Whether a report's content is a pro-form (``data/proforms.yaml``), which may be shorter than four characters."""
    span = doc.char_span(att.content[0], att.content[1])
    return span is not None and len(span) > 0 and span[-1].lower_ in load_proforms().words

"""Poll findings sourced by a phrase: "In a CNN poll, 50 percent chose Clinton", "Trump leads in the polls".

News reports a poll's result as a plain clause with the poll in a prepositional phrase, much as "according
to a poll": the clause is the finding, the poll its source. The phrase counts when it hangs on the clause's
verb or on that verb's object ("has a decisive lead in the polls"), not on its subject ("voters in the poll
said": the speech verb reports that). Words in ``data/polls.yaml``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from spacy.attrs import LOWER
from spacy.tokens import Doc, Token

from pipeline.lexicon import Lexicon
from pipeline.lexicon.ids import string_ids
from pipeline.lexicon.word_sets import load_word_sets
from pipeline.quotes.indirect import clause_around
from pipeline.quotes.model import INDIRECT, Attribution

POLLS_PATH = Path(__file__).parent / "data" / "polls.yaml"
#: how the noun a phrase hangs on may stand to the verb for the phrase to source the verb's clause
_OBJECT_DEPS = frozenset({"dobj", "attr", "npadvmod", "acomp", "advmod"})


@dataclass(frozen=True, slots=True)
class PollWords:
    """The lists of ``data/polls.yaml``."""

    nouns: frozenset[str]
    prepositions: frozenset[str]


@cache
def load_poll_words(path: Path = POLLS_PATH) -> PollWords:
    """The shipped lists (read once)."""
    return load_word_sets(path, PollWords)


def find_poll_reports(doc: Doc, lex: Lexicon) -> list[Attribution]:
    """A report for every poll phrase that sources a clause (module docstring)."""
    words = load_poll_words()
    preps = string_ids(words.prepositions)
    found = []
    for prep in (doc[i] for i, lower in enumerate(doc.to_array(LOWER).tolist()) if lower in preps):
        poll = next((c for c in prep.children if c.dep_ == "pobj" and c.lemma_.lower() in words.nouns
                     and _named(c)), None)
        verb = None if poll is None else _sourced_verb(prep, lex)
        if poll is None or verb is None:
            continue
        content = clause_around(doc, verb, prep)
        if content[1] - content[0] > 3:
            found.append(Attribution(INDIRECT, content, "indirect-according", (prep.idx, prep.idx + len(prep)),
                                     prep.lower_, poll.i, prep.i))
    return found


def _named(poll: Token) -> bool:
    """A poll the report names or dates ("a CNN poll", "the latest Post-ABC poll", "a poll released
    Monday"), not the polls in general ("leads in the polls": a standing, not one poll's finding)."""
    return any(c.dep_ in ("compound", "amod", "nmod", "poss", "acl") for c in poll.children)


def _sourced_verb(prep: Token, lex: Lexicon) -> Token | None:
    """The verb whose clause the phrase sources, if it hangs on the verb or the verb's object; a speech
    verb reports its clause itself."""
    head = prep.head
    if head.pos_ not in ("VERB", "AUX") and head.dep_ in _OBJECT_DEPS:
        head = head.head
    if head.pos_ not in ("VERB", "AUX") or head.lemma_.lower() in lex.verb_frames:
        return None
    has_subject = any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in head.children)
    return head if has_subject else None

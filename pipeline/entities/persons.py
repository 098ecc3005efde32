"""People the small model cuts short or calls organisations, put right from the article's own evidence.

The small model often tags a rare full name as an ``ORG`` ("Iga Swiatek", "Joko Widodo") or only
its surname ("Do Kwon" → "Kwon", "Saquon Barkley" → "Barkley" at a sentence start). Shape alone
cannot undo that, since many companies carry a person's name ("Charles Schwab"), so a full name
becomes a person only on evidence written around it: a person's title or role, an age in commas
("Rob Jetten, 38,"), or its surname tagged a person elsewhere in the article. A surname the model
tagged alone is widened over the untagged capitalised word the parse attaches to it as a compound,
when that word is no title, honorific or organisation word.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from pipeline.entities.names import PROPER_TAGS, person_shaped
from pipeline.entities.roles import titled
from pipeline.lexicon import Lexicon

_MISREAD = frozenset({"ORG", "GPE"})  # model labels a full name may wrongly carry
_MIN_AGE, _MAX_AGE = 14, 110


def is_person(span: Span, label: str, lexicon: Lexicon, lone_persons: frozenset[str]) -> bool:
    """Whether a person-shaped model ``ORG``/``GPE`` name is a person after all.

    ``lone_persons`` are the texts of the one-word names the model tagged ``PERSON`` in the article.
    """
    if label not in _MISREAD or not person_shaped(span, lexicon):
        return False
    return span[-1].text in lone_persons or _aged(span) or titled(span, lexicon.title_words)


def _aged(span: Span) -> bool:
    """An age between commas or brackets right after the name ("Rob Jetten, 38, said")."""
    doc, end = span.doc, span.end
    if end + 2 >= len(doc) or doc[end].text not in {",", "("} or doc[end + 2].text not in {",", ")"}:
        return False
    age = doc[end + 1].text
    return age.isdigit() and _MIN_AGE <= int(age) <= _MAX_AGE


def with_given_name(span: Span, lexicon: Lexicon) -> Span:
    """A one-word name widened over the untagged capitalised compound before it ("Do" before "Kwon")."""
    doc = span.doc
    if len(span) != 1 or span.start == 0 or not _given_name(doc[span.start - 1], span, lexicon):
        return span
    return doc[span.start - 1:span.end]


def _given_name(tok: Token, span: Span, lexicon: Lexicon) -> bool:
    word = tok.lower_.rstrip(".")
    honorific = any(word in words or tok.lower_ in words for words in lexicon.honorifics.values())
    return (not tok.ent_type_ and tok.tag_ in PROPER_TAGS and tok.is_title and tok.dep_ == "compound"
            and tok.head.i == span.start and not honorific and word not in lexicon.title_words
            and word not in lexicon.org_words and word not in lexicon.junk_words)

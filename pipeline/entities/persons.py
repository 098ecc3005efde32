"""People the small model cuts short or calls organisations, put right from the article's own evidence.

The small model often tags a rare full name as an ``ORG`` ("Iga Swiatek", "Joko Widodo") or only
its surname ("Do Kwon" → "Kwon", "Saquon Barkley" → "Barkley" at a sentence start). Shape alone
cannot undo that, since many companies carry a person's name ("Charles Schwab"), so a full name
becomes a person only on evidence written around it: a person's title or role, an age in commas
("Rob Jetten, 38,"), a kin noun ("the sons of Joaquin Guzman"), or its surname tagged a person
elsewhere in the article. A name the model cut short is widened over the untagged capitalised
words the parse makes part of it, when they are no title, honorific or organisation word.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from pipeline.entities.cues import load_cues
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
    return (span[-1].text in lone_persons or _aged(span) or _kin(span, load_cues(span.doc.lang_).kin_nouns)
            or titled(span, lexicon.title_words))


def _kin(span: Span, kin_nouns: frozenset[str]) -> bool:
    """Named as someone's kin ("the sons of Joaquin Guzman", "Guzman's widow", "his wife, Ana Ruiz")."""
    root = span.root
    head = root.head
    if root.dep_ == "pobj" and head.lower_ == "of":
        return head.head.lemma_.lower() in kin_nouns
    return root.dep_ in {"poss", "appos", "compound"} and head.lemma_.lower() in kin_nouns


def _aged(span: Span) -> bool:
    """An age between commas or brackets right after the name ("Rob Jetten, 38, said")."""
    doc, end = span.doc, span.end
    if end + 2 >= len(doc) or doc[end].text not in {",", "("} or doc[end + 2].text not in {",", ")"}:
        return False
    age = doc[end + 1].text
    return age.isdigit() and _MIN_AGE <= int(age) <= _MAX_AGE


def whole_name(span: Span, lexicon: Lexicon) -> Span:
    """A person's name widened over the untagged capitalised words the parse makes part of it: the
    compound before a one-word name ("Do" before "Kwon"), the head after a name that ends in a
    compound ("Yeol" after "Yoon Suk")."""
    doc, start, end = span.doc, span.start, span.end
    before = doc[start - 1] if start > 0 else None
    if len(span) == 1 and before is not None and before.head.i == start and _name_word(before, lexicon):
        start -= 1
    while end < len(doc) and doc[end - 1].dep_ == "compound" and doc[end - 1].head.i == end \
            and _name_word(doc[end], lexicon):
        end += 1
    return doc[start:end]


def _name_word(tok: Token, lexicon: Lexicon) -> bool:
    """An untagged capitalised proper noun that is no title, honorific or organisation word."""
    word = tok.lower_.rstrip(".")
    honorific = any(word in words or tok.lower_ in words for words in lexicon.honorifics.values())
    return (not tok.ent_type_ and tok.tag_ in PROPER_TAGS and tok.is_title and not honorific
            and word not in lexicon.title_words | lexicon.org_words | lexicon.junk_words)


def leader_split(span: Span, lexicon: Lexicon, lone_persons: frozenset[str]) -> tuple[Span, Span] | None:
    """An organisation the model ran into its leader's name ("Party for Freedom of Geert Wilders"):
    the body before the last "of" and the person after it, when the person's surname stands alone
    as a person elsewhere in the article. ``None`` when the span is one name."""
    ofs = [t.i for t in span if t.lower_ == "of"]
    if not ofs or ofs[-1] in (span.start, span.end - 1):
        return None
    body, person = span.doc[span.start: ofs[-1]], span.doc[ofs[-1] + 1: span.end]
    if not person_shaped(person, lexicon) or person[-1].text not in lone_persons:
        return None
    return body, person


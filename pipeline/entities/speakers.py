"""Names the model missed where news copy puts a speaker.

The small model drops many rare names ("Mikel Arteta insisted …", "analysts at Jefferies
said"), and a quote whose speaker is no entity cannot be attributed. The position itself is
evidence: a run of capitalised proper nouns (NNP/NNPS) that no entity covers is a name when it
is the subject of a speech verb, the object of "according to", the appositive of such a
subject ("the club's chief executive, Sarah Clarke, said"), or the employer of an unnamed
source ("analysts at Jefferies said").

Shape decides the label and filters look-alikes: a run holding an organisation word ("Group",
"Bank") is an ORG, and so is an employer; any other run of two to four words is a PERSON,
unless it reads as a common-noun phrase (a determiner or adjective: "the Founding Fathers",
"a Gallup Poll"), holds a title ("Managing Editor"), is quoted (a programme's name) or sits in
a title-case headline. A lone word in subject position stays unknown (a surname or a brand).
Speech verbs come from the lexicon the quote stage reads too (:mod:`pipeline.lexicon`), so both
stages agree on what a report is.
"""

from __future__ import annotations

from spacy.attrs import TAG
from spacy.strings import hash_string  # type: ignore[attr-defined]  # Cython, absent from the stub
from spacy.tokens import Doc, Span, Token

from pipeline.entities.names import PROPER_TAGS, person_shaped
from pipeline.lexicon import Lexicon
from pipeline.sections.entities import EntityLabel

_PROPER_IDS = frozenset(hash_string(tag) for tag in PROPER_TAGS)
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
#: prepositions that tie an unnamed source to its employer ("analysts at X", "officials from X")
_EMPLOYER_PREPS = frozenset({"at", "from"})
#: left dependents that make a proper-noun run a common-noun phrase, not a person's name
_PHRASE_DEPS = frozenset({"det", "amod", "nummod"})
_HEADLINE_SHARE = 0.7


def speaker_names(doc: Doc, covered: set[int], lexicon: Lexicon) -> list[tuple[Span, EntityLabel]]:
    """(span, label) for each proper-noun run in a speaker position that no token of ``covered`` is in."""
    found: list[tuple[Span, EntityLabel]] = []
    taken = set(covered)
    for i, tag in enumerate(doc.to_array(TAG).tolist()):
        if tag not in _PROPER_IDS or i in taken:
            continue
        tok = doc[i]
        if tok.dep_ in ("compound", "flat"):
            continue
        role = _speaker_role(tok, lexicon)
        span = None if role is None else _name_run(doc, tok, taken, lexicon)
        label = None if span is None else _label(span, role, lexicon)  # type: ignore[arg-type]
        if span is not None and label is not None:
            found.append((span, label))
            taken.update(range(span.start, span.end))
    return found


def _speaker_role(tok: Token, speech: Lexicon) -> str | None:
    """subject, according or employer when ``tok`` heads a noun phrase in a speaker position."""
    if tok.dep_ in _SUBJECTS and _is_speech_verb(tok.head, speech):
        return "subject"
    if tok.dep_ == "appos" and tok.head.dep_ in _SUBJECTS and _is_speech_verb(tok.head.head, speech):
        return "subject"
    if tok.dep_ != "pobj":
        return None
    prep = tok.head
    if prep.lower_ == "to" and prep.head.lower_ == "according":
        return "according"
    source = prep.head
    if (prep.lower_ in _EMPLOYER_PREPS and source.pos_ == "NOUN" and source.dep_ in _SUBJECTS
            and source.lemma_.lower() in speech.unnamed_source and _is_speech_verb(source.head, speech)):
        return "employer"
    return None


def _is_speech_verb(tok: Token, speech: Lexicon) -> bool:
    return tok.pos_ == "VERB" and speech.takes(tok.lemma_, "direct")


def _name_run(doc: Doc, head: Token, taken: set[int], lexicon: Lexicon) -> Span | None:
    """The name-shaped run of proper nouns ending at ``head``, leading titles dropped."""
    start = head.i
    leading = lexicon.title_words | lexicon.junk_words
    while start > 0 and _is_name_word(doc[start - 1]) and start <= doc[start - 1].head.i <= head.i:
        start -= 1
    while start < head.i and doc[start].lower_.rstrip(".") in leading:
        start += 1
    span = doc[start:head.i + 1]
    if (not all(_is_name_word(t) for t in span) or taken.intersection(range(span.start, span.end))
            or _quoted(doc, span, lexicon) or _in_headline(span)):
        return None
    return span


def _is_name_word(tok: Token) -> bool:
    """A capitalised proper noun, not an all-capitals dateline or acronym nor run-together words."""
    upper = sum(c.isupper() for c in tok.text)
    return (tok.tag_ in PROPER_TAGS and tok.text[:1].isupper() and upper <= 2 and not (tok.is_upper and len(tok) > 1)
            and any(c.isalpha() for c in tok.text))


def _quoted(doc: Doc, span: Span, lexicon: Lexicon) -> bool:
    """Inside quote marks: the name of a programme or a work ("Morning Joe")."""
    return span.start > 0 and doc[span.start - 1].text in lexicon.marks.quote_chars


def _in_headline(span: Span) -> bool:
    """In a line written in title case (a headline or a list item), where every word is capitalised."""
    words = [t for t in span.sent if t.is_alpha and len(t) > 3]
    return len(words) >= 4 and sum(t.text[0].isupper() for t in words) >= _HEADLINE_SHARE * len(words)


def _label(span: Span, role: str, lexicon: Lexicon) -> EntityLabel | None:
    """ORG, PERSON or None (not a name, or a lone word whose kind is unknown)."""
    if len(span) < 2 and role != "employer":
        return None
    if any(t.lower_ in lexicon.org_words for t in span) or role == "employer":
        return "ORG"
    phrase = any(c.dep_ in _PHRASE_DEPS for t in span for c in t.children if c.i < span.start)
    return "PERSON" if person_shaped(span, lexicon) and not phrase else None

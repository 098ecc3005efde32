"""Mentions: the model's and gazetteer's entities trimmed to names, junk dropped, repeats found.

Names the model missed in a speaker position are added from the parse (:mod:`.speakers`,
source ``syntax``) before repeats are looked for, so their later surnames join them. A full name
the model tagged ORG or GPE is a PERSON on the article's evidence, a surname it tagged alone
takes its given name back, and an organisation run into its leader's name is cut in two
(:mod:`.persons`).

Wire copy names someone in full once and then by surname; the small model
often tags the full name and misses a later bare surname or a repeated
company name. One sense per article: an untagged exact repeat of a name (or
of a person's surname) that stands alone (not inside a longer proper-name run;
a one-word repeat is not a month: "May" the month is not Theresa May) is
added as an ``alias`` mention.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.attrs import ORTH
from spacy.strings import hash_string  # type: ignore[attr-defined]  # Cython, absent from the stub
from spacy.tokens import Doc, Span, Token

from pipeline.entities.names import PROPER_TAGS, person_shaped
from pipeline.entities.persons import is_person, leader_split, whole_name
from pipeline.entities.roles import roles_of
from pipeline.entities.speakers import speaker_names
from pipeline.lexicon import Lexicon, name_key
from pipeline.sections.entities import EntityLabel, MentionSource, is_entity_label


#: labels whose names never end in a number ("Apple 1.8 billion" is Apple)
_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_NAME_POSSESSIVES = frozenset({"'s", "’s"})
#: connectors a model span may end in ("The Movement for Democracy of" is "Movement for Democracy")
_TRAILING_CONNECTORS = frozenset({"of", "and", "for", "the"})
#: tags after "'s" that show it ends a name, not a possessive: preposition, conjunction, modal, punctuation
_AFTER_OWN_POSSESSIVE = frozenset({"IN", "CC", "TO", "MD", "WDT", "WP", ",", ".", ":", "-RRB-", "HYPH"})


@dataclass(slots=True)
class Mention:
    """One mention, trimmed to the name itself."""

    span: Span
    label: EntityLabel
    kb_id: str
    source: MentionSource
    key: str = ""
    roles: list[Span] = field(default_factory=list)
    #: the label was settled by the context (a team, a company): it wins its cluster's vote
    decided: bool = False


def opens_line(doc: Doc, i: int) -> bool:
    """Whether token ``i`` opens a line: spaCy keeps a line break as a space token of its own."""
    return i == 0 or "\n" in doc[i - 1].text


def collect(doc: Doc, lexicon: Lexicon, artefacts: set[tuple[int, int]]) -> list[Mention]:
    """The entities of ``doc`` as mentions, plus untagged repeats of their names."""
    found: list[Mention] = []
    lone_persons = frozenset(e.text for e in doc.ents if e.label_ == "PERSON" and len(e) == 1)
    for ent in doc.ents:
        model_label = ent.label_
        if not is_entity_label(model_label):
            continue
        span = _trim(ent, lexicon)
        if span is None or (not ent.kb_id_ and _is_junk(span, lexicon)):
            continue
        source: MentionSource = ("artefact" if (ent.start, ent.end) in artefacts
                                 else "gazetteer" if ent.kb_id_ else "model")
        split = leader_split(span, lexicon, lone_persons) if model_label == "ORG" and not ent.kb_id_ else None
        if split is not None:
            found.append(_mention(split[0], "ORG", "", source, lexicon))
            found.append(_mention(split[1], "PERSON", "", source, lexicon))
            continue
        misread = source == "model" and is_person(span, model_label, lexicon, lone_persons)
        label: EntityLabel = "PERSON" if misread else model_label
        if source == "model" and label == "PERSON":
            span = whole_name(span, lexicon)
        found.append(_mention(span, label, ent.kb_id_, source, lexicon))
    covered = {i for m in found for i in range(m.span.start, m.span.end)}
    covered.update(i for ent in doc.ents for i in range(ent.start, ent.end))
    for span, label in speaker_names(doc, covered, lexicon):
        found.append(_mention(span, label, "", "syntax", lexicon))
        covered.update(range(span.start, span.end))
    found.extend(_repeats(doc, found, lexicon, covered))
    return sorted(found, key=lambda m: m.span.start)


def _mention(span: Span, label: EntityLabel, kb_id: str, source: MentionSource, lexicon: Lexicon) -> Mention:
    roles = roles_of(span, lexicon.title_words) if label == "PERSON" else []
    return Mention(span, label, kb_id, source, name_key(span.text), roles)


def _trim(ent: Span, lexicon: Lexicon) -> Span | None:
    """Drop a leading article or title, edge punctuation and line breaks, a possessive, a trailing
    amount or score and trailing lower-case words."""
    doc = ent.doc
    start, end = ent.start, ent.end
    drop_first = lexicon.title_words | lexicon.junk_words if ent.label_ == "PERSON" else {"the"}
    while start < end and (doc[start].is_punct or doc[start].is_space
                           or doc[start].lower_.rstrip(".") in drop_first and start + 1 < end
                           and not _article_of_place(ent, start)):
        start += 1  # a title goes, unless it is all there is ("Prince")
    if ent.label_ == "ORG" and end < len(doc) and _own_possessive(doc, end):
        end += 1  # "McDonald" before "'s in Altoona": the company is "McDonald's"
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space
                           or doc[end - 1].lower_ in _TRAILING_CONNECTORS
                           or doc[end - 1].tag_ == "POS" and not _own_possessive(doc, end - 1)
                           or ent.label_ in _NAME_LABELS and _amount_or_score(doc[end - 1])
                           or _common_word_after(ent, end - 1)):
        end -= 1
    return doc[start:end] if start < end else None


def _common_word_after(ent: Span, i: int) -> bool:
    """A lower-case word the model ran onto a name ("Anadolu news agency", "Hakkari province", "Lord's
    on"): names end in a capitalised word. A gazetteer name is kept whole, and so is a word joined by
    a hyphen ("Young-hyun")."""
    tok = ent.doc[i]
    return (not ent.kb_id_ and ent.label_ in _NAME_LABELS and i > ent.start and tok.is_lower and tok.is_alpha
            and bool(ent.doc[i - 1].whitespace_))


def _article_of_place(ent: Span, i: int) -> bool:
    """A capital "The" inside a sentence that opens a place's name ("in The Hague", "The Gambia")."""
    tok = ent.doc[i]
    return ent.label_ == "GPE" and tok.text == "The" and not tok.is_sent_start


def _own_possessive(doc: Doc, i: int) -> bool:
    """Token ``i`` is an "'s" that belongs to a company's name ("McDonald's said", "at Sainsbury's
    in Leeds"), not a possessive: no noun phrase follows it, only a verb, a preposition or punctuation."""
    if doc[i].tag_ != "POS" or doc[i].lower_ not in _NAME_POSSESSIVES:
        return False
    if i == 0 or not doc[i - 1].text[:1].isupper():
        return False
    after = doc[i + 1] if i + 1 < len(doc) else None
    return after is None or after.tag_ in _AFTER_OWN_POSSESSIVE or (
        after.tag_.startswith("VB") and after.tag_ not in ("VBG", "VBN"))


def _amount_or_score(tok: Token) -> bool:
    """A number, or a score written as one token ("2-1" in "Bayern Munich 2-1")."""
    return tok.like_num or tok.text.replace("-", "").isdigit()


def _is_junk(span: Span, lexicon: Lexicon) -> bool:
    """No capital letter ("al-al"), or nothing but particles and titles."""
    if not any(c.isupper() for c in span.text):
        return True
    words = [t.lower_ for t in span if t.is_alpha]
    return all(w in lexicon.junk_words or w in lexicon.name_particles for w in words)


def _repeats(doc: Doc, found: list[Mention], lexicon: Lexicon, covered: set[int]) -> list[Mention]:
    """Untagged stand-alone occurrences of names (and PERSON surnames) already found.

    A person's given name alone refers to them too ("Tedros said", "Bernie"), when it is tagged
    a proper noun and is no one else's name or surname.

    ``covered`` (tokens already in a mention) is extended with the repeats added."""
    names: dict[tuple[str, ...], Mention] = {}
    surnames: dict[str, set[str]] = {}
    for m in found:
        if m.source == "artefact":
            continue
        names.setdefault(tuple(t.text for t in m.span), m)
        alpha = [t for t in m.span if t.is_alpha]
        if m.label == "PERSON" and len(alpha) >= 2:
            surnames.setdefault(alpha[-1].text, set()).add(m.kb_id or m.key)
    given: dict[str, set[str]] = {}
    for m in found:
        if m.label == "PERSON" and person_shaped(m.span, lexicon) and m.span[0].is_alpha:
            given.setdefault(m.span[0].text, set()).add(m.kb_id or m.key)
    given_only = {(g,) for g in given if g not in surnames}
    for short, owners in [*surnames.items(), *((g, given[g]) for (g,) in given_only)]:
        if len(owners) == 1:
            person = next(m for m in found if m.label == "PERSON" and (m.kb_id or m.key) in owners)
            names.setdefault((short,), person)
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for words in sorted(names, key=len, reverse=True):
        by_first.setdefault(words[0], []).append(words)
    added: list[Mention] = []
    first_ids = {hash_string(first): options for first, options in by_first.items()}
    for i, orth in enumerate(doc.to_array(ORTH).tolist()):
        if orth not in first_ids:
            continue
        tok = doc[i]
        for words in first_ids[orth]:
            start, end = tok.i, tok.i + len(words)
            if (end <= len(doc) and tuple(t.text for t in doc[start:end]) == words
                    and not covered.intersection(range(start, end)) and _stands_alone(doc, start, end)
                    and (len(words) > 1 or _may_be_name(tok, lexicon))
                    and (words not in given_only or tok.tag_ in PROPER_TAGS)):  # "Will", "Mark" may be words
                src = names[words]
                added.append(_mention(doc[start:end], src.label, src.kb_id, "alias", lexicon))
                covered.update(range(start, end))
                break
    return added


def _may_be_name(tok: Token, lexicon: Lexicon) -> bool:
    """A one-word repeat is not a month ("in May" is not Theresa May).

    The tag is no guide: the small model tags rare surnames opening a sentence
    as common nouns ("Cavusoglu in turn said"), and those repeats matter most.
    """
    return tok.lower_ not in lexicon.dateline_months


def _stands_alone(doc: Doc, start: int, end: int) -> bool:
    """Not part of a longer run of proper nouns ("Washington" in "Washington Post")."""
    before = doc[start - 1] if start > 0 else None
    after = doc[end] if end < len(doc) else None
    return not any(t is not None and t.tag_ in PROPER_TAGS and t.is_title for t in (before, after))

"""Titles and roles written next to a person's name ("Syrian President", "Kremlin spokesman").

Two shapes cover most wire copy: a premodifier run ending at the name
("the President's press Secretary Dmitry Peskov") and an appositive after it
("Dmitry Peskov, the Kremlin spokesman, said"). A run counts as a role only
when it holds a word from the lexicon's ``title_words``. Once an article has
introduced a person by a role of two words or more, a later "the Kremlin
spokesman" is a mention of that person (:func:`role_mentions`), provided no
one else in the article holds the same role.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.attrs import LOWER
from spacy.strings import hash_string  # type: ignore[attr-defined]  # Cython, absent from the stub
from spacy.tokens import Doc, Span, Token

_PREMODIFIER_TAGS = frozenset({"NNP", "NNPS", "NN", "JJ", "POS", "HYPH"})
_APPOSITIVE_MAX = 8
_CLAUSE_ENDS = frozenset({",", ".", ";", "(", ")"})


def roles_of(ent: Span, title_words: frozenset[str]) -> list[Span]:
    """Roles written around the PERSON mention ``ent``."""
    found = [_premodifier(ent, title_words), _appositive(ent, title_words)]
    return [r for r in found if r is not None]


def titled(ent: Span, title_words: frozenset[str]) -> bool:
    """Whether ``ent`` is written with a person's title: a role around it (:func:`roles_of`), or a
    title phrase it is apposed to ("the WHO's regional director for Africa, Matshidiso Moeti, said")."""
    return _apposed_to_title(ent, title_words) or bool(roles_of(ent, title_words))


def _apposed_to_title(ent: Span, title_words: frozenset[str]) -> bool:
    """A title phrase between commas right before the name, with no verb in it."""
    doc = ent.doc
    if ent.start < 2 or doc[ent.start - 1].text != ",":
        return False
    start = ent.start - 1
    while start > 0 and ent.start - start <= _APPOSITIVE_MAX + 2 and doc[start - 1].text not in _CLAUSE_ENDS \
            and "\n" not in doc[start - 1].text:
        start -= 1
        if doc[start].pos_ in {"VERB", "AUX"} or doc[start].ent_type_ == "PERSON":
            return False
    return any(t.pos_ == "NOUN" and _is_title(t, title_words) for t in doc[start:ent.start - 1])


def role_mentions(doc: Doc, holders: Sequence[Sequence[Span]], taken: set[int]) -> list[tuple[int, Span]]:
    """(holder index, span) for each later "the <role>" naming a person by a role seen earlier.

    ``holders[k]`` are the role spans of person ``k``; tokens in ``taken`` are
    already person mentions (an organisation inside the role, "Kremlin", stays).
    Roles of one word ("President") are too common to follow.
    """
    owners: dict[tuple[str, ...], set[int]] = {}
    for k, roles in enumerate(holders):
        for role in roles:
            words = tuple(t.lower_ for t in role)
            if len(words) >= 2:
                owners.setdefault(words, set()).add(k)
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for words, ks in owners.items():
        if len(ks) == 1:
            by_first.setdefault(words[0], []).append(words)
    found: list[tuple[int, Span]] = []
    the = hash_string("the")
    first_ids = {hash_string(first): options for first, options in by_first.items()}
    lowers = doc.to_array(LOWER).tolist()
    for i in range(1, len(doc)):
        if lowers[i - 1] != the or lowers[i] not in first_ids:
            continue
        tok = doc[i]
        for words in first_ids[lowers[i]]:
            end = tok.i + len(words)
            span = doc[tok.i:end]
            if end <= len(doc) and tuple(t.lower_ for t in span) == words \
                    and not taken.intersection(range(tok.i, end)) \
                    and (end == len(doc) or doc[end].ent_type_ != "PERSON"):
                found.append((next(iter(owners[words])), span))
                taken.update(range(tok.i, end))
                break
    return found


def _is_title(tok: Token, title_words: frozenset[str]) -> bool:
    return tok.lower_ in title_words or tok.lemma_.lower() in title_words


def _premodifier(ent: Span, title_words: frozenset[str]) -> Span | None:
    doc = ent.doc
    start = ent.start
    while start > 0:
        tok = doc[start - 1]
        if tok.ent_type_ == "PERSON" or tok.is_punct and tok.tag_ != "HYPH":
            break
        if not (_is_title(tok, title_words) or tok.tag_ in _PREMODIFIER_TAGS):
            break
        start -= 1
    while start < ent.start and not _is_title(doc[start], title_words) and doc[start].tag_ == "POS":
        start += 1
    run = doc[start:ent.start]
    if not any(_is_title(t, title_words) for t in run):
        return None
    return run


def _appositive(ent: Span, title_words: frozenset[str]) -> Span | None:
    doc = ent.doc
    if ent.end >= len(doc) or doc[ent.end].text != ",":
        return None
    end = ent.end + 1
    while end < len(doc) and end - ent.end <= _APPOSITIVE_MAX and doc[end].text not in _CLAUSE_ENDS:
        if doc[end].pos_ in {"VERB", "AUX"} or doc[end].ent_type_ == "PERSON":
            return None
        end += 1
    if end >= len(doc) or doc[end].text not in {",", "."}:
        return None
    run = doc[ent.end + 1:end]
    if run and run[0].lower_ in {"the", "a", "an"}:
        run = run[1:]
    if not run or not _is_title(run[-1], title_words):
        return None
    return run

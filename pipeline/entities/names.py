"""What a person's full name looks like, for the rules that correct the model's labels.

Two to four capitalised words ("Mikel Arteta", "W. Neil Eggleston"), none of them an
organisation word ("Group", "PAC") or a title ("Editor"), none written in capitals ("Indiana
GOP"). Shape alone does not make a person: callers add the evidence (a speaker position, a
title written around the name, a surname the article repeats).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from pipeline.lexicon import Lexicon

_MAX_WORDS = 4
#: Penn Treebank tags of proper nouns
PROPER_TAGS = frozenset({"NNP", "NNPS"})


def person_shaped(span: Span, lexicon: Lexicon) -> bool:
    """Whether ``span`` could be a person's full name (a hyphen joining two parts of a name, as the
    tokenizer splits "Hans-Peter", counts as no word)."""
    words = [t for t in span if not _joining_hyphen(t)]
    return 2 <= len(words) <= _MAX_WORDS and all(_name_word(t.text) for t in words) and not any(
        t.lower_ in lexicon.org_words or t.lower_.rstrip(".") in lexicon.title_words for t in words)


def _joining_hyphen(tok: Token) -> bool:
    doc = tok.doc
    return (tok.text == "-" and not tok.whitespace_ and 0 < tok.i < len(doc) - 1
            and not doc[tok.i - 1].whitespace_)


def _name_word(word: str) -> bool:
    """Capitalised, then lower case (hyphens, apostrophes and one inner capital allowed: "McDonald",
    "O'Neill", "Abdul-Mahdi"); or an initial ("W.")."""
    if len(word) == 2 and word[0].isupper() and word[1] == ".":
        return True
    letters = [c for c in word if c.isalpha()]
    return (word[:1].isupper() and len(letters) >= 2 and all(c.isalpha() or c in "-'’" for c in word)
            and sum(c.isupper() for c in letters) <= 2 and not word.isupper())


def initials(words: list[Token], skip: frozenset[str] | set[str]) -> str:
    """The acronym an organisation's name gives ("FAA" for "Federal Aviation Administration"):
    first letters of its capitalised words, connectors (``skip``: "of", "the") left out."""
    return "".join(t.text[0] for t in words if t.lower_ not in skip and not t.is_lower).upper()

"""Tokens for alias matching: case, dashes, quote marks and transliteration noise folded away.

Aliases and article text go through the same :func:`tokens`, so "jabhat al-al – Nusra"
and “Islamic state” meet "Jabhat al-Nusra" and "Islamic State" as equal token tuples.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import yaml

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*(?:/[^\W_]+)*")
_POSSESSIVE = re.compile(r"['’]s$")


class Token(NamedTuple):
    """A word of the original text with its folded form."""

    key: str
    start: int
    end: int


@lru_cache(maxsize=1)
def _variants() -> dict[str, str]:
    """variant → canonical token, from data/transliteration.yaml."""
    data = yaml.safe_load((Path(__file__).parent / "data" / "transliteration.yaml").read_text("utf-8"))
    return {variant: canon for canon, variants in data.items() for variant in variants}


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """The matching key of one word (cached: news vocabulary repeats)."""
    key = _POSSESSIVE.sub("", word.casefold().replace("’", "'"))
    return _variants().get(key, key)


def tokens(text: str) -> list[Token]:
    """Folded words with offsets; an immediate repeat ("al-al") is dropped."""
    out: list[Token] = []
    last = ""
    for m in _WORD.finditer(text):
        key = fold(m.group())
        if key != last:
            out.append(Token(key, m.start(), m.end()))
            last = key
    return out

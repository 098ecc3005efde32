"""Tokens for alias matching: case, accents, dashes, quote marks and transliteration noise folded away.

Aliases and article text go through the same :func:`tokens`, so "jabhat al-al – Nusra",
“Islamic state” and "François" meet "Jabhat al-Nusra", "Islamic State" and "Francois"
as equal keys. Arabic articles ("al", "el-", "ash-") are *particles*: kept as tokens
(the fuzzy pass compares whole names) but left out of the exact keys.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import yaml

DATA_DIR = Path(__file__).parent / "data"
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*(?:/[^\W_]+)*")
_POSSESSIVE = re.compile(r"['’]s$")


class Token(NamedTuple):
    """A word of the original text with its folded form; ``particle`` words are optional in names."""

    key: str
    start: int
    end: int
    particle: bool


@lru_cache(maxsize=1)
def _variants() -> dict[str, str]:
    """variant → canonical token, from data/transliteration.yaml."""
    data = yaml.safe_load((DATA_DIR / "transliteration.yaml").read_text("utf-8"))
    return {_plain(variant): canon for canon, variants in data.items() for variant in variants}


@lru_cache(maxsize=1)
def particles() -> frozenset[str]:
    """Canonical tokens that are optional inside a name (data/particles.yaml)."""
    return frozenset(yaml.safe_load((DATA_DIR / "particles.yaml").read_text("utf-8")))


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """The matching key of one word (cached: news vocabulary repeats)."""
    key = _POSSESSIVE.sub("", _plain(word.casefold().replace("’", "'")))
    return _variants().get(key, key)


def _plain(word: str) -> str:
    """Accents removed: "françois" → "francois"."""
    if word.isascii():
        return word
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def tokens(text: str) -> list[Token]:
    """Folded words with offsets; an immediate repeat ("al-al") is dropped."""
    out: list[Token] = []
    last = ""
    optional = particles()
    for m in _WORD.finditer(text):
        key = fold(m.group())
        if key != last:
            out.append(Token(key, m.start(), m.end(), key in optional))
            last = key
    return out


def without_possessive(text: str, end: int) -> int:
    """``end`` moved before a closing "'s" ("Hamas's" → "Hamas")."""
    return end - 2 if text[end - 2:end] in ("'s", "’s") else end

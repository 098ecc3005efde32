"""Comparison keys: one fold for every stage, and the name key built on it."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from pipeline.lexicon.files import DEFAULT_LANGUAGE
from pipeline.lexicon.loader import load_lexicon


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Accent-folded lower case: "François" and "Francois" are one key (cached: news vocabulary repeats)."""
    if text.isascii():
        return text.lower()  # most tokens: nothing to fold
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).lower()


def name_key(text: str, language: str = DEFAULT_LANGUAGE) -> str:
    """A name's comparison key: folded, the language's name fillers (dashes, quote marks) dropped,
    spaces collapsed: "jabhat al-al – Nusra" → "jabhat al al nusra"."""
    plain = fold(text)
    for ch in load_lexicon(language).name_fillers:
        plain = plain.replace(ch, " ")
    return " ".join(plain.split())

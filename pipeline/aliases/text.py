"""Tokens for alias matching: case, accents, dashes, quote marks and transliteration noise folded away.

Aliases and article text go through the same :func:`tokens`, so "jabhat al-al – Nusra",
“Islamic state” and "François" meet "Jabhat al-Nusra", "Islamic State" and "Francois"
as equal keys. Arabic articles ("al", "el-", "ash-") are *particles*: kept as tokens
(the fuzzy pass compares whole names) but left out of the exact keys.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import yaml

from pipeline.lexicon import fold

DATA_DIR = Path(__file__).parent / "data"
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*(?:/[^\W_]+)*")
_POSSESSIVE = re.compile(r"['’]s$")
_CACHE_SIZE = 200_000  # distinct words whose key is remembered (news vocabulary repeats)
_FOLDED: dict[str, str] = {}


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
    return {fold(variant): canon for canon, variants in data.items() for variant in variants}


@lru_cache(maxsize=1)
def particles() -> frozenset[str]:
    """Canonical tokens that are optional inside a name (data/particles.yaml)."""
    return frozenset(yaml.safe_load((DATA_DIR / "particles.yaml").read_text("utf-8")))


@lru_cache(maxsize=65536)
def alias_key(word: str) -> str:
    """The matching key of one word: the shared fold, then the possessive and transliteration variants
    (cached: news vocabulary repeats)."""
    key = _POSSESSIVE.sub("", fold(word.casefold().replace("’", "'")))
    return _variants().get(key, key)


class Words(NamedTuple):
    """An article's folded words as parallel lists (the scan's hot path builds no per-word objects)."""

    keys: list[str]
    starts: list[int]
    ends: list[int]


#: a word → its matching key; the default is :func:`alias_key` (English copy and its transliterations)
WordKey = Callable[[str], str]


def words(text: str, word_key: WordKey | None = None) -> Words:
    """Folded words with offsets; an immediate repeat ("al-al") is dropped.

    ``word_key`` replaces the default key for a language whose names inflect
    (:func:`russian_key`: "Исламского государства" and "Исламское государство" meet).
    """
    found = _WORD.findall(text)
    if word_key is None:
        cache = _FOLDED
        keys = [cache.get(w) or _fold_new(w) for w in found]
    else:
        keys = [word_key(w) for w in found]
    spans = [m.span() for m in _WORD.finditer(text)]
    keep = [i for i in range(1, len(keys)) if keys[i] != keys[i - 1]]
    if len(keep) + 1 < len(keys):  # a repeat to drop
        keep.insert(0, 0)
        keys = [keys[i] for i in keep]
        spans = [spans[i] for i in keep]
    starts = [s for s, _ in spans]
    ends = [e for _, e in spans]
    return Words(keys, starts, ends)


def _fold_new(word: str) -> str:
    key = alias_key(word)
    if len(_FOLDED) < _CACHE_SIZE:
        _FOLDED[word] = key
    return key


def tokens(text: str, word_key: WordKey | None = None) -> list[Token]:
    """Folded words with offsets as :class:`Token` s; an immediate repeat ("al-al") is dropped."""
    optional = particles()
    found = words(text, word_key)
    return [Token(k, s, e, k in optional) for k, s, e in zip(*found, strict=True)]


def without_possessive(text: str, end: int) -> int:
    """``end`` moved before a closing "'s" ("Hamas's" → "Hamas")."""
    return end - 2 if text[end - 2:end] in ("'s", "’s") else end


@lru_cache(maxsize=1)
def _russian_endings() -> tuple[int, tuple[str, ...]]:
    """(shortest stem kept, inflectional endings longest first) from data/russian_endings.yaml."""
    data = yaml.safe_load((DATA_DIR / "russian_endings.yaml").read_text("utf-8"))
    return int(data["min_stem"]), tuple(sorted(data["endings"], key=len, reverse=True))


@lru_cache(maxsize=65536)
def russian_key(word: str) -> str:
    """The matching key of a Russian word: folded (ё = е), its inflectional ending cut, so the cases
    of a name meet ("Иеговы", "Иегова" → "иегов"; "Исламского", "Исламское" → "исламск"). Latin
    words keep the default key."""
    key = alias_key(word)
    if not any("а" <= c <= "я" for c in key):
        return key
    min_stem, endings = _russian_endings()
    for ending in endings:
        if key.endswith(ending) and len(key) - len(ending) >= min_stem:
            return key[:-len(ending)]
    return key

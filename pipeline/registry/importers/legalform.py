"""A company's core name: its listed name without the legal form ("PJSC Promsvyazbank" → "Promsvyazbank").

The official lists name companies by their legal names ("Public Joint Stock Company
Promsvyazbank", "PROMSVYAZBANK PUBLIC JOINT STOCK COMPANY", "ПАО Промсвязьбанк"), wire copy
by the name alone. The forms are data (``data/legal_forms.yaml``); the core joins one
company's entries across lists (:mod:`crosslist`) and, when it is distinctive
(:func:`distinctive_core`), is looked for in text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

import yaml
from english_words import get_english_words_set

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
MIN_CORE_WORD = 8  # a one-word core shorter than this ("Rossiya", "Moskva") is not looked for in text
MIN_PLAIN_WORDS = 3  # a core of dictionary words only is looked for with at least this many words
_WORD = re.compile(r"[^\W_]+")
_INFLECTIONS = (("ies", ("y",)), ("es", ("",)), ("s", ("",)), ("ing", ("", "e")), ("ed", ("", "e")))
# quote marks around a name or a word, never an apostrophe inside one ("Qa'ida")
_QUOTES = re.compile(r"[«»“”„\"‚]|(?<!\w)['’‘]|['’‘](?!\w)")


@lru_cache(maxsize=1)
def _forms() -> tuple[tuple[str, ...], ...]:
    """The legal forms as folded word tuples, longest first."""
    data = yaml.safe_load((DATA_DIR / "legal_forms.yaml").read_text("utf-8"))
    forms = {tuple(w.casefold() for w in _WORD.findall(form)) for form in data["forms"]}
    return tuple(sorted(forms, key=lambda form: (-len(form), form)))  # longest first, then a fixed order


@lru_cache(maxsize=1)
def _cyrillic() -> dict[int, str]:
    data = yaml.safe_load((DATA_DIR / "cyrillic_latin.yaml").read_text("utf-8"))
    return {ord(c): latin for c, latin in data.items()}


def unquoted(name: str) -> str:
    """``name`` without quote marks, spaces collapsed (the EU's "ПАО Промсвязьбанк\"\"")."""
    return " ".join(_QUOTES.sub(" ", name).split())


def core_name(name: str) -> str | None:
    """The name without legal forms at either end, or None when it has none (or is only a form).

    A form counts only as a word of its own: "Co-operative Bank" keeps its "Co".
    """
    text = unquoted(name)
    spans = [m.span() for m in _WORD.finditer(text)]
    keys = tuple(text[s:e].casefold() for s, e in spans)
    lo, hi = 0, len(spans)
    while (cut := _cut(text, spans, keys, lo, hi)) is not None:
        lo, hi = cut
    if (lo, hi) == (0, len(spans)) or keys[lo:hi] in _forms():  # no form, or forms only ("PTE OOO")
        return None
    core = text[spans[lo][0]:spans[hi - 1][1]]
    # a form cut inside brackets leaves half of them: "… (VNIIRT JSC)" has no core
    return core if core.count("(") == core.count(")") else None


def _cut(text: str, spans: list[tuple[int, int]], keys: tuple[str, ...],
         lo: int, hi: int) -> tuple[int, int] | None:
    """The words ``lo:hi`` with one more form cut at the start or the end, or None."""
    for form in _forms():
        n = len(form)
        if hi - lo <= n:
            continue
        if keys[lo:lo + n] == form and _apart(text[spans[lo + n - 1][1]:spans[lo + n][0]]):
            return lo + n, hi
        if keys[hi - n:hi] == form and _apart(text[spans[hi - n - 1][1]:spans[hi - n][0]]):
            return lo, hi - n
    return None


def _apart(gap: str) -> bool:
    """Whether the text between two words separates them (a hyphen or an apostrophe does not)."""
    return any(c.isspace() or c in ",;:()/" for c in gap)


def latin(text: str) -> str:
    """``text`` with Russian Cyrillic letters written in Latin ones (for joining lists, not for text)."""
    lowered = "".join(c.lower() if "А" <= c <= "я" or c in "Ёё" else c for c in text)
    return lowered.translate(_cyrillic())


@lru_cache(maxsize=1)
def _dictionary() -> frozenset[str]:
    """English words (Webster's Second, lower case): what a core made of them may mean in plain prose."""
    return frozenset(get_english_words_set(["web2"], lower=True, alpha=True))


def dictionary_word(word: str) -> bool:
    """``word`` or a stem of it is an English dictionary word: "Progress", "Industries", "Monitoring"."""
    words = _dictionary()
    w = word.casefold()
    return any(stem in words for stem in _stems(w))


def _stems(word: str) -> list[str]:
    """The word and what it may be inflected from (plural, -ing, -ed)."""
    stems = [word]
    for ending, replacements in _INFLECTIONS:
        if word.endswith(ending) and len(word) > len(ending) + 2:
            stems += [word[:-len(ending)] + r for r in replacements]
    return stems


def distinctive_core(words: list[str], generic: Callable[[str], bool], one_word: bool = False,
                     alone: bool = False) -> bool:
    """Whether a core of these content words (connectors left out) may be looked for in text.

    Written as ``one_word`` (perhaps hyphenated: "Almaz-Antey"): ``alone`` (the caller's evidence
    that it stands for the company), long, and not of dictionary words only ("Promsvyazbank", not
    "Progress" or "Rossiya");
    several: a word that is not ``generic``, and a word that is not in the dictionary or enough
    words to make a phrase of its own ("United Aircraft Corporation", not "Sea Breeze").
    """
    if all(generic(w) for w in words):
        return False
    if one_word or len(words) == 1:
        return alone and len("".join(words)) >= MIN_CORE_WORD and not all(dictionary_word(w) for w in words)
    return len(words) >= MIN_PLAIN_WORDS or any(not dictionary_word(w) for w in words)

"""Word lists as spaCy string ids, so a rule can test a token's lemma or a Doc's array without strings."""

from __future__ import annotations

from functools import cache

from spacy.strings import hash_string  # type: ignore[attr-defined]  # Cython, absent from the stub


@cache
def string_ids(words: frozenset[str]) -> frozenset[int]:
    """spaCy's hashes of ``words`` (computed once per list)."""
    return frozenset(hash_string(w) for w in words)

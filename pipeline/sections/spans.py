"""A character range of the record's ``text``, the unit every section points with."""

from __future__ import annotations

import msgspec


class Span(msgspec.Struct, kw_only=True):
    """``text[start:end]`` of the record's cleaned text (Python str indices, end exclusive)."""

    start: int
    end: int
    text: str

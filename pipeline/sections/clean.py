"""The clean section: structure, language, dateline and the map back to the original body."""

from __future__ import annotations

from typing import Literal

import msgspec

ParagraphKind = Literal["text", "heading", "list_item", "blockquote", "pre"]
QuoteFamily = Literal["curly", "guillemets", "low9", "straight"]


class Paragraph(msgspec.Struct, kw_only=True):
    """A block of the cleaned text and what it was in the source (HTML element kind)."""

    start: int
    end: int
    kind: ParagraphKind


class Language(msgspec.Struct, kw_only=True):
    """The article's language: the code used, and what was declared and detected."""

    code: str
    confidence: float | None
    declared: str | None
    detected: str | None


class Dateline(msgspec.Struct, kw_only=True):
    """The cut dateline ("MOSCOW, October 8. /TASS/.") with its place, date and agency."""

    text: str
    place: str
    date: str | None
    agency: str | None
    orig_start: int
    orig_end: int


class Removed(msgspec.Struct, kw_only=True):
    """A piece of the original body the clean stage cut (byline, boilerplate), where it was."""

    kind: str
    text: str
    orig_start: int
    orig_end: int


class OffsetSegments(msgspec.Struct, kw_only=True):
    """Run-length map from cleaned-text offsets to original-body offsets."""

    orig_length: int
    segments: list[tuple[int, int, int, int]]


class Clean(msgspec.Struct, kw_only=True):
    """What the clean stage did to the body, so every offset can be traced back."""

    content_type: Literal["text/plain", "text/html"]
    paragraphs: list[Paragraph]
    language: Language
    dateline: Dateline | None
    byline: str | None
    removed: list[Removed]
    html_removed: dict[str, int]
    quote_marks: list[QuoteFamily]
    offset_map: OffsetSegments

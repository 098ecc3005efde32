"""Structure of normalised text: paragraphs, and what to cut from it as metadata.

The headline repeated as the first paragraph, a byline, the dateline and boilerplate
paragraphs are decided here on the normalised text; the stage applies the cuts as
one more offset-mapped edit, so every cut keeps its place in the original body.
"""

from __future__ import annotations

import re
from typing import Any

from pipeline.sections.clean import ParagraphKind
from pipeline.text.boilerplate import boilerplate_kind, byline_name
from pipeline.text.dateline import Dateline, find_dateline, published_date
from pipeline.text.offsets import Edit

_PARAGRAPH_BREAK = re.compile(r"\n\n")
_HEADING_END = frozenset(".!?:;,”’\"')…")
_MAX_HEADING_CHARS = 100


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each paragraph of normalised text (paragraphs end at ``"\\n\\n"``)."""
    spans, start = [], 0
    for m in _PARAGRAPH_BREAK.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    if start < len(text) or not spans and text:
        spans.append((start, len(text)))
    return spans


class Structure:
    """Removals decided on the normalised text: what goes, why, and the dateline/byline found."""

    def __init__(self) -> None:
        self.cuts: list[tuple[int, int]] = []
        self.removed: list[dict[str, Any]] = []
        self.dateline: Dateline | None = None
        self.dateline_span: tuple[int, int] | None = None
        self.byline: str | None = None

    def cut_paragraph(self, spans: list[tuple[int, int]], k: int, kind: str | None, text: str) -> None:
        """Cut paragraph ``k`` with one of its separators; report it unless ``kind`` is None."""
        start, end = spans[k]
        if k + 1 < len(spans):
            self.cuts.append((start, spans[k + 1][0]))
        elif k > 0:
            self.cuts.append((spans[k - 1][1], end))
        else:
            self.cuts.append((start, end))
        if kind is not None:
            self.removed.append({"kind": kind, "text": text[start:end], "span": (start, end)})


def find_structure(text: str, spans: list[tuple[int, int]], title: str, published: str) -> Structure:
    """Decide the repeated headline, byline, dateline and boilerplate paragraphs to cut."""
    found = Structure()
    first = 0
    folded_title = title.casefold()
    if spans and folded_title and text[slice(*spans[0])].casefold() == folded_title:
        found.cut_paragraph(spans, 0, "title", text)
        first = 1
    for k in range(first, min(first + 2, len(spans))):
        if (name := byline_name(text[slice(*spans[k])])) is not None:
            found.byline = name
            found.cut_paragraph(spans, k, "byline", text)
            first = k + 1 if k == first else first
            break
    if first < len(spans):
        start, end = spans[first]
        dateline = find_dateline(text[start:end], published_date(published))
        if dateline is not None:
            found.dateline = dateline
            found.dateline_span = (start, start + len(dateline.text))
            if start + dateline.end >= end:
                found.cut_paragraph(spans, first, None, text)
            else:
                found.cuts.append((start, start + dateline.end))
    in_tail = True
    for k in range(len(spans) - 1, first, -1):
        kind = boilerplate_kind(text[slice(*spans[k])], in_tail)
        in_tail = in_tail and kind is not None
        if kind is not None:
            found.cut_paragraph(spans, k, kind, text)
    return found


def cut_edits(cuts: list[tuple[int, int]], text: str) -> list[Edit]:
    """Cuts as sorted deletions; a cut reaching the end also takes the break before it."""
    edits: list[Edit] = []
    for start, end in sorted(cuts):
        if edits and start <= edits[-1][1]:
            edits[-1] = (edits[-1][0], max(end, edits[-1][1]), "")
        else:
            edits.append((start, end, ""))
    if edits and edits[-1][1] == len(text) and text.endswith("\n\n", 0, edits[-1][0]):
        edits[-1] = (edits[-1][0] - 2, len(text), "")
    return edits


def paragraph_kind(paragraph: str, single: bool) -> ParagraphKind:
    """Plain-text paragraph kind: a short line without final punctuation is a subheading."""
    if (paragraph and not single and len(paragraph) <= _MAX_HEADING_CHARS
            and paragraph[-1] not in _HEADING_END and paragraph[0].isupper()):
        return "heading"
    return "text"

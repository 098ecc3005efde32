"""Where the quote stage's paragraphs break: at every line break.

The clean stage leaves a blank line between paragraphs and keeps a single line break only where
the source broke a line inside a block (an HTML ``<br>``: one transcript turn, one quotation or one
item per line); copy that skips the clean stage puts one paragraph, turn or quotation per line as
often. A report, a quotation or a speaker never runs over either, so every pass of the quote stage
asks this module, and no other rule, where a paragraph ends.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

#: a run of blanks holding at least one line break: one paragraph break
_BREAK = re.compile(r"[^\S\n]*\n\s*")


def is_break(chars: str) -> bool:
    """Whether the characters ``chars`` hold a paragraph break."""
    return "\n" in chars


def break_count(chars: str) -> int:
    """How many paragraph breaks ``chars`` crosses (a blank line between two is one)."""
    return len(_BREAK.findall(chars))


def breaks_at(tok: Token) -> bool:
    """Whether ``tok`` is (or ends with) a paragraph break: spaCy keeps a line break as a space token."""
    return is_break(tok.text_with_ws)


def paragraph_chars(text: str, pos: int) -> tuple[int, int]:
    """Character bounds of the paragraph holding offset ``pos``, without its line breaks."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


def paragraph_start(tok: Token, floor: int = 0) -> int:
    """Index of the first token of ``tok``'s paragraph, searched back no further than ``floor``."""
    doc = tok.doc
    for i in range(tok.i - 1, floor - 1, -1):
        if breaks_at(doc[i]):
            return i + 1
    return floor


def paragraph_tokens(doc: Doc, tok: Token) -> tuple[int, int]:
    """Token bounds ``[start, end)`` of ``tok``'s paragraph, its line breaks left out."""
    end = tok.i + 1
    while end < len(doc) and not breaks_at(doc[end]):
        end += 1
    return paragraph_start(tok), end


def within_paragraph(start: int, end: int, cue: Token) -> tuple[int, int]:
    """Token bounds ``[start, end)`` cut to the paragraph of ``cue``: a report's content never leaves
    its cue's paragraph (the parser runs sentences over paragraph breaks and joins a headline on)."""
    doc = cue.doc
    lo = max((k + 1 for k in range(start, min(cue.i, end)) if breaks_at(doc[k])), default=start)
    hi = next((k + 1 for k in range(max(cue.i, start), end) if breaks_at(doc[k])), end)
    return lo, hi

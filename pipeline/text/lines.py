"""Single line breaks of plain text: which end a paragraph and which only wrap a line.

In plain text with blank lines between paragraphs, a single line break is usually a hard
wrap, and the clean stage joins the lines. But copy also puts one quotation, one
transcript turn ("NAME: words") or one list item per line, and the quote stage reads
paragraphs: joined, a speaker's line runs into the next speaker's. So a break stays a
paragraph break when the next line is a list item or a turn, or when the line before
can end a paragraph (a sentence end, a whole quotation, a heading, an item) and the next
line can start one; in hard-wrapped text (lines no longer than a wrap width, found from
the text) only if the next line's first word would have fitted on the line before, which
a wrapping program would have done. The line openings are data (``data/line_starts.txt``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pipeline.lexicon import read_lines
from pipeline.text import DATA_DIR
from pipeline.text.marks import CLOSE_DOUBLE, CLOSE_SINGLE, OPEN_DOUBLE, OPEN_SINGLE

#: the widest wrap width hard-wrapped copy uses (mail and wire terminals wrap at 65 to 80)
MAX_WRAP_WIDTH = 100
#: a text is hard-wrapped when this share of its wrapped lines is at most the wrap width
_WRAPPED_SHARE = 0.9
#: fewer lines than this followed by a single break tell nothing of a wrap width
_MIN_WRAPPED_LINES = 4
#: a wrapping program fills its lines: shorter typical lines are items or numbers, not wraps
_MIN_WRAP_WIDTH = 35
_STRAIGHT = "\"'"
_OPENERS = OPEN_DOUBLE + OPEN_SINGLE + _STRAIGHT + "«„‚‹`"
_CLOSERS = CLOSE_DOUBLE + CLOSE_SINGLE + _STRAIGHT + "»“‘›"
#: a sentence end, perhaps followed by a bracketed source note ("… points.” [poll]")
_SENTENCE_END = re.compile(r"[.!?…:;][" + re.escape(_CLOSERS) + r")\]]*(?:\s*[\[(][^\[\]()]{1,40}[\])])?\Z")
#: a whole quotation, perhaps signed after a dash ("“We will win.” ― Jane Doe")
_QUOTATION = re.compile(r"[" + re.escape(_OPENERS) + r"].*[" + re.escape(_CLOSERS) + r"][.!?…,)\]]*"
                        r"(?:\s*[―—–-]\s*[^―—–\n]{1,80})?\Z")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_MAX_HEADING_CHARS = 100


@cache
def _starts() -> dict[str, re.Pattern[str]]:
    """The line openings of ``data/line_starts.txt``, one pattern per kind."""
    by_kind: dict[str, list[str]] = {}
    for line in read_lines(DATA_DIR / "line_starts.txt"):
        kind, pattern = line.split("|", 1)
        by_kind.setdefault(kind, []).append(pattern)
    return {kind: re.compile("|".join(f"(?:{p})" for p in patterns)) for kind, patterns in by_kind.items()}


def is_item(line: str) -> bool:
    """Whether a line opens with a list marker ("• ", "- ", "2. ", "(a) ")."""
    return _starts()["item"].match(line) is not None


def is_turn(line: str) -> bool:
    """Whether a line opens with a speaker's label and a colon ("TRUMP: ", "Jane Doe (host): ")."""
    return _starts()["turn"].match(line) is not None


def _is_heading(line: str) -> bool:
    """A short line most of whose words are capitalised and that has no final punctuation."""
    words = line.split()
    return (0 < len(line) <= _MAX_HEADING_CHARS and line[-1].isalnum()
            and sum(w[0].isupper() or w[0].isdigit() for w in words) * 3 >= len(words) * 2)


def can_end_paragraph(line: str) -> bool:
    """A sentence end, a whole quotation, a heading or a list item can close a paragraph."""
    return (_SENTENCE_END.search(line) is not None or _QUOTATION.match(line) is not None
            or _is_heading(line) or is_item(line))


def can_start_paragraph(line: str) -> bool:
    """A paragraph opens with a capital, a digit, a quotation mark, a bracket or a list marker."""
    first = line[:1]
    return first.isupper() or first.isdigit() or first in _OPENERS or first in "([" or is_item(line)


@dataclass(frozen=True, slots=True)
class LineBreaks:
    """The paragraph decision for each single line break of one text."""

    #: the wrap width of hard-wrapped text; None when lines are not wrapped at a width
    width: int | None

    def ends_paragraph(self, before: str, after: str) -> bool:
        """Whether the break between the line ``before`` and the line ``after`` ends a paragraph."""
        if is_item(after) or is_turn(after):
            return True
        if not can_start_paragraph(after) or not can_end_paragraph(before):
            return False
        if self.width is None or _QUOTATION.match(before) is not None:
            return True
        return len(before) + 1 + len(after.split(maxsplit=1)[0]) <= self.width


def line_breaks(text: str) -> LineBreaks:
    """The text's wrap width: the longest line followed by a single break, when there are a few
    such lines, most no longer than :data:`MAX_WRAP_WIDTH` (the rest unwrapped, say an address)
    and the middle one full enough to be a wrap."""
    lengths = sorted(len(line.strip()) for line in _wrapped_lines(text))
    if len(lengths) < _MIN_WRAPPED_LINES:
        return LineBreaks(None)
    if (lengths[min(len(lengths) - 1, int(len(lengths) * _WRAPPED_SHARE))] > MAX_WRAP_WIDTH
            or lengths[len(lengths) // 2] < _MIN_WRAP_WIDTH):
        return LineBreaks(None)
    return LineBreaks(max(n for n in lengths if n <= MAX_WRAP_WIDTH))


def _wrapped_lines(text: str) -> list[str]:
    """Every non-blank line followed by a non-blank line (one line break between them)."""
    lines = _LINE_BREAK.split(text)
    return [line for line, after in zip(lines, lines[1:]) if line.strip() and after.strip()]

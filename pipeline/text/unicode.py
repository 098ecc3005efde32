"""Unicode repair and normalisation, each step with its offset map.

Order matters: mojibake is repaired first (its C1 "controls" are part of the damage),
then invisible characters are deleted (so NFC sees a base next to its accent), then NFC,
then whitespace is collapsed into spaces, line breaks and paragraph breaks, then each
two-character double mark ('' or ``) becomes one, and last quotes and dashes are made
canonical (see :mod:`pipeline.text.marks`). Each step scans with a compiled regex
and edits only what it matches, so clean text costs little more than the scans.
"""

from __future__ import annotations

import re
import unicodedata
from functools import partial

import ftfy
from ftfy.badness import is_bad

from pipeline.text.html import LINE, PARA
from pipeline.text.lines import LineBreaks, line_breaks
from pipeline.text.marks import canonical_marks, wide_mark_edits
from pipeline.text.offsets import Edit, OffsetMap, apply_edits

_WORD = re.compile(r"[^ \t\n\r\f\v\u2028\u2029]*[^\x00-\x7f][^ \t\n\r\f\v\u2028\u2029]*")
#: a UTF-8 lead byte read as cp1252/latin-1 (or cp1251) followed by a continuation byte read
#: the same way: cheap to scan for, and present in every double-encoded non-ASCII character
_MOJIBAKE_HINT = re.compile(
    "[\xc2-\xf4][\x80-\xbf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]"
    "|[РС][\u0400-\u040f\u0450-\u045f\u0490\u0491‘-…™\xa0-\xbf]"
)
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
#: controls (but tab and line ends), format characters (zero-width, bidi, soft hyphen, BOM),
#: surrogates, interlinear annotation and tag characters, non-characters
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f"
    "\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufffb"
    "\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff\U000e0000-\U000e0fff]+"
)
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")
_SPACE_RUN = re.compile(r"\s{2,}|[^\S ]|^ | $")


def _trimmed_edit(start: int, old: str, new: str) -> Edit:
    """The smallest edit turning ``old`` (at ``start``) into ``new``: common ends stay linear."""
    p = 0
    limit = min(len(old), len(new))
    while p < limit and old[p] == new[p]:
        p += 1
    s = 0
    while s < limit - p and old[-1 - s] == new[-1 - s]:
        s += 1
    return start + p, start + len(old) - s, new[p : len(new) - s]


def fix_mojibake(text: str) -> list[Edit]:
    """Edits repairing double-encoded words (UTF-8 read as cp1252/latin-1), word by word.

    ftfy decides on the whole text (short words alone look guilty too easily); the repair
    is then applied word by word so that each repaired word keeps its own original span.
    """
    if text.isascii() or not _MOJIBAKE_HINT.search(text) or not is_bad(text):
        return []
    whole = ftfy.fix_encoding(text)
    if whole == text:
        return []
    edits = []
    for m in _WORD.finditer(text):
        fixed = ftfy.fix_encoding(m.group())
        if fixed != m.group() and fixed in whole:
            edits.append(_trimmed_edit(m.start(), m.group(), fixed))
    return edits


def compose_nfc(text: str) -> list[Edit]:
    """Edits bringing ``text`` to NFC, one run of non-ASCII characters (and its base) at a time."""
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return []
    edits = []
    for m in _NON_ASCII.finditer(text):
        start = max(m.start() - 1, 0)
        chunk = text[start : m.end()]
        nfc = unicodedata.normalize("NFC", chunk)
        if nfc != chunk:
            edits.append(_trimmed_edit(start, chunk, nfc))
    return edits


def drop_invisible(text: str) -> list[Edit]:
    """Edits deleting control, zero-width, bidi and other invisible characters."""
    return [(m.start(), m.end(), "") for m in _INVISIBLE.finditer(text)]


def _newlines(run: str) -> int:
    return run.count("\n") + run.count("\r") - run.count("\r\n")


def _lines_around(text: str, start: int, end: int) -> tuple[str, str]:
    """The line that ends at ``start`` and the line that begins at ``end``, stripped."""
    line_start = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
    line_end = min((i for i in (text.find("\n", end), text.find("\r", end)) if i >= 0), default=len(text))
    return text[line_start:start].strip(), text[end:line_end].strip()


def collapse_spaces(text: str, html: bool) -> list[Edit]:
    """Edits making every whitespace run one space, ``"\\n"`` or ``"\\n\\n"``, none at the ends.

    In HTML only the extractor's U+2028/U+2029 marks break lines. In plain text a blank
    line ends a paragraph, and so does a single newline when the text has no blank line
    (feeds that put one paragraph per line); otherwise a single newline is joined unless it
    ends a paragraph by :mod:`pipeline.text.lines` (a quotation, turn or item per line).
    """
    one_per_line = not html and not _BLANK_LINE.search(text)
    breaks: LineBreaks | None = None
    edits = []
    end = len(text)
    for m in _SPACE_RUN.finditer(text):
        run = m.group()
        newlines = 0 if html else _newlines(run)
        if m.start() == 0 or m.end() == end:
            new = ""
        elif PARA in run or newlines > 1 or (newlines == 1 and one_per_line):
            new = "\n\n"
        elif newlines == 1:
            breaks = breaks or line_breaks(text)
            new = "\n\n" if breaks.ends_paragraph(*_lines_around(text, m.start(), m.end())) else " "
        elif LINE in run:
            new = "\n"
        else:
            new = " "
        if new != run:
            edits.append((m.start(), m.end(), new))
    return edits


def normalise(text: str, html: bool) -> tuple[str, OffsetMap]:
    """Repaired, normalised text and its map onto ``text``."""
    offset_map = OffsetMap.identity(len(text))
    steps = (fix_mojibake, drop_invisible, compose_nfc, partial(collapse_spaces, html=html), wide_mark_edits)
    for step in steps:
        edits = step(text)
        if edits:
            text, step_map = apply_edits(text, edits)
            offset_map = step_map.compose(offset_map)
    return canonical_marks(text), offset_map

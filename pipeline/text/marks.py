"""Quote marks and dashes: one canonical set in the cleaned text.

Decision: the clean stage *normalises*. Wire copy mixes « » „ “ ” " ‹ › ‚ and
several dashes; spaCy's English tokenizer and the quote stage handle a small set
well, so every mark is mapped one character to one character (offsets unchanged)
onto:

- ``“`` opens and ``”`` closes a double quotation (« „ ‟ 〝 → “; » 〞 〟 → ”; a straight
  ``"`` becomes “ or ” by its neighbours; a “ or ” standing where the other belongs, as
  in German „…“ or Swedish ”…”, is turned round the same way);
- ``‘`` opens and ``’`` closes a single quotation or is an apostrophe (‹ ‚ ‛ → ‘;
  › → ’); a straight ``'`` stays, ambiguous;
- ``-`` hyphen or minus (‐ ‑ − ﹣ －), ``–`` en dash (‒ –), ``—`` em dash (— ― ⸺ ⸻ ﹘).
  Any of the three between spaces may introduce an attribution ("…,” – said Putin).

Two apostrophes and two backticks are double marks too (news archives write
''Yes,'' she said; Penn Treebank text opens with two backticks): a pair standing
where a quotation opens or closes becomes one straight ``"`` (two backticks one ``“``),
turned by its neighbours like any other, and the offset map ties the one mark to both
characters. A pair between letters (a transliterated hard sign, ``ob''yavlenie``) or with
no quotation on either side (an empty string, ``f('')``) stays as it is.

The original mark of any character is still in the original body, one offset-map
lookup away.
"""

from __future__ import annotations

import re

from pipeline.lexicon import load_lexicon
from pipeline.sections.clean import QuoteFamily
from pipeline.text.offsets import Edit

# The marks are data (pipeline/lexicon/en/marks.yaml); the clean stage runs before language
# detection, so it normalises every article with the default lexicon's table.
_MARKS = load_lexicon().marks
OPEN_DOUBLE = _MARKS.open_double
CLOSE_DOUBLE = _MARKS.close_double
OPEN_SINGLE = _MARKS.open_single
CLOSE_SINGLE = _MARKS.close_single
AMBIGUOUS_SINGLE = _MARKS.ambiguous_single
#: every quote character the cleaned text can contain
QUOTES = _MARKS.canonical
#: dashes that, between spaces, can introduce an attribution
DASHES = _MARKS.dashes

_TABLE = str.maketrans(_MARKS.variants)
#: families of marks found in an original text, reported in the clean section
FAMILIES = _MARKS.families

_FOREIGN = re.compile("[" + re.escape("".join(chr(c) for c in _TABLE)) + "]")
_DOUBLE = re.compile("[" + re.escape('"' + OPEN_DOUBLE + CLOSE_DOUBLE) + "]")
_OPENING_CONTEXT = frozenset(" \t\n([{" + DASHES + OPEN_DOUBLE + OPEN_SINGLE + "\u2028\u2029")
#: two-character double marks ('' and ``) and the mark each becomes before it is turned
_WIDE = {mark: {"open": OPEN_DOUBLE, "close": CLOSE_DOUBLE}.get(role, '"')
         for mark, (family, role) in _MARKS.pairing.items() if len(mark) == 2 and family == "double"}
#: a run of a wide mark's character: of three, one is a single mark nested at the edge
_WIDE_RUN = re.compile("|".join(f"{re.escape(mark)}+" for mark in _WIDE))


def canonical_marks(text: str) -> str:
    """``text`` with quotes and dashes mapped onto the canonical set (same length)."""
    if _FOREIGN.search(text):
        text = text.translate(_TABLE)
    if not _DOUBLE.search(text):
        return text
    chars = list(text)
    last = len(chars) - 1
    is_open = False  # the last double mark opened a quotation
    for m in _DOUBLE.finditer(text):
        i = m.start()
        before_open = i == 0 or chars[i - 1] in _OPENING_CONTEXT
        after_space = i == last or text[i + 1].isspace()
        if before_open and not after_space:
            chars[i] = OPEN_DOUBLE
        elif not before_open and (after_space or not text[i + 1].isalnum()):
            chars[i] = CLOSE_DOUBLE
        elif chars[i] == '"' and before_open and after_space:
            # spaced on both sides, as after a nested quote ("… 'Clinton,' " she said): closes an open one
            chars[i] = CLOSE_DOUBLE if is_open else OPEN_DOUBLE
        elif chars[i] == '"':
            chars[i] = OPEN_DOUBLE if before_open else CLOSE_DOUBLE
        is_open = chars[i] == OPEN_DOUBLE
    return "".join(chars)


def wide_mark_edits(text: str) -> list[Edit]:
    """Edits making each two-character double mark that opens or closes a quotation one mark."""
    if not any(mark in text for mark in _WIDE):
        return []
    edits: list[Edit] = []
    for m in _WIDE_RUN.finditer(text):
        start, end = m.span()
        run = m.group()
        if len(run) > 3:
            continue  # a longer run: not a quote mark
        prev = text[start - 1:start]
        opens = not prev or prev in _OPENING_CONTEXT
        if len(run) == 3:  # ''' : '' then ' where a quotation opens, ' then '' where one closes
            start, end = (start, start + 2) if opens else (start + 1, end)
            prev = prev if opens else run[0]
        if _MARKS.wide_mark_quotes(run[:2], prev, text[end:end + 1], opens):
            edits.append((start, end, _WIDE[run[:2]]))
    return edits


def mark_families(text: str) -> list[QuoteFamily]:
    """The quote-mark families used in an original text, sorted."""
    return sorted({FAMILIES[c] for c in set(text) & FAMILIES.keys()})

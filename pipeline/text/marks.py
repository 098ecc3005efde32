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

The original mark of any character is still in the original body, one offset-map
lookup away.
"""

from __future__ import annotations

import re

from pipeline.lexicon import load_lexicon
from pipeline.sections.clean import QuoteFamily

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


def canonical_marks(text: str) -> str:
    """``text`` with quotes and dashes mapped onto the canonical set (same length)."""
    if _FOREIGN.search(text):
        text = text.translate(_TABLE)
    if not _DOUBLE.search(text):
        return text
    chars = list(text)
    last = len(chars) - 1
    for m in _DOUBLE.finditer(text):
        i = m.start()
        before_open = i == 0 or chars[i - 1] in _OPENING_CONTEXT
        after_space = i == last or text[i + 1].isspace()
        if before_open and not after_space:
            chars[i] = OPEN_DOUBLE
        elif not before_open and (after_space or not text[i + 1].isalnum()):
            chars[i] = CLOSE_DOUBLE
        elif chars[i] == '"':
            chars[i] = OPEN_DOUBLE if before_open else CLOSE_DOUBLE
    return "".join(chars)


def mark_families(text: str) -> list[QuoteFamily]:
    """The quote-mark families used in an original text, sorted."""
    return sorted({FAMILIES[c] for c in set(text) & FAMILIES.keys()})

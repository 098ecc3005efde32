"""Quote-mark pairing that survives real copy: curly, straight, guillemet and German marks,
apostrophes, nested quotes, quotes running over several paragraphs, and stray marks.

Uncleaned text is accepted too (a stage called without the clean stage): there a double mark
may be two characters wide, two apostrophes or two backticks (''Yes,'' she said), and the
quotation's content starts after the whole mark.

Pairing is a stack per paragraph: an opener pushes, a closer pops the innermost open mark
of a compatible family. A mark left open at a paragraph end continues only when the next
paragraph reopens (the convention for multi-paragraph quotes); otherwise it is dropped as
stray, so one unbalanced mark costs at most its own quote, never the rest of the article.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from pipeline.lexicon import load_lexicon
from pipeline.quotes.paragraphs import is_break

DOUBLE = "double"
SINGLE = "single"

#: mark -> (family, role) where role is "open", "close" or "either" (pipeline/lexicon/en/marks.yaml)
_MARK_TABLES = load_lexicon().marks
_MARKS: dict[str, tuple[str, str]] = _MARK_TABLES.pairing
_OPEN_CONTEXT = set(" \t\n([{/" + load_lexicon().marks.dashes) | {""}
#: the marks two characters wide ('' and ``), by their first character
_WIDE_FIRST = frozenset(mark[0] for mark in _MARKS if len(mark) == 2)


#: an open mark on the pairing stack: (index, family, paragraphs spanned, width)
_Open = tuple[int, str, int, int]


@dataclass(frozen=True, slots=True)
class QuotedSpan:
    """A paired quotation: marks at ``open`` and ``close``; the content is ``text[start:close]``."""

    open: int
    close: int
    family: str
    depth: int
    paragraphs: int = 1
    #: characters of the opening mark (2 for '' or `` in uncleaned text)
    open_width: int = 1

    @property
    def start(self) -> int:
        return self.open + self.open_width

    @property
    def end(self) -> int:
        return self.close


def _mark_at(text: str, i: int, open_stack: list[_Open]) -> str | None:
    """The mark starting at ``i``. Two apostrophes or backticks make one double mark; of three,
    the first closes a single quotation inside a double one (,''' he said), else the first two
    are the double mark; a run of four or more is no quote mark."""
    ch = text[i]
    if ch not in _WIDE_FIRST:
        return ch if ch in _MARKS else None
    first, last = i, i
    while first and text[first - 1] == ch:
        first -= 1
    while last < len(text) and text[last] == ch:
        last += 1
    single_open = bool(open_stack) and open_stack[-1][1] == SINGLE
    if last - first == 2 and i == first or last - first == 3 and (i == first + 1 or i == first and not single_open):
        return ch * 2
    return ch if ch in _MARKS and last - first <= 3 else None


def _role(text: str, i: int, mark: str, open_stack: list[_Open]) -> str | None:
    """Decide whether the mark at ``i`` opens, closes, or is an apostrophe (None)."""
    family, role = _MARKS[mark]
    prev = text[i - 1] if i > 0 else ""
    nxt = text[i + len(mark)] if i + len(mark) < len(text) else ""
    top_family = open_stack[-1][1] if open_stack else None
    if len(mark) == 2 and not _MARK_TABLES.wide_mark_quotes(mark, prev, nxt, prev in _OPEN_CONTEXT):
        return None
    if family == SINGLE:
        if prev.isalnum() and nxt.isalnum():
            return None  # don't, it’s, O’Neill
        if text[i] == "’" or role == "either":
            # closes an open single quote; otherwise an apostrophe (leaders’ views, ’90s)
            if top_family == SINGLE and prev and not prev.isspace():
                return "close"
            if role == "either" and prev in _OPEN_CONTEXT and nxt and not nxt.isspace():
                return "open" if nxt.isalpha() and not _is_elision(text, i) else None
            return None
        return "open"
    if text[i] == "“" and top_family == DOUBLE and text[open_stack[-1][0]] == "„":
        return "close"  # German „…“
    if role != "either":
        return role
    if top_family == DOUBLE and prev and not prev.isspace():
        return "close"
    if prev in _OPEN_CONTEXT and nxt and not nxt.isspace():
        return "open"
    return "close" if top_family == DOUBLE else "open"


def _is_elision(text: str, i: int) -> bool:
    """'90s, 'em, 'til: an apostrophe at word start, not an opening quote."""
    word = text[i + 1:i + 4].lower()
    return word[:2].isdigit() or word.startswith(("em ", "til", "n ", "cause"))


def _paragraph_starts_with_opener(text: str, pos: int) -> int | None:
    """Index just after the opening mark that starts the paragraph at ``pos``, if any."""
    j = pos
    while j < len(text) and text[j] in " \t":
        j += 1
    mark = _mark_at(text, j, []) if j < len(text) else None
    if mark is not None and _MARKS[mark][0] == DOUBLE and _MARKS[mark][1] != "close":
        return j + len(mark)
    return None


def pair_quote_marks(text: str) -> list[QuotedSpan]:
    """All paired quotations in ``text``, outermost first within document order."""
    spans: list[QuotedSpan] = []
    stack: list[_Open] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "\n":
            j = i
            while j < n and text[j] in "\n\r \t":
                j += 1
            if is_break(text[i:j]) and stack:
                reopen = _paragraph_starts_with_opener(text, j)
                outer = next((s for s in stack if s[1] == DOUBLE), None)
                stack.clear()
                # a quote continues into a paragraph that reopens it, unless quotes nested under
                # its opener closed in this paragraph: then the opener is stray, not a continuation
                if reopen is not None and outer is not None and not _promote_nested(spans, outer[0], dry=True):
                    stack.append((outer[0], DOUBLE, outer[2] + 1, outer[3]))
                    i = reopen
                    continue
                if outer is not None:
                    _promote_nested(spans, outer[0])
            i = j if j > i else i + 1
            continue
        mark = _mark_at(text, i, stack)
        if mark is None:
            i += 1
            continue
        role = _role(text, i, mark, stack)
        family = _MARKS[mark][0]
        if role == "open":
            stack.append((i, family, 1, len(mark)))
        elif role == "close":
            k = next((k for k in range(len(stack) - 1, -1, -1) if stack[k][1] == family), None)
            if k is not None:
                opened, _, paras, width = stack[k]
                del stack[k:]
                spans.append(QuotedSpan(opened, i, family, depth=k, paragraphs=paras, open_width=width))
        i += len(mark)
    outer = next((s for s in stack if s[1] == DOUBLE), None)
    if outer is not None:
        _promote_nested(spans, outer[0])
    spans.sort(key=lambda s: (s.open, -s.close))
    return spans


def _promote_nested(spans: list[QuotedSpan], stray_open: int, dry: bool = False) -> bool:
    """Lift quotes that were nested under a stray opener one level up; report whether any were."""
    nested = [k for k, s in enumerate(spans) if s.open > stray_open and s.depth > 0]
    if not dry:
        for k in nested:
            spans[k] = replace(spans[k], depth=spans[k].depth - 1)
    return bool(nested)

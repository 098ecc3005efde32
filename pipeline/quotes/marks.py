"""Quote-mark pairing that survives real copy: curly, straight, guillemet and German marks,
apostrophes, nested quotes, quotes running over several paragraphs, and stray marks.

Pairing is a stack per paragraph: an opener pushes, a closer pops the innermost open mark
of a compatible family. A mark left open at a paragraph end continues only when the next
paragraph reopens (the convention for multi-paragraph quotes); otherwise it is dropped as
stray, so one unbalanced mark costs at most its own quote, never the rest of the article.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from pipeline.lexicon import load_lexicon

DOUBLE = "double"
SINGLE = "single"

#: mark -> (family, role) where role is "open", "close" or "either" (pipeline/lexicon/en/marks.yaml)
_MARKS: dict[str, tuple[str, str]] = load_lexicon().marks.pairing
_OPEN_CONTEXT = set(" \t\n([{/" + load_lexicon().marks.dashes) | {""}


@dataclass(frozen=True, slots=True)
class QuotedSpan:
    """A paired quotation: marks at ``open`` and ``close``; the content is ``text[open+1:close]``."""

    open: int
    close: int
    family: str
    depth: int
    paragraphs: int = 1

    @property
    def start(self) -> int:
        return self.open + 1

    @property
    def end(self) -> int:
        return self.close


def _role(text: str, i: int, family: str, role: str, open_stack: list[tuple[int, str, int]]) -> str | None:
    """Decide whether the mark at ``i`` opens, closes, or is an apostrophe (None)."""
    prev = text[i - 1] if i > 0 else ""
    nxt = text[i + 1] if i + 1 < len(text) else ""
    top_family = open_stack[-1][1] if open_stack else None
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
    """Index of the opening mark that starts the paragraph at ``pos``, if any."""
    j = pos
    while j < len(text) and text[j] in " \t":
        j += 1
    if j < len(text) and text[j] in _MARKS and _MARKS[text[j]][0] == DOUBLE and _MARKS[text[j]][1] != "close":
        return j
    return None


def pair_quote_marks(text: str) -> list[QuotedSpan]:
    """All paired quotations in ``text``, outermost first within document order."""
    spans: list[QuotedSpan] = []
    stack: list[tuple[int, str, int]] = []  # (open index, family, paragraphs spanned)
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "\n":
            j = i
            while j < n and text[j] in "\n\r \t":
                j += 1
            if "\n" in text[i:j] and stack:
                reopen = _paragraph_starts_with_opener(text, j)
                outer = next((s for s in stack if s[1] == DOUBLE), None)
                stack.clear()
                # a quote continues into a paragraph that reopens it, unless quotes nested under
                # its opener closed in this paragraph: then the opener is stray, not a continuation
                if reopen is not None and outer is not None and not _promote_nested(spans, outer[0], dry=True):
                    stack.append((outer[0], DOUBLE, outer[2] + 1))
                    i = reopen + 1
                    continue
                if outer is not None:
                    _promote_nested(spans, outer[0])
            i = j if j > i else i + 1
            continue
        mark = _MARKS.get(ch)
        if mark is None:
            i += 1
            continue
        role = _role(text, i, mark[0], mark[1], stack)
        if role == "open":
            stack.append((i, mark[0], 1))
        elif role == "close":
            k = next((k for k in range(len(stack) - 1, -1, -1) if stack[k][1] == mark[0]), None)
            if k is not None:
                opened, family, paras = stack[k]
                del stack[k:]
                spans.append(QuotedSpan(opened, i, family, depth=k, paragraphs=paras))
        i += 1
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

"""HTML body → text with structure marks, and where each character sits in the HTML.

Lexbor (through selectolax) parses the HTML5 way browsers do; we walk its tree
iteratively (no recursion limit) and keep the text of content elements. Lexbor keeps
no source positions, so :class:`_Aligner` finds each text node in the source with a
forward-only cursor: literal runs are matched with ``str.startswith``, markup between
nodes is skipped and character references are decoded one at a time. Every text node
(kept or dropped) is aligned, so the cursor never has to guess across dropped text.

The text returned marks paragraph breaks with U+2029 and ``<br>`` with U+2028; the
Unicode pass turns them into ``"\\n\\n"`` and ``"\\n"``.
"""

from __future__ import annotations

import html
import html.entities
import re
from collections import Counter
from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser, LexborNode

from pipeline.errors import HtmlTooDeep
from pipeline.lexicon import read_lines
from pipeline.sections.clean import ParagraphKind
from pipeline.text import DATA_DIR
from pipeline.text.offsets import OffsetMap

PARA = "\u2029"
LINE = "\u2028"

#: elements whose text is never article text; reported in ``removed`` by tag
DROP_TAGS = frozenset(
    "head script style noscript template iframe object embed svg math canvas nav header footer aside "
    "form button select textarea input figure figcaption video audio picture map dialog".split()
)
#: how the source spells the text of an element: markup and references (DATA), references
#: but no markup (RCDATA), or neither (RAWTEXT)
DATA, RCDATA, RAWTEXT = 0, 1, 2
_TEXT_MODES = {"title": RCDATA, "textarea": RCDATA} | dict.fromkeys(
    "script style xmp iframe noembed noframes noscript plaintext".split(), RAWTEXT)
BLOCK_TAGS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li ul ol dl dt dd blockquote pre article section main address center "
    "table tr caption hr details summary body html".split()
)
CELL_TAGS = frozenset({"td", "th"})
KINDS: dict[str, ParagraphKind] = {"h1": "heading", "h2": "heading", "h3": "heading", "h4": "heading", "h5": "heading",
         "h6": "heading", "li": "list_item", "dt": "list_item", "dd": "list_item",
         "blockquote": "blockquote", "pre": "pre"}
BYLINE_TOKENS = frozenset({"byline", "author", "dateline-author"})
#: elements that never hold content, or that a sibling of their kind closes (<p>, <li>, <td>…):
#: they cannot pile up on the parser's stack of open elements
_FLAT_TAGS = frozenset(
    "area base br col embed hr img input link meta param source track wbr keygen basefont bgsound frame "
    "image isindex p li dt dd tr td th tbody thead tfoot option colgroup caption "
    "h1 h2 h3 h4 h5 h6".split()
)
MAX_NESTING = 1000

_START_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]{0,15})")
_TOKEN_SPLIT = re.compile(r"[\s_-]+")
_ENTITY = re.compile(r"&(?:#[xX][0-9A-Fa-f]{1,8};?|#[0-9]{1,8};?|[A-Za-z][A-Za-z0-9]{1,31};?)")
#: characters a source may spell differently from the parsed text (references, CRLF, NUL)
_RISKY = re.compile(r"[^\t !#-%(-;=?-~]")
_JUNK_LIMIT = 256
#: longest literal run compared at once; bounds the work of a failed comparison
_RUN = 256
_RANK = {"": 0, " ": 1, LINE: 2, PARA: 3}


@dataclass(slots=True)
class HtmlText:
    """Text of an HTML body, its map onto the HTML, and what was left out."""

    text: str
    offset_map: OffsetMap
    #: (position in ``text`` of each paragraph mark, kind of the paragraph it opens), ascending
    block_kinds: list[tuple[int, ParagraphKind]] = field(default_factory=list)
    byline: str | None = None
    removed: Counter[str] = field(default_factory=Counter)


def check_nesting(source: str) -> None:
    """Refuse HTML that would pile up open elements: Lexbor is quadratic in that depth.

    Counts start tags not yet matched by an end tag of the same name (stray end tags
    cannot lower the count), an upper bound of the parser's stack of open elements.
    """
    open_tags: Counter[str] = Counter()
    depth = 0
    for m in _START_TAG.finditer(source):
        name = m.group(2).lower()
        if name in _FLAT_TAGS:
            continue
        if not m.group(1):
            open_tags[name] += 1
            depth += 1
            if depth > MAX_NESTING:
                raise HtmlTooDeep(f"HTML opens more than {MAX_NESTING} elements without closing them")
        elif open_tags[name]:
            open_tags[name] -= 1
            depth -= 1


#: the elements the HTML5 tree builder reopens after a misnested close ("active formatting")
_FORMATTING_TAGS = frozenset("a b big code em font i nobr s small strike strong tt u".split())


def _mode(text_node: LexborNode) -> int:
    """How the source spells this text node: by its parent element.

    Lexbor may reopen a formatting element inside a ``<textarea>`` (``<b><p><textarea>a<b``),
    so reopened formatting elements are looked through.
    """
    node = text_node.parent
    while node is not None and node.tag in _FORMATTING_TAGS:
        node = node.parent
    return _TEXT_MODES.get(node.tag or "", DATA) if node is not None else DATA


def _reference(src: str, q: int) -> tuple[str, int] | None:
    """The character reference at ``q``, decoded, and where it ends; None if there is none.

    A legacy name without its semicolon ends where the name does (``&copyY`` is ``©`` then a
    literal ``Y``), so the letters after it are aligned as text, not as part of the reference.
    """
    ref = _ENTITY.match(src, q)
    if ref is None:
        return None
    spelt = ref.group()
    if not spelt.endswith(";") and not spelt.startswith("&#"):
        legacy = next((k for k in range(len(spelt) - 1, 1, -1) if spelt[1:k + 1] in html.entities.html5), None)
        spelt = spelt[: legacy + 1] if legacy is not None else spelt
    return html.unescape(spelt), q + len(spelt)


class _Aligner:
    """Finds successive text nodes in the HTML source with a cursor that only moves forward."""

    def __init__(self, source: str) -> None:
        self.src = source
        self.pos = 0

    def _skip_markup(self, q: int) -> int:
        src = self.src
        if src.startswith("<!--", q):
            end = src.find("-->", q + 4)
            return len(src) if end < 0 else end + 3
        end = src.find(">", q + 1)
        return len(src) if end < 0 else end + 1

    def align(self, text: str, mode: int) -> list[tuple[int, int, int, int]]:
        """Pieces ``(text_start, orig_start, text_len, orig_len)`` of ``text``; moves the cursor past it.

        Before the text starts, markup is skipped whatever the mode; inside it, the mode says
        whether ``<`` can open markup and ``&`` a character reference.
        """
        src, q, n = self.src, self.pos, len(self.src)
        pieces: list[tuple[int, int, int, int]] = []
        i, m, junk = 0, len(text), 0
        while i < m:
            risky = _RISKY.search(text, i, i + _RUN)
            j = risky.start() if risky else min(m, i + _RUN)
            if mode != DATA and i == 0 and src.startswith(text[:_RUN], q):
                j = min(m, _RUN)
            if j > i and src.startswith(text[i:j], q):
                pieces.append((i, q, j - i, j - i))
                q += j - i
                i = j
                continue
            if q >= n or junk > _JUNK_LIMIT:
                return self._unaligned(m)
            c, e = src[q], text[i]
            markup = q + 1 < n and (src[q + 1].isalpha() or src[q + 1] in "/!?")
            if c == "<" and markup and (mode == DATA or i == 0):
                q = self._skip_markup(q)
            elif c == "&" and mode != RAWTEXT and (ref := _reference(src, q)) and text.startswith(ref[0], i):
                decoded, end = ref
                pieces.append((i, q, len(decoded), end - q))
                i, q = i + len(decoded), end
            elif c == e:
                pieces.append((i, q, 1, 1))
                i, q = i + 1, q + 1
            elif c == "\r" and e == "\n":
                width = 2 if src.startswith("\r\n", q) else 1
                pieces.append((i, q, 1, width))
                i, q = i + 1, q + width
            else:
                q += 1
                junk += 1
        self.pos = q
        return pieces

    def _unaligned(self, length: int) -> list[tuple[int, int, int, int]]:
        """Text the tree builder moved (e.g. out of a table): an empty span at the cursor."""
        return [(0, self.pos, length, 0)]


class _Extractor:
    """Walks the tree once, emitting kept text and structure marks."""

    def __init__(self, source: str) -> None:
        self.aligner = _Aligner(source)
        self.parts: list[str] = []
        self.map = OffsetMap(0, len(source))
        self.length = 0
        self.pending = ""
        self.kind_stack: list[ParagraphKind] = []
        self.block_kinds: list[tuple[int, ParagraphKind]] = []
        self.byline: str | None = None
        self.removed: Counter[str] = Counter()
        self.drop_classes = frozenset(read_lines(DATA_DIR / "html_boilerplate_classes.txt"))

    def _emit(self, s: str, orig_start: int, orig_len: int) -> None:
        self.parts.append(s)
        self.map.add(self.length, orig_start, len(s), orig_len)
        self.length += len(s)

    def _break(self, mark: str) -> None:
        """Remember the strongest break since the last text; two line breaks make a paragraph."""
        if mark == LINE and self.pending == LINE:
            self.pending = PARA
        elif _RANK[mark] > _RANK[self.pending]:
            self.pending = mark

    def text(self, node: LexborNode, mode: int, pre: bool) -> None:
        """Emit a kept text node, preceded by the break pending since the last text."""
        content = node.text_content or ""
        pieces = self.aligner.align(content, mode)
        if self.pending and not content.isspace():
            if self.pending == PARA:
                self.block_kinds.append((self.length, self.kind_stack[-1] if self.kind_stack else "text"))
            self._emit(self.pending, self.aligner.pos if not pieces else pieces[0][1], 0)
            self.pending = ""
        if pre:
            content = content.replace("\n", LINE)
        for t0, o0, tl, ol in pieces:
            self._emit(content[t0 : t0 + tl], o0, ol)

    def skip(self, node: LexborNode) -> None:
        """Align the text of a dropped subtree so the cursor moves past it."""
        for sub in node.traverse(include_text=True):
            if sub.is_text_node:
                self.aligner.align(sub.text_content or "", _mode(sub))

    def drop_reason(self, node: LexborNode, tag: str) -> str | None:
        if tag in DROP_TAGS:
            return tag
        attrs = node.attributes
        names = f"{attrs.get('class') or ''} {attrs.get('id') or ''}".strip()
        if not names:
            return None
        tokens = set(_TOKEN_SPLIT.split(names.lower()))
        if tokens & BYLINE_TOKENS:
            return "byline"
        hit = tokens & self.drop_classes
        return min(hit) if hit else None

    def walk(self, root: LexborNode) -> None:
        stack: list[tuple[LexborNode, bool]] = [(root, False)]
        pre_depth = 0
        while stack:
            node, leaving = stack.pop()
            if node.is_text_node:
                self.text(node, _mode(node), pre_depth > 0)
                continue
            if not node.is_element_node:
                continue
            tag = node.tag or ""
            if leaving:
                self._leave(tag)
                pre_depth -= tag == "pre"
                continue
            reason = self.drop_reason(node, tag)
            if reason is not None:
                if reason == "byline" and self.byline is None:
                    self.byline = " ".join(node.text(separator=" ").split()) or None
                self.removed[reason] += 1
                self.skip(node)
                self._break(PARA if tag in BLOCK_TAGS else " " if tag in CELL_TAGS else "")
                continue
            self._enter(tag)
            pre_depth += tag == "pre"
            stack.append((node, True))
            stack.extend((child, False) for child in reversed(list(node.iter(include_text=True))))

    def _enter(self, tag: str) -> None:
        if tag == "br":
            self._break(LINE)
        elif tag in BLOCK_TAGS:
            self._break(PARA)
            if tag in KINDS:
                self.kind_stack.append(KINDS[tag])
        elif tag in CELL_TAGS:
            self._break(" ")

    def _leave(self, tag: str) -> None:
        if tag in BLOCK_TAGS:
            self._break(PARA)
            if tag in KINDS:
                self.kind_stack.pop()


def html_to_text(source: str) -> HtmlText:
    """Extract the article text of an HTML body (raises :class:`HtmlTooDeep`)."""
    check_nesting(source)
    tree = LexborHTMLParser(source)
    ex = _Extractor(source)
    if tree.root is not None:
        ex.walk(tree.root)
    return HtmlText("".join(ex.parts), ex.map, ex.block_kinds, ex.byline, ex.removed)

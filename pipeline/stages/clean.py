"""The clean stage: raw body → offset-stable clean text, its structure and language.

Steps: HTML to text (:mod:`pipeline.text.html`) or plain text as is; Unicode repair
and normalisation (:mod:`pipeline.text.unicode`; quotes and dashes are normalised to
one canonical set, see :mod:`pipeline.text.marks`); then structure: a repeated
headline, the dateline, a byline and boilerplate paragraphs are cut from the text
and kept as metadata. Every step's offset map is composed into one, kept in
``article.offset_map`` (an :class:`~pipeline.text.offsets.OffsetMap` from
``article.text`` to ``article.raw.body``) and written as segments to the clean section.
"""

from __future__ import annotations

import html as htmllib
import re
from bisect import bisect_right
from collections.abc import Sequence
from typing import Any, ClassVar

from selectolax.lexbor import LexborHTMLParser

from pipeline.article import Article, RawArticle
from pipeline.errors import BodyTooLarge, EmptyBody
from pipeline.lexicon import load_lexicon
from pipeline.text import DATA_DIR as TEXT_DATA_DIR
from pipeline.text.boilerplate import byline_name
from pipeline.text.html import html_to_text
from pipeline.text.language import LanguageDetector
from pipeline.text.marks import mark_families
from pipeline.text.offsets import OffsetMap, apply_edits
from pipeline.text.structure import Structure, cut_edits, find_structure, paragraph_kind, paragraph_spans
from pipeline.text.unicode import normalise

from pipeline.sections.clean import Clean, Dateline, OffsetSegments, Paragraph, ParagraphKind, Removed
from pipeline.stages.base import Stage, StageConfig, StageProvenance
from pipeline.version import content_hash

_HTML_SNIFF = re.compile(
    r"<(?:p|div|br|span|a|b|i|em|strong|ul|ol|li|h[1-6]|html|body|article|section|table|script|style)"
    r"\b[^<>]{0,500}>"
    r"|</[a-z][a-z0-9]*>|<!--",
    re.IGNORECASE,
)
_WARM_UP = (
    ("SOCHI, October 8. /TASS/. â€œWe are readyâ€\x9d, – said Lavrov.\n\nRead also: more", None),
    ("<p>MOSCOW (Reuters) - «Да», сказал он&nbsp;Песков.</p><p>By Jane Doe</p>", "text/html"),
)


#: marks a language's copy writes and its cleaned text keeps as written (one character for one:
#: offsets are unchanged): Russian «…» and „…“ stay, so the record shows the copy's own quotes
KEPT_MARKS: dict[str, frozenset[str]] = {"ru": frozenset("«»„“")}


def keep_marks(text: str, offset_map: OffsetMap, body: str, marks: frozenset[str]) -> str:
    """``text`` with each quote mark that was one of ``marks`` in the original body put back."""
    chars = list(text)
    changed = False
    for i, ch in enumerate(chars):
        if ch in "“”‘’\"":
            start, end = offset_map.to_original(i, i + 1)
            if end - start == 1 and body[start] in marks and body[start] != ch:
                chars[i] = body[start]
                changed = True
    return "".join(chars) if changed else text


def is_html(body: str, content_type: str | None) -> bool:
    """The declared content type, or a sniff for tags when none is declared."""
    if content_type is not None:
        return content_type == "text/html"
    return _HTML_SNIFF.search(body) is not None


def clean_title(title: str) -> str:
    """The headline as one line of normalised text (markup and entities removed)."""
    if "<" in title:
        title = LexborHTMLParser(title).text(separator=" ")
    elif "&" in title:
        title = htmllib.unescape(title)
    text, _ = normalise(title, html=True)
    return " ".join(text.split())


class CleanConfig(StageConfig):
    """Settings of the clean stage."""

    max_body_chars: int


class CleanStage(Stage[CleanConfig]):
    """Wire copy to clean, offset-stable text with its metadata, in any language."""

    name: ClassVar[str] = "clean"
    config_type: ClassVar[type[StageConfig]] = CleanConfig

    _detector: LanguageDetector | None = None

    def setup(self) -> None:
        """Load the language model and word lists, and warm every path so the first message is not slow."""
        self._detector = LanguageDetector()
        for body, content_type in _WARM_UP:
            self.clean(Article(RawArticle(id="warm-up", source="warm-up", title="Warm <b>up</b>", body=body,
                                          published_at="2015-10-08", content_type=content_type)))

    def provenance(self) -> StageProvenance:
        # the word lists of pipeline/text/data/, and the default lexicon's marks, months and connectors
        versions = {"clean_lists": content_hash(TEXT_DATA_DIR), **load_lexicon().data_versions()}
        return StageProvenance(data_versions=versions)

    def process(self, articles: Sequence[Article]) -> None:
        for article in articles:
            self.clean(article)

    def clean(self, article: Article) -> None:
        """Clean one article in place; raises EmptyBody / BodyTooLarge / HtmlTooDeep."""
        raw = article.raw
        if not raw.body.strip():
            raise EmptyBody("the body is empty")
        html = is_html(raw.body, raw.content_type)
        block_kinds: list[tuple[int, ParagraphKind]] = []
        html_removed: dict[str, int] = {}
        html_byline = None
        if html:
            extracted = html_to_text(raw.body)
            text0, map0 = extracted.text, extracted.offset_map
            block_kinds, html_removed = extracted.block_kinds, dict(extracted.removed)
            html_byline = extracted.byline and (byline_name(extracted.byline) or extracted.byline)
        else:
            text0, map0 = raw.body, OffsetMap.identity(len(raw.body))
        text1, map1 = normalise(text0, html)
        if len(text1) > self.config.max_body_chars:
            raise BodyTooLarge(f"the cleaned body has {len(text1)} characters, "
                               f"the limit is {self.config.max_body_chars}")
        title = clean_title(raw.title)
        found = find_structure(text1, paragraph_spans(text1), title, raw.published_at)
        text, map2 = apply_edits(text1, cut_edits(found.cuts, text1))
        if not text:
            raise EmptyBody("the body has no text after cleaning")
        to_text0 = map2.compose(map1)
        offset_map = to_text0.compose(map0)
        text1_to_orig = map1.compose(map0)
        if self._detector is None:
            raise RuntimeError("the clean stage was used before setup()")
        language = self._detector.detect(text, raw.language)
        if language.code in KEPT_MARKS:
            text = keep_marks(text, offset_map, raw.body, KEPT_MARKS[language.code])

        article.text = text
        article.language = language.code
        article.title = title
        article.offset_map = offset_map
        article.clean = Clean(
            content_type="text/html" if html else "text/plain",
            paragraphs=_paragraphs(text, block_kinds if html else None, to_text0),
            language=language,
            dateline=_dateline(found, text1_to_orig),
            byline=html_byline or found.byline,
            removed=[_removed(r, text1_to_orig) for r in found.removed],
            html_removed=html_removed,
            quote_marks=mark_families(text0),
            offset_map=OffsetSegments(orig_length=len(raw.body), segments=offset_map.segments()),
        )


def _paragraphs(
    text: str, block_kinds: list[tuple[int, ParagraphKind]] | None, to_text0: OffsetMap
) -> list[Paragraph]:
    """Paragraph spans of the final text; kinds from the HTML blocks they came from, or guessed."""
    spans = paragraph_spans(text)
    positions = [p for p, _ in block_kinds or ()]
    out = []
    for start, end in spans:
        if block_kinds is not None:
            k = bisect_right(positions, to_text0.position(start)) - 1
            kind = block_kinds[k][1] if k >= 0 else "text"
        else:
            kind = paragraph_kind(text[start:end], len(spans) == 1)
        out.append(Paragraph(start=start, end=end, kind=kind))
    return out


def _dateline(found: Structure, to_orig: OffsetMap) -> Dateline | None:
    d = found.dateline
    if d is None or found.dateline_span is None:
        return None
    orig_start, orig_end = to_orig.to_original(*found.dateline_span)
    return Dateline(text=d.text, place=d.place, date=d.date.isoformat() if d.date else None, agency=d.agency,
                    orig_start=orig_start, orig_end=orig_end)


def _removed(removed: dict[str, Any], to_orig: OffsetMap) -> Removed:
    orig_start, orig_end = to_orig.to_original(*removed["span"])
    return Removed(kind=removed["kind"], text=removed["text"], orig_start=orig_start, orig_end=orig_end)

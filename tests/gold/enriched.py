"""Raw article in, enriched record out, exactly as production: the gold sets' one door to the pipeline.

Every gold scorer gives its articles here as raw articles (``schemas/raw-article.schema.json``:
title, body with its dateline and all, publication date) and scores the enriched record that
comes back. The articles go through the runner the worker uses (:func:`build_enricher`, every
stage, clean first) as serialised messages, so decoding, the clean stage and the record
builder are the production ones; a dead letter is an error here, never a silent skip.

Gold annotations stay on the raw body (what an annotator reads and what production receives).
:func:`map_span` carries a raw-body span into the record's ``text`` through the record's own
``clean.offset_map`` (the clean stage's published contract: every character of the cleaned text
maps back to a span of the original body). That mapping stays right when the clean stage changes
what it cuts or normalises; a span it cannot carry is reported, never dropped:

- ``removed``: every character of the span was cut by the clean stage (a dateline, a repeated
  headline, boilerplate); the record cannot contain it;
- ``partly removed``: some of it was cut;
- ``changed``: it maps, but its cleaned text is not its raw text up to the clean stage's
  documented normalisation (quote marks, dashes, whitespace runs, NFC; :func:`fold`). That
  would be a wrong mapping or an annotation slip, and the scorers' tests fail on it.
"""

from __future__ import annotations

import json
import unicodedata
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from pipeline.article import Origin
from pipeline.config import Settings
from pipeline.enrich import Enricher, Message, build_enricher
from pipeline.sections.record import DeadLetter

TOPIC = "wirestream.gold"


@dataclass(frozen=True, slots=True)
class RawGold:
    """A gold article as a raw article; ``body`` is the text the gold annotations point into."""

    id: str
    title: str
    body: str
    published_at: str
    source: str = "gold"
    content_type: str | None = "text/plain"

    def message_value(self) -> bytes:
        return json.dumps({"id": self.id, "source": self.source, "url": None, "language": "en",
                           "published_at": self.published_at, "title": self.title, "body": self.body,
                           "content_type": self.content_type}, ensure_ascii=False).encode("utf-8")


def headline_and_body(text: str) -> tuple[str, str]:
    """A gold file's title (its first paragraph) and body (the whole file: the feed repeats the headline)."""
    return text.split("\n\n", 1)[0].strip(), text


@cache
def enricher() -> Enricher:
    """The production runner with every stage set up, built once per process."""
    return build_enricher(Settings(metrics_port=0))


_records: dict[bytes, dict[str, Any]] = {}


def enrich(articles: Sequence[RawGold]) -> list[dict[str, Any]]:
    """The enriched record of each article, in order (one ``Enricher.enrich`` call, as a worker's batch).

    Records are remembered by message content, so scoring twice in one process never re-sends an
    article (the runner would dead-letter an exact re-send at a new offset as a duplicate).
    """
    values = [a.message_value() for a in articles]
    todo = list(dict.fromkeys(v for v in values if v not in _records))
    if todo:
        base = len(_records)
        messages = [Message(value=v, key=json.loads(v)["id"].encode(),
                            origin=Origin(TOPIC, 0, base + i)) for i, v in enumerate(todo)]
        for value, outcome in zip(todo, enricher().enrich(messages), strict=True):
            if isinstance(outcome.record, DeadLetter):
                raise RuntimeError(f"gold article {outcome.key!r} was dead-lettered: "
                                   f"{outcome.record.error_class}: {outcome.record.reason}")
            _records[value] = json.loads(outcome.value)  # the record as published
    return [_records[v] for v in values]


_FOLD = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "‚": "'",
                       "–": "-", "—": "-", "‒": "-", "―": "-", "‐": "-", "‑": "-", "−": "-"})


def fold(text: str) -> str:
    """Text up to the clean stage's normalisation: quote marks, dashes, whitespace runs, NFC."""
    return " ".join(unicodedata.normalize("NFC", text).translate(_FOLD).split())


@dataclass(frozen=True, slots=True)
class Mapped:
    """Where a raw-body span landed in the record's text: ``span`` or a ``status`` saying why not."""

    raw: tuple[int, int]
    raw_text: str
    span: tuple[int, int] | None
    status: str  # "ok" | "removed" | "partly removed" | "changed"
    cut: str | None = None  # for a removed span: what the clean stage cut there ("title", "dateline", ...)


class SpanMap:
    """Raw-body spans → record-text spans, through the record's ``clean.offset_map``."""

    def __init__(self, record: dict[str, Any], body: str) -> None:
        self.text: str = record["text"]
        self.body = body
        offset_map = record["clean"]["offset_map"]
        if offset_map["orig_length"] != len(body):
            raise ValueError(f"{record['id']}: the offset map is of a body of {offset_map['orig_length']} "
                             f"characters, the gold body has {len(body)}")
        clean = record["clean"]
        self._cuts = [(r["orig_start"], r["orig_end"], r["kind"]) for r in clean.get("removed", [])]
        if clean.get("dateline"):
            self._cuts.append((clean["dateline"]["orig_start"], clean["dateline"]["orig_end"], "dateline"))
        rows = [row for row in offset_map["segments"] if row[3] > 0]  # inserted text maps to no raw span
        self._rows = rows
        self._starts = [row[1] for row in rows]

    def map_span(self, start: int, end: int) -> Mapped:
        raw_text = self.body[start:end]
        k = max(0, bisect_right(self._starts, start) - 2)
        covering = []
        while k < len(self._rows) and self._rows[k][1] < end:
            if self._rows[k][1] + self._rows[k][3] > start:
                covering.append(self._rows[k])
            k += 1
        covered, reach = 0, start  # characters of [start, end) inside some segment's original span
        for _, os_, _, ol in covering:
            lo, hi = max(reach, os_), min(end, os_ + ol)
            if hi > lo:
                covered += hi - lo
                reach = hi
        if covered == 0:
            cut = next((kind for a, b, kind in self._cuts if a <= start and end <= b), "other")
            return Mapped((start, end), raw_text, None, "removed", cut)
        if covered < end - start:
            return Mapped((start, end), raw_text, None, "partly removed")
        cs, os_, cl, ol = covering[0]
        c_start = cs + (start - os_) if cl == ol else cs
        cs, os_, cl, ol = covering[-1]
        c_end = cs + (end - os_) if cl == ol else cs + cl
        status = "ok" if fold(self.text[c_start:c_end]) == fold(raw_text) else "changed"
        return Mapped((start, end), raw_text, (c_start, c_end), status)


def spans_report(name: str, mapped: Sequence[Mapped]) -> dict[str, list[str]]:
    """The gold spans of one article that did not map cleanly, by status (for the scorers' output)."""
    out: dict[str, list[str]] = {}
    for m in mapped:
        if m.status != "ok":
            where = f" ({m.cut})" if m.cut else ""
            out.setdefault(m.status, []).append(f"{name}@{m.raw[0]}:{m.raw_text!r}{where}")
    return out

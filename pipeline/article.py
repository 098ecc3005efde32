"""The unit of work that travels through the stages."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a message came from: its Kafka coordinates, or a file line offline."""

    topic: str
    partition: int
    offset: int
    timestamp_ms: int | None = None


@dataclass(frozen=True, slots=True)
class RawArticle:
    """A validated raw article (schemas/raw-article.schema.json)."""

    id: str
    source: str
    title: str
    body: str
    published_at: str
    url: str | None = None
    language: str | None = None
    content_type: str | None = None  # "text/plain" or "text/html"; None means sniff


@dataclass(slots=True)
class Article:
    """One article and what the stages have found so far.

    ``text`` is the cleaned text: every offset a stage reports points into it.
    ``sections`` maps a record section name ("clean", "entities", "quotes",
    "designations") to its JSON-ready content; ``doc`` is spaCy's parse of
    ``text`` for the stages that work on it. ``english`` is set by the clean
    stage; English-only stages leave other articles alone.
    """

    raw: RawArticle
    origin: Origin | None = None
    text: str = ""
    english: bool = True
    doc: Doc | None = None
    sections: dict[str, Any] = field(default_factory=dict)
    skipped_stages: list[str] = field(default_factory=list)
    timings_ms: dict[str, float] = field(default_factory=dict)
    extras: dict[str, Any] = field(default_factory=dict)
    """Typed hand-over objects between stages that are not part of the record
    (e.g. the clean stage's offset map); keys are documented by the producing stage."""

"""The unit of work that travels through the stages."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from pipeline.sections.clean import Clean
from pipeline.sections.designations import Designations
from pipeline.sections.entities import Entity
from pipeline.sections.provenance import ChunkTiming, ModelInfo
from pipeline.sections.quotes import Quote
from pipeline.text.offsets import OffsetMap

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from pipeline.aliases.matcher import Scan


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
    The section attributes hold the record's sections as the stages write them;
    ``doc`` is the parse of ``text`` for the stages that read one and ``model``
    names the model that made it (spaCy's, for English); a language whose backends use another
    library keep their parse in ``analysis`` (natasha's ``Doc`` for Russian), read only by the
    later backends of that language. ``language`` is set by the clean stage and
    decides which stages (and which of their backends) handle the article.
    """

    raw: RawArticle
    origin: Origin | None = None
    text: str = ""
    title: str | None = None
    language: str = "en"
    offset_map: OffsetMap | None = None
    clean: Clean | None = None
    doc: Doc | None = None
    analysis: object | None = None
    model: ModelInfo | None = None
    entities: list[Entity] | None = None
    alias_scan: Scan | None = None
    """The alias matcher's scan of ``text`` (NER stage): the designation stage reads it instead of matching again."""
    quotes: list[Quote] = field(default_factory=list)
    designations: Designations | None = None
    skipped_stages: list[str] = field(default_factory=list)
    timings_ms: dict[str, float] = field(default_factory=dict)
    chunk_timings: dict[str, ChunkTiming] = field(default_factory=dict)

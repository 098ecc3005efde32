"""The two records the pipeline publishes: the enriched article and the dead letter, with their codecs."""

from __future__ import annotations

from typing import Literal

import msgspec

from pipeline.sections.clean import Clean
from pipeline.sections.designations import Designations
from pipeline.sections.entities import Entity
from pipeline.sections.provenance import InputCoordinates, Provenance
from pipeline.sections.quotes import Quote


class EnrichedRecord(msgspec.Struct, kw_only=True):
    """One enriched article (schemas/enriched-record.schema.json); every offset points into ``text``."""

    schema: Literal["wirestream.enriched"] = "wirestream.enriched"
    schema_version: Literal[1] = 1
    id: str
    source: str
    url: str | None
    published_at: str
    title: str
    text: str
    clean: Clean
    entities: list[Entity]
    quotes: list[Quote]
    designations: Designations | None
    skipped_stages: list[str]
    provenance: Provenance

    def entity(self, entity_id: str) -> Entity | None:
        """The entity with this article-local id (E1, E2, ...)."""
        return next((entity for entity in self.entities if entity.id == entity_id), None)

    @property
    def language(self) -> str:
        """The language code the stages worked with."""
        return self.clean.language.code

    @property
    def missing_notice(self) -> bool:
        """A designated organisation or listed person is mentioned without the notice the law requires."""
        section = self.designations
        if section is None:
            return False
        persons = section.persons if isinstance(section.persons, list) else []
        return any(o.notice_missing for o in section.organisations) or any(p.notice_missing for p in persons)

    def has_speaker(self, name: str) -> bool:
        """Some quote is attributed to a speaker whose name contains ``name`` (case-insensitive)."""
        wanted = name.casefold()
        return any(q.speaker_name and wanted in q.speaker_name.casefold() for q in self.quotes)

    def has_entity(self, name: str) -> bool:
        """Some entity's name or mention contains ``name`` (case-insensitive)."""
        wanted = name.casefold()
        return any(wanted in entity.name.casefold() or any(wanted in m.text.casefold() for m in entity.mentions)
                   for entity in self.entities)


class DeadLetter(msgspec.Struct, kw_only=True):
    """A message the pipeline could not enrich, its original bytes and why (schemas/dead-letter.schema.json)."""

    schema: Literal["wirestream.dead-letter"] = "wirestream.dead-letter"
    schema_version: Literal[1] = 1
    article_id: str | None
    error_class: str
    reason: str
    stage: str
    original_base64: str
    original_key_base64: str | None
    input: InputCoordinates
    failed_at: str
    pipeline_version: str


_encoder = msgspec.json.Encoder()
_record_decoder = msgspec.json.Decoder(EnrichedRecord)
_dead_letter_decoder = msgspec.json.Decoder(DeadLetter)


def encode(record: EnrichedRecord | DeadLetter) -> bytes:
    """The record as JSON bytes, for Kafka or JSON lines."""
    return _encoder.encode(record)


def decode_record(data: bytes) -> EnrichedRecord:
    """An enriched record from JSON; raises ``msgspec.ValidationError`` when it does not fit the classes."""
    return _record_decoder.decode(data)


def decode_dead_letter(data: bytes) -> DeadLetter:
    """A dead letter from JSON; raises ``msgspec.ValidationError`` when it does not fit the classes."""
    return _dead_letter_decoder.decode(data)


def decode_output(data: bytes) -> EnrichedRecord | DeadLetter:
    """An output record of either kind from its JSON, told apart by its ``schema`` field."""
    return output_from_builtins(msgspec.json.decode(data))


def output_from_builtins(data: dict[str, object]) -> EnrichedRecord | DeadLetter:
    """An output record of either kind from its parsed JSON."""
    if data.get("schema") == "wirestream.dead-letter":
        return msgspec.convert(data, DeadLetter)
    return msgspec.convert(data, EnrichedRecord)

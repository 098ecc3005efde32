"""Bytes in, records out: decoding raw articles, and building the typed enriched records and dead letters."""

from __future__ import annotations

import base64
from datetime import UTC, datetime
import fastjsonschema
import orjson

from pipeline.article import Article, Origin, RawArticle
from pipeline.errors import (
    MessageTooLarge,
    NotJson,
    NotUtf8,
    SchemaViolation,
    UnsupportedSchemaVersion,
    WirestreamError,
)
from pipeline.schemas import RAW_ARTICLE, compiled_validator
from pipeline.sections.provenance import InputCoordinates, ModelInfo, Provenance
from pipeline.sections.record import DeadLetter, EnrichedRecord
from pipeline.stages.base import StageProvenance
from pipeline.version import pipeline_version

SUPPORTED_RAW_VERSIONS = frozenset({1})

#: headers on every produced message, so consumers can route without parsing
ENRICHED_HEADERS = {"schema": b"wirestream.enriched", "schema-version": b"1"}
DEAD_LETTER_HEADERS = {"schema": b"wirestream.dead-letter", "schema-version": b"1"}
#: provenance of a record no model touched (every model-backed stage skipped it)
NO_MODEL = ModelInfo(name="none", version="none")


def decode_raw_article(value: bytes | None, max_bytes: int) -> RawArticle:
    """Turn a message value into a validated :class:`RawArticle`, or raise an :class:`InputError`."""
    if value is None:
        raise NotJson("message has no value (tombstone)")
    if len(value) > max_bytes:
        raise MessageTooLarge(f"message is {len(value)} bytes, the limit is {max_bytes}")
    try:
        text = value.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise NotUtf8(f"not valid UTF-8 at byte {exc.start}: {exc.reason}") from None
    try:
        data = orjson.loads(text)
    except orjson.JSONDecodeError as exc:
        raise NotJson(f"not a JSON document: {exc}") from None
    except RecursionError:
        raise NotJson("JSON nested too deeply") from None
    if isinstance(data, dict) and data.get("schema_version", 1) not in SUPPORTED_RAW_VERSIONS:
        raise UnsupportedSchemaVersion(
            f"schema_version {data['schema_version']!r} is not supported "
            f"(supported: {sorted(SUPPORTED_RAW_VERSIONS)})"
        )
    try:
        compiled_validator(RAW_ARTICLE)(data)
    except fastjsonschema.JsonSchemaValueException as exc:
        raise SchemaViolation(f"not a raw article: {exc.message}") from None
    return RawArticle(
        id=data["id"],
        source=data["source"],
        title=data["title"],
        body=data["body"],
        published_at=data["published_at"],
        url=data.get("url"),
        language=data.get("language"),
        content_type=data.get("content_type"),
    )


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _coordinates(origin: Origin) -> InputCoordinates:
    return InputCoordinates(topic=origin.topic, partition=origin.partition, offset=origin.offset,
                            timestamp_ms=origin.timestamp_ms)


def enriched_record(article: Article, stages: StageProvenance) -> EnrichedRecord:
    """The enriched record of a fully processed article (schemas/enriched-record.schema.json)."""
    raw = article.raw
    assert article.origin is not None, "articles are always created with an origin"
    assert article.clean is not None, "the clean stage runs first and writes its section"
    return EnrichedRecord(
        id=raw.id,
        source=raw.source,
        url=raw.url,
        published_at=raw.published_at,
        title=raw.title if article.title is None else article.title,
        text=article.text,
        clean=article.clean,
        entities=article.entities or [],
        quotes=article.quotes,
        designations=article.designations,
        skipped_stages=article.skipped_stages,
        provenance=Provenance(
            pipeline_version=pipeline_version(),
            model=article.model or NO_MODEL,
            registry_version=stages.data_versions.get("registry"),
            data_versions=dict(stages.data_versions),
            timings_ms=article.timings_ms,
            chunk_timings=article.chunk_timings,
            input=_coordinates(article.origin),
            processed_at=_now(),
        ),
    )


def dead_letter(
    value: bytes | None,
    key: bytes | None,
    origin: Origin,
    error: BaseException,
    article_id: str | None = None,
) -> DeadLetter:
    """The dead letter of a message that could not be enriched (schemas/dead-letter.schema.json)."""
    stage = error.stage if isinstance(error, WirestreamError) else "unknown"
    reason = str(error) or type(error).__name__
    cause = error.__cause__
    if cause is not None:
        reason = f"{reason}: {type(cause).__name__}: {cause}"
    return DeadLetter(
        article_id=article_id,
        error_class=type(error).__name__,
        reason=reason,
        stage=stage,
        original_base64=base64.b64encode(value or b"").decode("ascii"),
        original_key_base64=base64.b64encode(key).decode("ascii") if key is not None else None,
        input=_coordinates(origin),
        failed_at=_now(),
        pipeline_version=pipeline_version(),
    )

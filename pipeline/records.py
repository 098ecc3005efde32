"""Bytes in, records out: decoding raw articles and building enriched records and dead letters."""

from __future__ import annotations

import base64
from datetime import UTC, datetime
from typing import Any

import fastjsonschema
import orjson

from pipeline import __version__
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

SUPPORTED_RAW_VERSIONS = frozenset({1})

#: headers on every produced message, so consumers can route without parsing
ENRICHED_HEADERS = {"schema": b"wirestream.enriched", "schema-version": b"1"}
DEAD_LETTER_HEADERS = {"schema": b"wirestream.dead-letter", "schema-version": b"1"}


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


def _origin_json(origin: Origin) -> dict[str, Any]:
    return {
        "topic": origin.topic,
        "partition": origin.partition,
        "offset": origin.offset,
        "timestamp_ms": origin.timestamp_ms,
    }


def enriched_record(article: Article, provenance: dict[str, Any]) -> dict[str, Any]:
    """The enriched record of a fully processed article (schemas/enriched-record.schema.json)."""
    raw = article.raw
    assert article.origin is not None, "articles are always created with an origin"
    return {
        "schema": "wirestream.enriched",
        "schema_version": 1,
        "id": raw.id,
        "source": raw.source,
        "url": raw.url,
        "published_at": raw.published_at,
        "title": article.sections.get("title", raw.title),
        "text": article.text,
        "clean": article.sections.get("clean", {}),
        "entities": article.sections.get("entities", []),
        "quotes": article.sections.get("quotes", []),
        "designations": article.sections.get("designations", {}),
        "skipped_stages": article.skipped_stages,
        "provenance": {
            "pipeline_version": __version__,
            "model": provenance.get("model", {"name": "none", "version": "none"}),
            "registry_version": provenance.get("registry_version"),
            "timings_ms": article.timings_ms,
            "input": _origin_json(article.origin),
            "processed_at": _now(),
        },
    }


def dead_letter(
    value: bytes | None,
    key: bytes | None,
    origin: Origin,
    error: BaseException,
    article_id: str | None = None,
) -> dict[str, Any]:
    """The dead letter of a message that could not be enriched (schemas/dead-letter.schema.json)."""
    stage = error.stage if isinstance(error, WirestreamError) else "unknown"
    reason = str(error) or type(error).__name__
    cause = error.__cause__
    if cause is not None:
        reason = f"{reason}: {type(cause).__name__}: {cause}"
    return {
        "schema": "wirestream.dead-letter",
        "schema_version": 1,
        "article_id": article_id,
        "error_class": type(error).__name__,
        "reason": reason,
        "stage": stage,
        "original_base64": base64.b64encode(value or b"").decode("ascii"),
        "original_key_base64": base64.b64encode(key).decode("ascii") if key is not None else None,
        "input": _origin_json(origin),
        "failed_at": _now(),
        "pipeline_version": __version__,
    }


def dumps(record: dict[str, Any]) -> bytes:
    """Serialise a record for Kafka or JSON lines."""
    return orjson.dumps(record)

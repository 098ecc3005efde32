"""Decoding raw messages and building dead letters."""

from __future__ import annotations

import base64

import msgspec
import orjson
import pytest

from pipeline.article import Origin
from pipeline.errors import (
    MessageTooLarge,
    NotJson,
    NotUtf8,
    SchemaViolation,
    StageError,
    UnsupportedSchemaVersion,
)
from pipeline.records import dead_letter, decode_raw_article
from tests.schema_check import assert_valid

VALID = {"id": "a1", "source": "TASS", "title": "Title", "body": "Body.", "published_at": "2015-10-08T12:00:00+03:00"}
ORIGIN = Origin("raw", 2, 41, 1_700_000_000_000)


def encode(**overrides: object) -> bytes:
    return orjson.dumps({**VALID, **overrides})


def test_valid_article_decodes_with_optional_fields_defaulted() -> None:
    article = decode_raw_article(encode(), max_bytes=10_000)
    assert (article.id, article.source, article.url, article.language) == ("a1", "TASS", None, None)


@pytest.mark.parametrize(
    ("value", "error"),
    [
        (b"\xc3\x28", NotUtf8),
        (b"{not json", NotJson),
        (b"[" * 5000 + b"]" * 5000, NotJson),
        (None, NotJson),
        (orjson.dumps([1, 2]), SchemaViolation),
        (encode(id=""), SchemaViolation),
        (encode(id=7), SchemaViolation),
        (encode(published_at="yesterday"), SchemaViolation),
        (encode(extra_field=True), SchemaViolation),
        (encode(content_type="application/pdf"), SchemaViolation),
        (encode(schema_version=2), UnsupportedSchemaVersion),
        (encode(body="x" * 20_000), MessageTooLarge),
    ],
)
def test_bad_input_raises_the_error_its_dead_letter_will_name(value: bytes | None, error: type) -> None:
    with pytest.raises(error) as raised:
        decode_raw_article(value, max_bytes=10_000)
    assert str(raised.value), "every input error carries a human-readable reason"


def test_dead_letter_keeps_original_bytes_and_coordinates() -> None:
    value = b"\x00\xffnot an article"
    try:
        decode_raw_article(value, max_bytes=10_000)
    except NotUtf8 as exc:
        record = dead_letter(value, b"key", ORIGIN, exc)
    assert_valid("dead-letter", record)
    assert base64.b64decode(record.original_base64) == value
    assert base64.b64decode(record.original_key_base64 or "") == b"key"
    assert (record.error_class, record.stage) == ("NotUtf8", "decode")
    assert msgspec.to_builtins(record.input) == {"topic": "raw", "partition": 2, "offset": 41,
                                                 "timestamp_ms": 1_700_000_000_000}


def test_dead_letter_of_a_stage_failure_names_stage_and_cause() -> None:
    error = StageError("quotes", "stage 'quotes' failed")
    error.__cause__ = KeyError("speaker")
    record = dead_letter(encode(), None, ORIGIN, error, article_id="a1")
    assert_valid("dead-letter", record)
    assert record.stage == "quotes"
    assert record.article_id == "a1"
    assert "KeyError" in record.reason

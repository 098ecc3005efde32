"""The Kafka client's delivery reports, header routing and consumer options."""

from __future__ import annotations

import pytest
from aiokafka.structs import ConsumerRecord

from pipeline.config import Settings
from pipeline.kafka.client import Delivery, DeliveryReport, EnrichedConsumer, is_enriched


def test_delivery_report_summarises_offsets_per_partition() -> None:
    report = DeliveryReport("raw", [Delivery("a", 1, 5), Delivery("b", 0, 2), Delivery("c", 1, 6)])
    assert report.by_partition() == {0: (2, 2), 1: (5, 6)}
    assert str(report) == "3 message(s) delivered to raw: p0 2, p1 5–6"
    assert str(DeliveryReport("raw")) == "0 message(s) delivered to raw"


def message(value: bytes | None, headers: list[tuple[str, bytes]]) -> ConsumerRecord:
    return ConsumerRecord("t", 0, 0, 0, 0, b"k", value, None, 1, len(value or b""), headers)


def test_consumer_routes_by_schema_headers() -> None:
    assert is_enriched(message(b"{}", [("schema", b"wirestream.enriched"), ("schema-version", b"1")]))
    assert is_enriched(message(b"{}", []))  # a record produced by another tool without headers
    assert not is_enriched(message(b"{}", [("schema", b"wirestream.dead-letter")]))
    assert not is_enriched(message(b"{}", [("schema", b"wirestream.enriched"), ("schema-version", b"2")]))
    assert not is_enriched(message(None, []))


async def test_consumer_rejects_an_unknown_offset_policy() -> None:
    with pytest.raises(ValueError, match="earliest"):
        EnrichedConsumer(Settings(), offset="middle")

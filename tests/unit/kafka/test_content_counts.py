"""The content counters a worker exports count listed persons beside designated organisations."""

from __future__ import annotations

import orjson

from pipeline import metrics
from pipeline.article import Origin
from pipeline.enrich import Enricher, Message
from pipeline.kafka.agent import _count_content
from pipeline.sections.record import decode_record

# a listed foreign agent named in full, then by surname, and no notice anywhere
ARTICLE = {"id": "cc-1", "source": "test", "title": "Штраф", "published_at": "2024-05-01T09:00:00Z",
           "language": "ru", "body": "Суд назначил штраф экономисту Дмитрию Потапенко. "
                                     "Потапенко на заседание не пришел."}


def _found(kind: str) -> float:
    return metrics.REGISTRY.get_sample_value("wirestream_content_found_total", {"kind": kind}) or 0.0


def test_a_listed_person_counts_as_designated_mentions_and_a_missing_notice(enricher: Enricher) -> None:
    [outcome] = enricher.enrich([Message(orjson.dumps(ARTICLE), None, Origin("raw", 0, 0))])
    record = decode_record(outcome.value)
    assert record.designations is not None and record.designations.organisations == []
    [person] = record.designations.persons or []
    before = _found("designated_mentions"), _found("missing_notices")
    _count_content(record)
    assert (_found("designated_mentions") - before[0], _found("missing_notices") - before[1]) == (
        len(person.mentions), 1)
    assert len(person.mentions) == 2

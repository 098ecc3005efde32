"""Typed records as consumers read them, record filters, and the review page's store and API."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import msgspec
import orjson
import pytest
from aiohttp.test_utils import TestClient, TestServer

from pipeline.kafka.client import RecordFilter
from pipeline.sections.record import DeadLetter, EnrichedRecord, decode_output
from pipeline.view.app import jsonl_app
from pipeline.view.store import JsonlFeed, RecordStore
from tests.schema_check import assert_valid

TEXT = ("SOCHI. Dmitry Peskov spoke.\n\n“I don’t would like to reveal the nuances,” he told reporters. "
        "The “Islamic state” (organization banned in Russia) and Jabhat al-Nusra fight.")


def span(needle: str, after: int = 0) -> dict[str, Any]:
    start = TEXT.index(needle, after)
    return {"start": start, "end": start + len(needle), "text": needle}


def designation(category: str = "terrorist", **extra: object) -> dict[str, Any]:
    return {"jurisdiction": "RU", "category": category, "authority": "Supreme Court", "list": "terrorist",
            "since": "2014-12-29", "until": None, "source_url": None, **extra}


def organisation(org_id: str, name: str, entity_id: str, mention: dict[str, Any], *, notice: dict | None,
                 designated: bool = True) -> dict[str, Any]:
    return {"org_id": org_id, "name": name, "entity_id": entity_id, "designated": designated,
            "designations": [designation()] if designated else [],
            "other_designations": [] if designated else [designation(until="2010-01-01", status="ended")],
            "notice_required": designated, "notice_missing": designated and notice is None,
            "mentions": [{**mention, "alias": mention["text"].lower(), "entity_id": entity_id, "notice": notice}]}


def enriched(article_id: str = "a1", *, missing_notice: bool = True, speaker: str | None = "E1") -> dict[str, Any]:
    """A schema-valid enriched record in the shape the stages write."""
    he = {"start": TEXT.index("he told"), "end": TEXT.index("he told") + 2, "text": "he"}
    notice = {**span("(organization banned in Russia)"), "kind": "banned"}
    organisations = [
        organisation("isis", "Islamic State", "E2", span("Islamic state"), notice=notice),
        organisation("nusra", "Jabhat al-Nusra", "E3", span("Jabhat al-Nusra"),
                     notice=None, designated=missing_notice),
    ]
    return {
        "schema": "wirestream.enriched", "schema_version": 1, "id": article_id, "source": "TASS", "url": None,
        "published_at": "2015-10-08T12:00:00+03:00", "title": "Peskov did not disclose details", "text": TEXT,
        "clean": {"content_type": "text/plain", "paragraphs": [{"start": 0, "end": 27, "kind": "text"}],
                  "language": {"code": "en", "confidence": 0.99, "declared": "en", "detected": "en"},
                  "dateline": None, "byline": None, "removed": [], "html_removed": {}, "quote_marks": ["curly"],
                  "offset_map": {"orig_length": len(TEXT), "segments": []}},
        "entities": [
            {"id": "E1", "label": "PERSON", "name": "Dmitry Peskov", "kb_id": "peskov",
             "mentions": [{**span("Dmitry Peskov"), "source": "model"}, {**he, "source": "pronoun"}]},
            {"id": "E2", "label": "ORG", "name": "Islamic State", "kb_id": None,
             "mentions": [{**span("Islamic state"), "source": "gazetteer"}]},
            {"id": "E3", "label": "ORG", "name": "Jabhat al-Nusra", "kb_id": None,
             "mentions": [{**span("Jabhat al-Nusra"), "source": "model"}]},
        ],
        "quotes": [{"id": "Q1", "type": "direct", "content": span("I don’t would like to reveal the nuances,"),
                    "cue": {**span("told"), "lemma": "tell"}, "speaker_mention": he,
                    "speaker_entity": speaker, "speaker_name": "Dmitry Peskov" if speaker else "a source",
                    "unresolved_reason": None if speaker else "unnamed_source", "rule": "direct-cue-after",
                    "confidence": 0.95}],
        "designations": {"as_of": "2015-10-08", "registry_version": "test", "notice_jurisdiction": "RU",
                         "organisations": organisations, "unlinked_notices": [],
                         "summary": {"organisations": 2, "designated": 1 + missing_notice, "notice_required":
                                     1 + missing_notice, "notice_missing": int(missing_notice)}},
        "skipped_stages": [],
        "provenance": {"pipeline_version": "0.2.0+0123abcd", "model": {"name": "m", "version": "1"},
                       "registry_version": None, "data_versions": {}, "timings_ms": {"quotes": 1.0},
                       "chunk_timings": {"ner": {"chunk_ms": 8.0, "chunk_size": 8}},
                       "input": {"topic": "raw", "partition": 0, "offset": 7, "timestamp_ms": None},
                       "processed_at": "2024-01-01T00:00:00Z"},
    }


DEAD = {"schema": "wirestream.dead-letter", "schema_version": 1, "article_id": None, "error_class": "NotJson",
        "reason": "not a JSON document", "stage": "decode", "original_base64": "eA==", "original_key_base64": None,
        "input": {"topic": "raw", "partition": 1, "offset": 3, "timestamp_ms": None},
        "failed_at": "2024-01-01T00:00:00Z", "pipeline_version": "0.1.0"}


def test_the_test_records_follow_the_schemas() -> None:
    assert_valid("enriched-record", enriched())
    assert_valid("dead-letter", DEAD)


def typed(record: dict[str, Any]) -> EnrichedRecord:
    """The record as a consumer decodes it from the topic."""
    output = decode_output(orjson.dumps(record))
    assert isinstance(output, EnrichedRecord)
    return output


def test_enriched_record_gives_typed_sections_with_offsets_into_the_text() -> None:
    record = typed(enriched())
    assert record.language == "en" and record.entity("E1").name == "Dmitry Peskov"
    [quote] = record.quotes
    assert quote.speaker_name == "Dmitry Peskov"
    assert TEXT[quote.content.start:quote.content.end].startswith("I don’t would like to reveal")
    assert all(TEXT[m.start:m.end] == m.text for e in record.entities for m in e.mentions)
    assert record.designations is not None
    organisations = record.designations.organisations
    assert [o.name for o in organisations if o.notice_missing] == ["Jabhat al-Nusra"]
    assert organisations[0].mentions[0].notice is not None and organisations[0].mentions[0].notice.kind == "banned"
    assert organisations[0].designations[0].status is msgspec.UNSET  # in force: no status written
    assert msgspec.to_builtins(record) == enriched()


def test_unresolved_speaker_keeps_the_written_name() -> None:
    [quote] = typed(enriched(speaker=None)).quotes
    assert (quote.speaker_name, quote.speaker_entity, quote.unresolved_reason) == ("a source", None, "unnamed_source")


def test_delisted_organisation_is_neither_designated_nor_flagged() -> None:
    designations = typed(enriched(missing_notice=False)).designations
    assert designations is not None
    [_, nusra] = designations.organisations
    assert (nusra.designated, nusra.notice_missing, nusra.other_designations[0].status) == (False, False, "ended")


def test_fields_a_newer_pipeline_adds_are_ignored_and_a_missing_designations_stage_is_null() -> None:
    newer = enriched() | {"sentiment": 0.2, "designations": None}
    record = typed(newer)
    assert (record.designations, record.missing_notice) == (None, False)


def test_a_record_missing_a_required_section_is_refused() -> None:
    with pytest.raises(msgspec.ValidationError, match="quotes"):
        typed({k: v for k, v in enriched().items() if k != "quotes"})


@pytest.mark.parametrize(
    ("record_filter", "expected"),
    [
        (RecordFilter(), True),
        (RecordFilter(missing_notice=True), True),
        (RecordFilter(speaker="peskov"), True),
        (RecordFilter(speaker="Putin"), False),
        (RecordFilter(entity="nusra"), True),
        (RecordFilter(entity="he"), True),  # a mention's text counts, not only the canonical name
        (RecordFilter(entity="Hollande"), False),
        (RecordFilter(missing_notice=True, speaker="Peskov", entity="Islamic"), True),
        (RecordFilter(missing_notice=True, speaker="Putin"), False),
    ],
)
def test_record_filter(record_filter: RecordFilter, expected: bool) -> None:
    assert record_filter(typed(enriched())) is expected


def test_missing_notice_filter_rejects_compliant_articles() -> None:
    assert not RecordFilter(missing_notice=True)(typed(enriched(missing_notice=False)))


def test_dead_letter_is_typed_too() -> None:
    letter = decode_output(orjson.dumps(DEAD))
    assert isinstance(letter, DeadLetter)
    assert (letter.error_class, letter.stage, letter.input.topic, letter.input.partition, letter.input.offset) == (
        "NotJson", "decode", "raw", 1, 3)


def test_store_keeps_the_latest_copy_newest_first_and_bounded() -> None:
    store = RecordStore(limit=2)
    for article_id in ("a", "b", "a", "c"):
        store.add(enriched(article_id))
    store.add(DEAD)
    assert [s["id"] for s in store.articles()] == ["c", "a"]
    assert store.article("b") is None and store.article("c")["id"] == "c"
    assert store.articles()[0] | {"id": "x"} == {"id": "x", "title": "Peskov did not disclose details",
                                                 "source": "TASS", "published_at": "2015-10-08T12:00:00+03:00",
                                                 "entities": 3, "quotes": 1, "missing_notice": True}
    assert [d["error_class"] for d in store.dead_letters()] == ["NotJson"]
    assert "original_base64" not in store.dead_letters()[0]
    assert [s["id"] for s in store.articles(entity="hollande")] == []


def write_jsonl(path: Path, *records: dict[str, Any]) -> None:
    path.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in records))


def test_jsonl_feed_rereads_the_file_when_it_changes(tmp_path: Path) -> None:
    path = tmp_path / "records.jsonl"
    write_jsonl(path, enriched("a"))
    feed = JsonlFeed(path, RecordStore())
    feed.refresh()
    write_jsonl(path, enriched("a"), enriched("b"), DEAD)
    path.write_bytes(path.read_bytes() + b"WARNING a log line on stderr\n")
    feed.refresh()
    assert [s["id"] for s in feed.store.articles()] == ["b", "a"]
    assert len(feed.store.dead_letters()) == 1


async def test_view_api_serves_list_search_article_dead_letters_and_static_files(tmp_path: Path) -> None:
    path = tmp_path / "records.jsonl"
    write_jsonl(path, enriched("seed"), enriched("other", missing_notice=False), DEAD)
    async with TestClient(TestServer(jsonl_app(path))) as client:
        listing = await (await client.get("/api/articles")).json()
        assert [(a["id"], a["missing_notice"]) for a in listing] == [("other", False), ("seed", True)]
        assert len(await (await client.get("/api/articles", params={"entity": "Peskov"})).json()) == 2
        assert await (await client.get("/api/articles", params={"entity": "nobody"})).json() == []
        assert (await (await client.get("/api/articles/seed")).json())["text"] == TEXT
        assert (await client.get("/api/articles/missing")).status == 404
        assert [d["reason"] for d in await (await client.get("/api/dead-letters")).json()] == ["not a JSON document"]
        page = await (await client.get("/")).text()
        assert '<script src="/static/app.js"' in page and "http" not in page  # nothing from a CDN
        for asset in ("app.js", "style.css"):
            assert (await client.get(f"/static/{asset}")).status == 200

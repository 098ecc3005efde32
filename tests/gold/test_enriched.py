"""The span mapping the gold scorers rely on (tests/gold/enriched.py), on hand-made offset maps."""

from __future__ import annotations

from tests.gold.enriched import SpanMap, fold

BODY = 'Headline\n\nSOCHI, May 3. He said "yes"  twice.'
#        0         10    16    22   27      35 38
TEXT = "He said “yes” twice."


def record() -> dict:
    # clean cut [0, 24) (headline with its break, dateline), kept 'He said "yes"' linearly,
    # collapsed the two spaces into one, kept "twice."
    segments = [[0, 24, 13, 13], [13, 37, 1, 2], [14, 39, 6, 6]]
    return {"id": "t", "text": TEXT, "clean": {
        "offset_map": {"orig_length": len(BODY), "segments": segments},
        "removed": [{"kind": "title", "orig_start": 0, "orig_end": 8}],
        "dateline": {"orig_start": 10, "orig_end": 23}}}


def test_kept_span_maps_with_its_text_up_to_normalisation() -> None:
    spans = SpanMap(record(), BODY)
    m = spans.map_span(BODY.index('"yes"'), BODY.index('"yes"') + 5)
    assert m.status == "ok" and m.span is not None
    assert TEXT[slice(*m.span)] == "“yes”"
    m = spans.map_span(BODY.index("yes"), BODY.index("twice") + 5)
    assert m.status == "ok" and m.span is not None and TEXT[slice(*m.span)] == "yes” twice"


def test_cut_spans_are_reported_with_what_was_cut() -> None:
    spans = SpanMap(record(), BODY)
    assert (spans.map_span(0, 8).status, spans.map_span(0, 8).cut) == ("removed", "title")
    m = spans.map_span(10, 15)
    assert (m.status, m.cut, m.span) == ("removed", "dateline", None)
    assert spans.map_span(20, 26).status == "partly removed"


def test_a_wrong_annotation_shows_as_changed() -> None:
    rec = record()
    rec["text"] = "He said “no!” twice."
    assert SpanMap(rec, BODY).map_span(BODY.index('"yes"'), BODY.index('"yes"') + 5).status == "changed"


def test_fold() -> None:
    assert fold("“a” — ‘b’\n\n c") == "\"a\" - 'b' c"

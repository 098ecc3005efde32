"""OffsetMap: lookups, composition and serialisation."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.text.offsets import OffsetMap, apply_edits


def test_identity_maps_each_character_to_itself() -> None:
    m = OffsetMap.identity(5)
    assert m.segments() == [(0, 0, 5, 5)]
    assert m.to_original(1, 3) == (1, 3)
    assert m.position(5) == 5


def test_edits_map_replacements_atomically_and_the_rest_linearly() -> None:
    text, m = apply_edits("a &amp; b", [(2, 7, "&")])
    assert text == "a & b"
    assert m.segments() == [(0, 0, 2, 2), (2, 2, 1, 5), (3, 7, 2, 2)]
    assert m.to_original(2, 3) == (2, 7)
    assert m.to_original(0, 5) == (0, 9)
    assert m.to_original(4, 5) == (8, 9)


def test_insertions_map_to_an_empty_span() -> None:
    text, m = apply_edits("ab", [(1, 1, "\n\n")])
    assert text == "a\n\nb"
    assert m.to_original(1, 3) == (1, 1)
    assert m.to_original(3, 4) == (1, 2)


def test_compose_follows_both_maps() -> None:
    text1, inner = apply_edits("x&amp;y  z", [(1, 6, "&"), (7, 9, " ")])
    assert text1 == "x&y z"
    text2, outer = apply_edits(text1, [(0, 1, "")])
    m = outer.compose(inner)
    assert text2 == "&y z"
    assert m.to_original(0, 1) == (1, 6)
    assert m.to_original(1, 2) == (6, 7)
    assert m.to_original(3, 4) == (9, 10)



def test_composing_with_an_identity_map_keeps_the_other_map() -> None:
    text1, edited_map = apply_edits("''Yes,'' she said", [(0, 2, "“"), (6, 8, "”")])
    identity = OffsetMap.identity(len(text1))
    for m in (edited_map.compose(OffsetMap.identity(len("''Yes,'' she said"))), identity.compose(edited_map)):
        assert m.segments() == edited_map.segments()
        assert (m.clean_length, m.orig_length) == (len(text1), len("''Yes,'' she said"))
        assert m.to_original(0, 6) == (0, 8)
    assert identity.is_identity() and not edited_map.is_identity()


@st.composite
def edited(draw: st.DrawFn) -> tuple[str, list[tuple[int, int, str]]]:
    text = draw(st.text(alphabet="ab &;\n", max_size=40))
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=8)))
    edits, pos = [], 0
    for a, b in zip(cuts[::2], cuts[1::2], strict=False):
        if a >= pos:
            edits.append((a, b, draw(st.text(alphabet="xy", max_size=3))))
            pos = b
    return text, edits


@settings(max_examples=300)
@given(edited(), edited())
def test_composed_maps_are_monotonic_and_serialise(first: tuple, second: tuple) -> None:
    text0, edits0 = first
    text1, inner = apply_edits(text0, edits0)
    edits1 = [(min(a, len(text1)), min(b, len(text1)), r) for a, b, r in second[1]]
    edits1 = [e for i, e in enumerate(edits1) if i == 0 or e[0] >= edits1[i - 1][1]]
    text2, outer = apply_edits(text1, edits1)
    m = outer.compose(inner)
    rows = m.segments()
    assert sum(r[2] for r in rows) == len(text2) == m.clean_length
    assert all(r[0] == p[0] + p[2] for p, r in zip(rows, rows[1:], strict=False))
    assert all(p[1] <= r[1] for p, r in zip(rows, rows[1:], strict=False))
    spans = [r for r in rows if r[3]]
    assert all(p[1] + p[3] <= r[1] + r[3] for p, r in zip(spans, spans[1:], strict=False))
    assert all(0 <= r[1] and r[1] + r[3] <= len(text0) for r in rows)
    back = OffsetMap.from_segments(rows, len(text0))
    for i in range(len(text2) + 1):
        assert back.position(i) == m.position(i)
        if i < len(text2):
            assert back.to_original(i, i + 1) == m.to_original(i, i + 1)

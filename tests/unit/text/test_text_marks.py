"""Quote marks and dashes become one canonical set, offsets unchanged."""

from __future__ import annotations

import pytest

from pipeline.text.marks import QUOTES, canonical_marks, mark_families


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("«Да», сказал он", "“Да”, сказал он"),
        ("„Hallo“, sagte er", "“Hallo”, sagte er"),
        ('"Hello," he said. "Bye."', "“Hello,” he said. “Bye.”"),
        ('("quoted")', "(“quoted”)"),
        ("”Swedish”", "“Swedish”"),
        ("‹single›", "‘single’"),
        ("al‑Nusra − 5 ― said", "al-Nusra - 5 — said"),
        ("“He was,” – said Sands", "“He was,” – said Sands"),
    ],
)
def test_canonical_marks(raw: str, clean: str) -> None:
    assert canonical_marks(raw) == clean
    assert len(canonical_marks(raw)) == len(raw)


def test_only_canonical_quotes_survive() -> None:
    out = canonical_marks('«a» „b“ "c" ‹d› ‚e‘ ‟f” 〝g〞 ＂h＂')
    assert {c for c in out if not c.isalnum() and not c.isspace()} <= set(QUOTES)


def test_families_of_the_original() -> None:
    assert mark_families('«a» "b"') == ["guillemets", "straight"]

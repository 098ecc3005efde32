"""Loading of the word lists in ``pipeline/text/data/`` (read once per process)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).parent / "data"


@cache
def read_lines(name: str) -> tuple[str, ...]:
    """The non-blank, non-comment lines of ``data/<name>``, stripped."""
    lines = (DATA_DIR / name).read_text(encoding="utf-8").splitlines()
    return tuple(s for line in lines if (s := line.strip()) and not s.startswith("#"))

"""Find the designation notices an article carries; patterns are data (data/notices.yaml)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import msgspec
import yaml

from pipeline.sections import designations as sections
from pipeline.sections.designations import NoticeKind

DATA_DIR = Path(__file__).parent / "data"

# The kind a notice's wording names, most specific first.
# English and Russian wordings.
_KIND_WORDS: tuple[tuple[NoticeKind, re.Pattern[str]], ...] = (
    ("foreign_agent", re.compile(r"foreign[\s-]+agent|иноагент|иностранн\w+\s+агент", re.I)),
    ("undesirable", re.compile(r"undesirable|нежелательн", re.I)),
    ("extremist", re.compile(r"extremis|экстремист", re.I)),
    ("terrorist", re.compile(r"terror|террорист", re.I)),
)


@dataclass(frozen=True, slots=True)
class Notice:
    """A notice in the text: offsets, wording and kind."""

    start: int
    end: int
    text: str
    kind: NoticeKind

    def to_section(self) -> sections.Notice:
        return sections.Notice(start=self.start, end=self.end, text=self.text, kind=self.kind)


class NoticeDetector:
    """The notice patterns, compiled once."""

    def __init__(self, path: Path = DATA_DIR / "notices.yaml") -> None:
        data = yaml.safe_load(path.read_text("utf-8"))
        ru = data["ru"]
        self._patterns = [(msgspec.convert(p["kind"], NoticeKind | Literal["auto"]),
                           re.compile(p["pattern"].replace("{RU}", ru), re.I)) for p in data["patterns"]]

    def find(self, text: str) -> list[Notice]:
        """Non-overlapping notices, earlier patterns winning over later ones."""
        found: list[Notice] = []
        for kind, pattern in self._patterns:
            for m in pattern.finditer(text):
                start, end = m.start(), m.end()
                while start < end and text[start].isspace():
                    start += 1
                if any(n.start < end and start < n.end for n in found):
                    continue
                wording = text[start:end]
                found.append(Notice(start, end, wording, _kind(wording) if kind == "auto" else kind))
        return sorted(found, key=lambda n: n.start)


def _kind(wording: str) -> NoticeKind:
    return next((kind for kind, words in _KIND_WORDS if words.search(wording)), "banned")

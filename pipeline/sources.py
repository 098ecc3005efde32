"""Reading raw articles from files: JSON lines, or plain-text / HTML files (one article each).

A ``.txt`` or ``.html`` file becomes an article whose id is the file name
stem, whose title is the first non-empty line (text) or ``<title>`` (HTML is
left to the clean stage), and whose date is given by the caller.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import orjson

ARTICLE_SUFFIXES = {".txt": "text/plain", ".html": "text/html", ".htm": "text/html"}


def article_from_file(path: Path, source: str, published_at: str) -> dict[str, object]:
    """A raw article (as a dict) from one text or HTML file."""
    content_type = ARTICLE_SUFFIXES[path.suffix.lower()]
    content = path.read_text(encoding="utf-8", errors="replace")
    title = ""
    body = content
    if content_type == "text/plain":
        lines = content.splitlines()
        first = next((i for i, line in enumerate(lines) if line.strip()), None)
        if first is not None:
            title = lines[first].strip()
            body = "\n".join(lines[first + 1 :]).strip("\n")
    return {
        "id": path.stem,
        "source": source,
        "title": title,
        "body": body,
        "published_at": published_at,
        "content_type": content_type,
    }


def _files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(p for p in path.iterdir() if p.suffix.lower() in {".jsonl", *ARTICLE_SUFFIXES})
    return [path]


def read_messages(path: Path, source: str = "file", published_at: str | None = None) -> Iterator[tuple[str, int, bytes]]:
    """(file name, line or 0, message bytes) for every article under ``path``.

    JSON-lines files yield each non-empty line's bytes untouched, so that a
    malformed line reaches the pipeline and its dead-letter topic as it is.
    """
    date = published_at or datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
    for file in _files(path):
        if file.suffix.lower() == ".jsonl" or str(file) == "-":
            with file.open("rb") as handle:
                for number, line in enumerate(handle, start=1):
                    if line.strip():
                        yield file.name, number, line.rstrip(b"\r\n")
        elif file.suffix.lower() in ARTICLE_SUFFIXES:
            yield file.name, 0, orjson.dumps(article_from_file(file, source, date))
        else:
            raise ValueError(f"{file}: expected .jsonl, .txt or .html")

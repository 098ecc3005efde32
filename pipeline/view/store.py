"""What the review page shows: recent enriched records (latest per id) and dead letters.

Fed either from a JSONL file (re-read when it changes) or by following the
output topics; bounded, so a long-running page does not grow without end.
"""

from __future__ import annotations

from collections import OrderedDict, deque
from pathlib import Path
from typing import Any

import msgspec
import orjson

from pipeline.sections.record import DeadLetter, EnrichedRecord, output_from_builtins


class RecordStore:
    """The newest ``limit`` articles and dead letters, in arrival order."""

    def __init__(self, limit: int = 500) -> None:
        self.limit = limit
        self._articles: OrderedDict[str, EnrichedRecord] = OrderedDict()
        self._dead: deque[DeadLetter] = deque(maxlen=limit)

    def add(self, data: dict[str, Any]) -> None:
        """Keep a record of either kind; a re-delivered article replaces its older copy."""
        record = output_from_builtins(data)
        if isinstance(record, DeadLetter):
            self._dead.append(record)
            return
        self._articles.pop(record.id, None)
        self._articles[record.id] = record
        if len(self._articles) > self.limit:
            self._articles.popitem(last=False)

    def clear(self) -> None:
        self._articles.clear()
        self._dead.clear()

    def articles(self, entity: str | None = None) -> list[dict[str, Any]]:
        """Summaries, newest first, of the articles naming ``entity`` (all when None)."""
        chosen = [r for r in reversed(self._articles.values()) if not entity or r.has_entity(entity)]
        return [summary(record) for record in chosen]

    def article(self, article_id: str) -> dict[str, Any] | None:
        record = self._articles.get(article_id)
        return msgspec.to_builtins(record) if record else None

    def dead_letters(self) -> list[dict[str, Any]]:
        """Newest first, without the original bytes (the page shows reasons, not payloads)."""
        return [{k: v for k, v in msgspec.to_builtins(d).items() if k != "original_base64"}
                for d in reversed(self._dead)]


def summary(record: EnrichedRecord) -> dict[str, Any]:
    """One line of the article list."""
    return {
        "id": record.id,
        "title": record.title,
        "source": record.source,
        "published_at": record.published_at,
        "entities": len(record.entities),
        "quotes": len(record.quotes),
        "missing_notice": record.missing_notice,
    }


class JsonlFeed:
    """Enriched records and dead letters from JSON lines (e.g. ``wirestream enrich`` output)."""

    def __init__(self, path: Path, store: RecordStore) -> None:
        self.path = path
        self.store = store
        self._seen: tuple[int, int] | None = None

    def refresh(self) -> None:
        """Re-read the file if it changed since the last look."""
        stat = self.path.stat()
        if (stat.st_mtime_ns, stat.st_size) == self._seen:
            return
        self.store.clear()
        for line in self.path.read_bytes().splitlines():
            if line.lstrip().startswith(b"{"):  # log lines of a merged stderr are not records
                self.store.add(orjson.loads(line))
        self._seen = (stat.st_mtime_ns, stat.st_size)

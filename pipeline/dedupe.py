"""Refusing exact re-sends of an article, within a bounded window of recent ids.

A producer that retries, or a feed that repeats itself, sends the same article
again at a new offset. Publishing it twice would double-count it downstream,
so an exact repeat (same id, same content) becomes a ``DuplicateArticle`` dead
letter. A *redelivery* of the same offset after a crash is not a repeat (it
is re-processed: at-least-once), and the same id with new content is a
correction and goes through. The window lives in the worker's memory: it
relies on producers keying by id (so one id always reaches one partition and
one worker) and starts empty after a restart or rebalance.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict

from pipeline.article import Origin, RawArticle
from pipeline.errors import DuplicateArticle


def _fingerprint(raw: RawArticle) -> bytes:
    digest = hashlib.blake2b(digest_size=16)
    for part in (raw.source, raw.title, raw.body, raw.published_at, raw.url or ""):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\x00")
    return digest.digest()


class RecentArticles:
    """An LRU map of article id → (content fingerprint, first origin)."""

    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self._seen: OrderedDict[str, tuple[bytes, Origin]] = OrderedDict()

    def check(self, raw: RawArticle, origin: Origin) -> None:
        """Remember ``raw``; raise :class:`DuplicateArticle` if it repeats a recent one exactly."""
        if self.capacity == 0:
            return
        fingerprint = _fingerprint(raw)
        previous = self._seen.get(raw.id)
        if previous is not None:
            seen_fingerprint, first = previous
            same_message = (first.topic, first.partition, first.offset) == (
                origin.topic, origin.partition, origin.offset)
            if seen_fingerprint == fingerprint and not same_message:
                raise DuplicateArticle(
                    f"article {raw.id!r} repeats, unchanged, the one at "
                    f"{first.topic}[{first.partition}]@{first.offset}"
                )
        self._seen[raw.id] = (fingerprint, previous[1] if previous and previous[0] == fingerprint else origin)
        self._seen.move_to_end(raw.id)
        if len(self._seen) > self.capacity:
            self._seen.popitem(last=False)

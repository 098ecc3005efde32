"""Refusing exact re-sends of an article, within a bounded window of recent ids.

A producer that retries, or a feed that repeats itself, sends the same article
again at a new offset. Publishing it twice would double-count it downstream,
so an exact repeat (same id, same content) becomes a ``DuplicateArticle`` dead
letter. The same id with new content is a correction and goes through.

A *replay* is not a repeat: after a crash, an aborted transaction or a
rebalance, offsets the window already saw are processed again. A re-send
always lands *after* its original in the same partition (producers key by
id), so a message at or before the remembered origin of its id, in the same
partition, is a replay: the window rewinds that id to it and decides as it
did the first time. That keeps a retried batch from refusing its own articles
even when its first attempt left later offsets in the window. The window lives
in the worker's memory: it relies on producers keying by id (so one id always
reaches one partition and one worker) and starts empty after a restart or
rebalance.
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


def _is_replay(origin: Origin, first: Origin) -> bool:
    """Whether ``origin`` is an offset the window has already passed, not a later re-send."""
    return (origin.topic, origin.partition) == (first.topic, first.partition) and origin.offset <= first.offset


class RecentArticles:
    """An LRU map of article id → (content fingerprint, first origin of that content)."""

    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self._seen: OrderedDict[str, tuple[bytes, Origin]] = OrderedDict()

    def check(self, raw: RawArticle, origin: Origin) -> None:
        """Remember ``raw``; raise :class:`DuplicateArticle` if it repeats a recent one exactly."""
        if self.capacity == 0:
            return
        fingerprint = _fingerprint(raw)
        previous = self._seen.get(raw.id)
        if previous is not None and previous[0] == fingerprint and not _is_replay(origin, previous[1]):
            first = previous[1]
            raise DuplicateArticle(
                f"article {raw.id!r} repeats, unchanged, the one at {first.topic}[{first.partition}]@{first.offset}")
        self._seen[raw.id] = (fingerprint, origin)
        self._seen.move_to_end(raw.id)
        if len(self._seen) > self.capacity:
            self._seen.popitem(last=False)

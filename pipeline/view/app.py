"""The review page's aiohttp application: static files and a small JSON API."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import orjson
from aiohttp import web

from pipeline.config import Settings
from pipeline.kafka.client import read_topic
from pipeline.view.store import JsonlFeed, RecordStore

STATIC = Path(__file__).parent / "static"
STORE = web.AppKey("store", RecordStore)
REFRESH: web.AppKey[Callable[[], None]] = web.AppKey("refresh")


def _json(data: object) -> web.Response:
    return web.Response(body=orjson.dumps(data), content_type="application/json")


async def index(request: web.Request) -> web.FileResponse:
    return web.FileResponse(STATIC / "index.html")


async def articles(request: web.Request) -> web.Response:
    """Article summaries, newest first; ``?entity=`` keeps those naming that entity."""
    request.app[REFRESH]()
    return _json(request.app[STORE].articles(request.query.get("entity", "").strip() or None))


async def article(request: web.Request) -> web.Response:
    """One whole enriched record."""
    request.app[REFRESH]()
    record = request.app[STORE].article(request.match_info["article_id"])
    if record is None:
        raise web.HTTPNotFound(text="no such article")
    return _json(record)


async def dead_letters(request: web.Request) -> web.Response:
    request.app[REFRESH]()
    return _json(request.app[STORE].dead_letters())


def _app(store: RecordStore, refresh: Callable[[], None]) -> web.Application:
    app = web.Application()
    app[STORE] = store
    app[REFRESH] = refresh
    app.router.add_get("/", index)
    app.router.add_get("/api/articles", articles)
    app.router.add_get("/api/articles/{article_id}", article)
    app.router.add_get("/api/dead-letters", dead_letters)
    app.router.add_static("/static", STATIC)
    return app


def jsonl_app(path: Path, limit: int = 500) -> web.Application:
    """The page over a JSONL file of enriched records and dead letters, re-read when it changes."""
    feed = JsonlFeed(path, RecordStore(limit))
    feed.refresh()
    return _app(feed.store, feed.refresh)


def kafka_app(settings: Settings, limit: int = 500) -> web.Application:
    """The page following the enriched and dead-letter topics from their beginning."""
    store = RecordStore(limit)
    app = _app(store, lambda: None)

    async def follow(topic: str) -> None:
        async for message in read_topic(settings, topic, idle_timeout_s=None):
            if message.value is not None:
                store.add(orjson.loads(message.value))

    async def followers(app: web.Application) -> AsyncIterator[None]:
        tasks = [asyncio.create_task(follow(t)) for t in (settings.topic_enriched, settings.topic_dead_letter)]
        yield
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task

    app.cleanup_ctx.append(followers)
    return app

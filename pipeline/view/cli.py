"""``wirestream view``: serve the review page (the main CLI registers this function)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from aiohttp import web

from pipeline.config import get_settings


def view(
    jsonl: Annotated[Path | None, typer.Option("--jsonl", help="read records from this JSONL file "
                                               "(enriched records and dead letters) instead of Kafka")] = None,
    port: Annotated[int, typer.Option(help="port to listen on")] = 8470,
    host: Annotated[str, typer.Option(help="address to listen on")] = "127.0.0.1",
    limit: Annotated[int, typer.Option(help="most recent articles and dead letters kept")] = 500,
) -> None:
    """Serve the review page: articles with entities, quotes and designations highlighted, and dead letters."""
    if jsonl is not None and not jsonl.is_file():
        typer.secho(f"{jsonl}: no such file", err=True, fg=typer.colors.RED)
        raise typer.Exit(code=1)
    from pipeline.view.app import jsonl_app, kafka_app  # here: the Kafka client loads only when the page is served

    app = jsonl_app(jsonl, limit) if jsonl else kafka_app(get_settings(), limit)
    source = jsonl or f"topics {get_settings().topic_enriched}, {get_settings().topic_dead_letter}"
    typer.echo(f"review page for {source} on http://{host}:{port}/ (Ctrl-C stops)")
    web.run_app(app, host=host, port=port, print=None)

"""The ``wirestream`` command line."""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Annotated, Any

import orjson
import typer

from pipeline.article import Origin
from pipeline.config import Settings, get_settings
from pipeline.registry.cli import registry_app
from pipeline.errors import InputError
from pipeline.progress import Progress
from pipeline.render import render
from pipeline.sections.record import decode_output, output_from_builtins
from pipeline.view.cli import view

app = typer.Typer(help="Wirestream: streaming enrichment of wire copy on Kafka.", no_args_is_help=True,
                  pretty_exceptions_enable=False)
kafka_app = typer.Typer(help="The embedded single-node Kafka broker (development, tests, demo).",
                        no_args_is_help=True)
app.add_typer(kafka_app, name="kafka")
app.add_typer(registry_app, name="registry")
app.command("view")(view)

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
PublishedAt = Annotated[str | None, typer.Option(help="published_at for .txt/.html files (default: now)")]
ShowProgress = Annotated[bool | None, typer.Option(
    "--progress/--no-progress", show_default=False,
    help="progress bar on stderr (default: only when stderr is a terminal)")]
#: messages per send_many call in ``produce``: deliveries are awaited (and the bar advanced) per chunk
PRODUCE_CHUNK = 500


def _fail(message: str) -> typer.Exit:
    typer.secho(message, err=True, fg=typer.colors.RED)
    return typer.Exit(code=1)


@kafka_app.command("up")
def kafka_up() -> None:
    """Fetch (once), format (once) and start the broker; wait until it answers."""
    from pipeline.kafka import broker

    typer.echo(broker.up(get_settings()))


@kafka_app.command("down")
def kafka_down(purge: Annotated[bool, typer.Option(help="also delete the broker's data")] = False) -> None:
    """Stop the broker."""
    from pipeline.kafka import broker

    typer.echo(broker.down(get_settings(), purge=purge))


@kafka_app.command("status")
def kafka_status() -> None:
    """Say whether the broker runs and answers (exit 1 if not)."""
    from pipeline.kafka import broker

    running, description = broker.status(get_settings())
    typer.echo(description)
    if not running:
        raise typer.Exit(code=1)


@app.command()
def worker() -> None:
    """Run a worker: consume raw articles, enrich, publish. Run several to scale."""
    from pipeline.kafka.worker import run_worker

    run_worker(get_settings())


def _read(path: Path, source: str, published_at: str | None) -> list[tuple[str, int, bytes]]:
    from pipeline.sources import read_messages

    if str(path) == "-":
        return [("stdin", n, line.rstrip(b"\r\n")) for n, line in enumerate(sys.stdin.buffer, 1) if line.strip()]
    if not path.exists():
        raise _fail(f"{path}: no such file or directory")
    try:
        return list(read_messages(path, source, published_at))
    except ValueError as exc:
        raise _fail(str(exc)) from None


@app.command()
def produce(
    path: Annotated[Path, typer.Argument(help="JSONL of raw articles, a .txt/.html file, a folder, or - for stdin")],
    source: Annotated[str, typer.Option(help="source name for .txt/.html files")] = "file",
    published_at: PublishedAt = None,
    validate: Annotated[bool, typer.Option(help="refuse invalid articles before sending")] = True,
    progress: ShowProgress = None,
) -> None:
    """Produce raw articles to the raw topic, keyed by id."""
    from pipeline.kafka.client import ArticleProducer

    settings = get_settings()
    values = [value for _, _, value in _read(path, source, published_at)]

    async def send() -> int:
        sent = 0
        async with ArticleProducer(settings, validate=validate) as producer:
            with Progress(len(values), desc="produce", unit=" messages", enabled=progress) as bar:
                for start in range(0, len(values), PRODUCE_CHUNK):
                    sent += len(await producer.send_many(values[start:start + PRODUCE_CHUNK]))
                    bar.advance(min(PRODUCE_CHUNK, len(values) - start))
        return sent

    try:
        count = asyncio.run(send())
    except InputError as exc:
        raise _fail(f"not sent: {type(exc).__name__}: {exc} (use --no-validate to send as is)") from None
    typer.echo(f"produced {count} message(s) to {settings.topic_raw}")


@app.command()
def tail(
    dlq: Annotated[bool, typer.Option("--dlq", help="read the dead-letter topic")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="raw JSON lines instead of a summary")] = False,
    follow: Annotated[bool, typer.Option("--follow", "-f", help="keep waiting for new records")] = False,
    from_beginning: Annotated[bool, typer.Option(help="start at the oldest record")] = True,
) -> None:
    """Print the enriched topic (or the dead letters)."""
    from pipeline.kafka.client import read_topic

    settings = get_settings()
    topic = settings.topic_dead_letter if dlq else settings.topic_enriched

    async def run() -> None:
        async for message in read_topic(settings, topic, from_beginning=from_beginning,
                                        idle_timeout_s=None if follow else 3.0):
            typer.echo(message.value.decode() if as_json else render(decode_output(message.value)))

    asyncio.run(run())


@app.command()
def enrich(
    path: Annotated[Path, typer.Argument(help="JSONL of raw articles, a .txt/.html file, a folder, or -")],
    source: Annotated[str, typer.Option(help="source name for .txt/.html files")] = "file",
    published_at: PublishedAt = None,
    pretty: Annotated[bool, typer.Option(help="a summary instead of JSON lines")] = False,
    progress: ShowProgress = None,
) -> None:
    """Run the stages offline (no Kafka): one enriched record per input on stdout.

    Dead letters go to stderr as JSON lines, and the exit code is 1 if there were any.
    Records are written as each chunk of articles is done, in input order.
    """
    from pipeline.enrich import Message, build_enricher

    settings = get_settings()
    messages = [Message(value, None, Origin(name, 0, line)) for name, line, value in _read(path, source, published_at)]
    enricher = build_enricher(settings)
    chunk = settings.stage_chunk_size  # the stages' own chunk size: one spaCy batch per step of the bar
    dead = False
    with Progress(len(messages), desc="enrich", unit=" articles", enabled=progress) as bar:
        for start in range(0, len(messages), chunk):
            outcomes = enricher.enrich(messages[start:start + chunk])
            for outcome in outcomes:
                dead = dead or outcome.dead
                bar.write((render(outcome.record) if pretty else outcome.value.decode()) + "\n",
                          sys.stderr if outcome.dead else sys.stdout)
            bar.advance(len(outcomes))
    if dead:
        raise typer.Exit(code=1)


@app.command()
def demo(
    samples: Annotated[Path, typer.Argument(help="articles to produce")] = SAMPLES,
    keep: Annotated[bool, typer.Option(help="leave the broker running afterwards")] = True,
) -> None:
    """Broker up, one worker, produce the samples, print what comes out, stop the worker."""
    from pipeline.kafka import broker
    from pipeline.kafka.client import ArticleProducer, collect_outcomes
    from pipeline.kafka.topics import ensure_topics

    settings = get_settings()
    typer.echo(broker.up(settings))
    asyncio.run(ensure_topics(settings))
    log_path = settings.state_dir / "demo-worker.log"
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with log_path.open("ab") as log:
        proc = subprocess.Popen([sys.executable, "-m", "pipeline", "worker"], stdout=log, stderr=subprocess.STDOUT,
                                env=os.environ.copy())
    typer.echo(f"worker started (pid {proc.pid}, log {log_path})")
    try:
        messages = _read(samples, "samples", None)

        async def run() -> dict[tuple[int, int], list[tuple[str, dict[str, Any]]]]:
            async with ArticleProducer(settings, validate=False) as producer:
                reports = await producer.send_many(value for _, _, value in messages)
            typer.echo(f"produced {len(reports)} article(s); waiting for the pipeline…")
            return await collect_outcomes(settings, [(r.partition, r.offset) for r in reports])

        outcomes = asyncio.run(run())
        for results in outcomes.values():
            for _, record in results:
                typer.echo(render(output_from_builtins(record)))
        missing = len(messages) - len(outcomes)
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=settings.shutdown_timeout_s)
        except subprocess.TimeoutExpired:
            proc.kill()
    if not keep:
        typer.echo(broker.down(settings))
    if missing:
        raise _fail(f"{missing} article(s) produced no output; see {log_path}")
    typer.echo(f"done: {len(outcomes)} article(s) enriched or dead-lettered."
               + (" `wirestream tail` shows them again; `wirestream kafka down` stops the broker." if keep else ""))


@app.command("config")
def show_config() -> None:
    """Print every setting with its environment variable, default and current value."""
    current = get_settings()
    typer.echo("| variable | default | current | meaning |\n|---|---|---|---|")
    for name, field in Settings.model_fields.items():
        typer.echo(f"| `WIRESTREAM_{name.upper()}` | `{field.default}` | `{getattr(current, name)}` | "
                   f"{field.description} |")


def main() -> None:
    """Entry point: logging configured, and the errors a user can act on shown without a traceback."""
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        app()
    except (RuntimeError, ConnectionError) as exc:
        if not _kafka_unavailable(exc):
            raise
        typer.secho(str(exc), err=True, fg=typer.colors.RED)
        raise SystemExit(1) from None


def _kafka_unavailable(exc: Exception) -> bool:
    """The embedded broker or a Kafka connection failed (only commands that use Kafka raise these)."""
    from pipeline.kafka.broker import BrokerError
    from pipeline.kafka.security import KafkaConnectError

    return isinstance(exc, (BrokerError, KafkaConnectError))

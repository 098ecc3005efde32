"""The Faust application: brokers, credentials, raw serialisers and where Faust keeps its files."""

from __future__ import annotations

import faust

from pipeline.config import Settings
from pipeline.kafka.security import faust_credentials


def broker_urls(settings: Settings) -> list[str]:
    """Faust broker URLs from the comma-separated bootstrap servers."""
    return [f"kafka://{server.strip()}" for server in settings.bootstrap_servers.split(",") if server.strip()]


def create_app(settings: Settings) -> faust.App:
    """A Faust app configured from settings; agents are attached by :func:`pipeline.kafka.agent.attach`."""
    faust_dir = settings.state_dir / "faust"
    faust_dir.mkdir(parents=True, exist_ok=True)  # Faust creates only the last level of its directory
    return faust.App(
        settings.app_id,
        broker=broker_urls(settings),
        broker_credentials=faust_credentials(settings),
        # Never Faust's exactly_once: its transactions leave our outputs out (docs/operations.md);
        # WIRESTREAM_PROCESSING_GUARANTEE=exactly_once is our own (pipeline.kafka.exactly_once).
        processing_guarantee="at_least_once",
        # Raw bytes in and out: decoding is the runner's job, so a bad message
        # becomes a dead letter instead of a crash inside Faust's deserialiser.
        key_serializer="raw",
        value_serializer="raw",
        topic_partitions=settings.topic_partitions,
        topic_replication_factor=settings.topic_replication,
        consumer_auto_offset_reset="earliest",
        broker_session_timeout=settings.session_timeout_s,
        broker_heartbeat_interval=min(3.0, settings.session_timeout_s / 3),
        producer_max_request_size=settings.max_record_bytes + 1024,
        consumer_max_fetch_size=settings.max_record_bytes,
        # Our own Prometheus endpoint serves metrics; Faust's web server is not needed.
        web_enabled=False,
        store="memory://",
        # Faust keeps a per-app directory even with in-memory tables; by default it
        # lands in the working directory, so keep it beside the other state.
        datadir=str(faust_dir / "{conf.id}"),
        autodiscover=False,
    )

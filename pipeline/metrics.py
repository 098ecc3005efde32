"""Every Prometheus metric of a worker, in one place.

Naming follows Prometheus conventions (``wirestream_`` prefix, base units,
``_total`` counters). Labels are bounded: stage names, topic names, error
class names, broker operations, content kinds and partitions, never article
ids. docs/operations.md has the reference table; the tests check that every
metric used by deploy/prometheus/rules.yml and the Grafana dashboard is
defined here.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from wsgiref.simple_server import WSGIServer

from prometheus_client import (
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    Info,
    ProcessCollector,
    start_http_server,
)

REGISTRY = CollectorRegistry(auto_describe=True)
ProcessCollector(registry=REGISTRY)  # process_cpu_seconds_total, process_resident_memory_bytes, ...

_LATENCY_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
_BATCH_BUCKETS = (1, 2, 4, 8, 16, 32, 64, 128, 256)

#: the values of the ``kind`` label of CONTENT_FOUND
CONTENT_KINDS = ("entities", "quotes", "designated_mentions", "missing_notices")
#: the values of the ``operation`` label of BROKER_ERRORS
BROKER_OPERATIONS = ("connect", "consume", "produce", "commit")

# Stages
STAGE_SECONDS = Histogram(
    "wirestream_stage_duration_seconds", "Wall time of one stage over one batch.",
    ["stage"], buckets=_LATENCY_BUCKETS, registry=REGISTRY,
)
STAGE_BATCH_SIZE = Histogram(
    "wirestream_stage_batch_size", "Articles handed to a stage at once.",
    ["stage"], buckets=_BATCH_BUCKETS, registry=REGISTRY,
)
STAGE_RECORDS_IN = Counter(
    "wirestream_stage_records_in_total", "Articles entering a stage.", ["stage"], registry=REGISTRY,
)
STAGE_RECORDS_OUT = Counter(
    "wirestream_stage_records_out_total", "Articles a stage passed on.", ["stage"], registry=REGISTRY,
)
STAGE_RECORDS_FAILED = Counter(
    "wirestream_stage_records_failed_total", "Articles a stage failed, by error class.",
    ["stage", "error_class"], registry=REGISTRY,
)

# Kafka traffic
MESSAGES_CONSUMED = Counter(
    "wirestream_messages_consumed_total", "Messages read from a topic.", ["topic"], registry=REGISTRY,
)
MESSAGES_PUBLISHED = Counter(
    "wirestream_messages_published_total", "Records produced to a topic.", ["topic"], registry=REGISTRY,
)
DEAD_LETTERS = Counter(
    "wirestream_dead_letters_total", "Dead letters produced, by error class and stage.",
    ["error_class", "stage"], registry=REGISTRY,
)
END_TO_END_SECONDS = Histogram(
    "wirestream_end_to_end_latency_seconds",
    "From the input message's Kafka timestamp to the output's delivery.",
    buckets=_LATENCY_BUCKETS + (30.0, 60.0, 300.0), registry=REGISTRY,
)
CONSUMER_LAG = Gauge(
    "wirestream_consumer_lag_messages", "High watermark minus next offset to read, per input partition.",
    ["topic", "partition"], registry=REGISTRY,
)
IN_FLIGHT = Gauge(
    "wirestream_in_flight_messages", "Messages taken from Kafka and not yet acknowledged.", registry=REGISTRY,
)
BROKER_CONNECTED = Gauge(
    "wirestream_broker_connected",
    "1 while the worker's Kafka clients reach the cluster, 0 when they do not, NaN before the first check.",
    registry=REGISTRY,
)
BROKER_CONNECTED.set(float("nan"))  # unknown is not "down": the outage alert compares with 0
BROKER_ERRORS = Counter(
    "wirestream_broker_errors_total", "Kafka client errors (timeouts, disconnections), by operation.",
    ["operation"], registry=REGISTRY,
)
TRANSACTION_COMMIT_SECONDS = Histogram(
    "wirestream_transaction_commit_seconds",
    "Time to commit one exactly-once transaction (one batch's outputs and offsets of one input partition).",
    buckets=_LATENCY_BUCKETS, registry=REGISTRY,
)

# Content and identity
CONTENT_FOUND = Counter(
    "wirestream_content_found_total",
    "Things found in published articles: entities, quotes, designated_mentions, missing_notices.",
    ["kind"], registry=REGISTRY,
)
WORKER_INFO = Info(
    "wirestream_worker", "Versions of the running worker: pipeline, model, registry.", registry=REGISTRY,
)
_WORKER_VERSIONS: dict[str, str] = {"version": "", "model": "", "registry_version": ""}
REGISTRY_RELOADS = Counter(
    "wirestream_registry_reloads", "New registry files the worker switched to between batches.", registry=REGISTRY,
)


def initialise(stages: Iterable[str], topics: Iterable[str]) -> None:
    """Create the zero-valued series a worker has before its first article.

    Without this, ``rate()`` over a counter that never moved has no series, so
    dashboards show "no data" and the no-articles alert cannot fire.
    """
    for stage in stages:
        for metric in (STAGE_RECORDS_IN, STAGE_RECORDS_OUT, STAGE_SECONDS, STAGE_BATCH_SIZE):
            metric.labels(stage=stage)
    for topic in topics:
        MESSAGES_CONSUMED.labels(topic=topic)
        MESSAGES_PUBLISHED.labels(topic=topic)
    for kind in CONTENT_KINDS:
        CONTENT_FOUND.labels(kind=kind)
    for operation in BROKER_OPERATIONS:
        BROKER_ERRORS.labels(operation=operation)


def set_worker_info(*, version: str, model: str, registry_version: str) -> None:
    """Publish the worker's versions as ``wirestream_worker_info{...} 1``."""
    _WORKER_VERSIONS.update(version=version, model=model, registry_version=registry_version)
    WORKER_INFO.info(dict(_WORKER_VERSIONS))


def registry_reloaded(registry_version: str) -> None:
    """Count a registry reload and show its version in ``wirestream_worker_info``, other labels kept."""
    REGISTRY_RELOADS.inc()
    _WORKER_VERSIONS["registry_version"] = registry_version
    WORKER_INFO.info(dict(_WORKER_VERSIONS))


def count_content(**found: int) -> None:
    """Add what one published article contained, e.g. ``count_content(entities=3, quotes=1)``."""
    for kind, count in found.items():
        if kind not in CONTENT_KINDS:
            raise ValueError(f"unknown content kind {kind!r}; expected one of {CONTENT_KINDS}")
        if count < 0:
            raise ValueError(f"negative count {count} for {kind!r}")
        CONTENT_FOUND.labels(kind=kind).inc(count)


def start_metrics_server(port: int, addr: str = "0.0.0.0") -> tuple[WSGIServer, threading.Thread] | None:
    """Serve REGISTRY over HTTP (any path, e.g. ``/metrics``) from a daemon thread.

    Port 0 disables the server (``WIRESTREAM_METRICS_PORT=0``) and returns None.
    The same endpoint backs the Docker HEALTHCHECK and the Kubernetes probes.
    """
    if port == 0:
        return None
    return start_http_server(port, addr=addr, registry=REGISTRY)

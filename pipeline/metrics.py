"""Every Prometheus metric of a worker, in one place.

Naming follows Prometheus conventions (``wirestream_`` prefix, base units,
``_total`` counters). Labels are bounded: stage names, topic names, error
class names and partitions, never article ids.
"""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, Info

REGISTRY = CollectorRegistry(auto_describe=True)

_LATENCY_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
_BATCH_BUCKETS = (1, 2, 4, 8, 16, 32, 64, 128, 256)

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
CONTENT_FOUND = Counter(
    "wirestream_content_found_total",
    "Things found in published articles: entities, quotes, designated_mentions, missing_notices.",
    ["kind"], registry=REGISTRY,
)
WORKER_INFO = Info(
    "wirestream_worker", "Versions of the running worker: pipeline, model, registry.", registry=REGISTRY,
)

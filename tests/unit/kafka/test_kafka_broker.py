"""Clear errors from the embedded broker manager, before any Kafka is involved."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from pipeline.config import Settings
from pipeline.kafka import broker


def test_missing_java_is_a_clear_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("JAVA_HOME", raising=False)
    with pytest.raises(broker.BrokerError, match="Java is not installed"):
        broker.up(Settings(state_dir=tmp_path))


def test_port_taken_by_another_process_is_a_clear_error(tmp_path: Path) -> None:
    with socket.socket() as squatter:
        squatter.bind(("127.0.0.1", 0))
        squatter.listen()
        port = squatter.getsockname()[1]
        with pytest.raises(broker.BrokerError, match=f"port {port} .* taken"):
            broker.up(Settings(state_dir=tmp_path, kafka_port=port))


def test_status_of_a_broker_never_started(tmp_path: Path) -> None:
    assert broker.status(Settings(state_dir=tmp_path)) == (False, "Kafka is not running")


def test_server_properties_bind_loopback_only(tmp_path: Path) -> None:
    settings = Settings(state_dir=tmp_path, kafka_port=19999, kafka_controller_port=19998)
    properties = broker._server_properties(settings, broker.BrokerPaths.from_settings(settings))
    assert "listeners=PLAINTEXT://127.0.0.1:19999,CONTROLLER://127.0.0.1:19998" in properties
    assert "0.0.0.0" not in properties

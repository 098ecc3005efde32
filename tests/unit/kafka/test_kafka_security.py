"""Settings → Kafka client arguments: one mapping for aiokafka clients and the Faust app."""

from __future__ import annotations

import ssl
from pathlib import Path

import certifi
import faust
import pytest
from pydantic import SecretStr, ValidationError

from pipeline.config import Settings
from pipeline.kafka import broker
from pipeline.kafka.security import client_kwargs, faust_credentials

SASL = {"sasl_username": "alice", "sasl_password": "s3cret"}


def test_plaintext_is_the_default_and_adds_nothing() -> None:
    settings = Settings(bootstrap_servers="k1:9092,k2:9092")
    assert client_kwargs(settings) == {"bootstrap_servers": "k1:9092,k2:9092", "security_protocol": "PLAINTEXT"}
    assert faust_credentials(settings) is None


def test_sasl_plaintext_passes_mechanism_and_login_without_tls() -> None:
    settings = Settings(security_protocol="SASL_PLAINTEXT", **SASL)
    assert client_kwargs(settings) == {
        "bootstrap_servers": "127.0.0.1:9092", "security_protocol": "SASL_PLAINTEXT",
        "sasl_mechanism": "SCRAM-SHA-512", "sasl_plain_username": "alice", "sasl_plain_password": "s3cret",
    }
    credentials = faust_credentials(settings)
    assert isinstance(credentials, faust.SASLCredentials)
    assert (credentials.protocol.value, credentials.mechanism.value) == ("SASL_PLAINTEXT", "SCRAM-SHA-512")
    assert (credentials.username, credentials.password, credentials.ssl_context) == ("alice", "s3cret", None)


def test_sasl_ssl_adds_a_verifying_tls_context() -> None:
    settings = Settings(security_protocol="SASL_SSL", sasl_mechanism="SCRAM-SHA-256",
                        ssl_cafile=certifi.where(), **SASL)
    kwargs = client_kwargs(settings)
    assert kwargs["sasl_mechanism"] == "SCRAM-SHA-256"
    assert isinstance(kwargs["ssl_context"], ssl.SSLContext)
    assert kwargs["ssl_context"].verify_mode == ssl.CERT_REQUIRED and kwargs["ssl_context"].check_hostname
    credentials = faust_credentials(settings)
    assert isinstance(credentials, faust.SASLCredentials) and credentials.protocol.value == "SASL_SSL"


def test_ssl_alone_gives_faust_ssl_credentials() -> None:
    settings = Settings(security_protocol="SSL")
    assert client_kwargs(settings)["security_protocol"] == "SSL"
    assert "sasl_mechanism" not in client_kwargs(settings)
    credentials = faust_credentials(settings)
    assert isinstance(credentials, faust.SSLCredentials) and credentials.protocol.value == "SSL"


@pytest.mark.parametrize(("fields", "message"), [
    ({"security_protocol": "SASL_PLAINTEXT"}, "needs sasl_username and sasl_password"),
    ({"security_protocol": "SASL_SSL", "sasl_username": "alice"}, "needs sasl_username and sasl_password"),
    ({"ssl_cafile": "/etc/ca.pem"}, "does not use TLS"),
    ({"security_protocol": "SSL", "ssl_keyfile": "/etc/key.pem"}, "ssl_keyfile is set without ssl_certfile"),
    ({"security_protocol": "SASL_SCRAM"}, "security_protocol"),
    ({"sasl_mechanism": "GSSAPI"}, "sasl_mechanism"),
])
def test_incomplete_or_unknown_security_settings_are_refused(fields: dict, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        Settings(**fields)


def test_the_password_is_never_shown() -> None:
    settings = Settings(security_protocol="SASL_PLAINTEXT", **SASL)
    assert isinstance(settings.sasl_password, SecretStr)
    for text in (repr(settings), str(settings), str(settings.model_dump()), settings.model_dump_json()):
        assert "s3cret" not in text


def test_the_environment_configures_security(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WIRESTREAM_SECURITY_PROTOCOL", "SASL_PLAINTEXT")
    monkeypatch.setenv("WIRESTREAM_SASL_USERNAME", "bob")
    monkeypatch.setenv("WIRESTREAM_SASL_PASSWORD", "from-env")
    assert client_kwargs(Settings())["sasl_plain_password"] == "from-env"


def embedded_properties(tmp_path: Path, **fields: object) -> str:
    settings = Settings(state_dir=tmp_path, kafka_port=19999, kafka_controller_port=19998, **fields)
    return broker._server_properties(settings, broker.BrokerPaths.from_settings(settings))


def test_embedded_broker_with_sasl_has_no_unauthenticated_client_port(tmp_path: Path) -> None:
    properties = embedded_properties(tmp_path, security_protocol="SASL_PLAINTEXT", **SASL)
    assert "listeners=SASL_PLAINTEXT://127.0.0.1:19999,CONTROLLER://127.0.0.1:19998" in properties
    assert "PLAINTEXT://127.0.0.1:19999" not in properties.replace("SASL_PLAINTEXT://", "")
    assert "sasl.enabled.mechanisms=SCRAM-SHA-512" in properties
    assert ("listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config="
            'org.apache.kafka.common.security.scram.ScramLoginModule required username="alice" password="s3cret";'
            ) in properties


@pytest.mark.parametrize(("fields", "message"), [
    ({"security_protocol": "SSL"}, "PLAINTEXT or SASL_PLAINTEXT with SCRAM only"),
    ({"security_protocol": "SASL_PLAINTEXT", "sasl_mechanism": "PLAIN", **SASL}, "SCRAM only"),
    ({"security_protocol": "SASL_PLAINTEXT", "sasl_username": "alice", "sasl_password": "a,b"}, "cannot store"),
])
def test_embedded_broker_refuses_what_it_cannot_serve(tmp_path: Path, fields: dict, message: str) -> None:
    with pytest.raises(broker.BrokerError, match=message):
        embedded_properties(tmp_path, **fields)

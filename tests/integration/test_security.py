"""Kafka security against the real broker: a SASL_PLAINTEXT listener that requires SCRAM-SHA-512.

The right credentials carry an article through a real worker; wrong ones fail
fast with the broker's reason and write nothing; the password never shows.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator

import pytest
from pydantic import SecretStr

from pipeline.config import Settings
from pipeline.kafka import broker
from pipeline.kafka.client import ArticleProducer, collect_outcomes, read_topic
from pipeline.kafka.security import KafkaConnectError
from pipeline.kafka.topics import ensure_topics, topic_names
from tests.conftest import REPO, env_for, free_port
from tests.integration.faults import numbered_articles, produce
from tests.integration.test_end_to_end import isolated

pytestmark = pytest.mark.integration

PASSWORD = "alice-secret"
WRONG = "not-alices-password"
REFUSED = "SaslAuthenticationFailed: Authentication failed during authentication due to invalid credentials"


@pytest.fixture(scope="module")
def scram_kafka(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Settings]:
    """A second real broker whose only client listener is SASL_PLAINTEXT with SCRAM-SHA-512 user alice."""
    port = free_port()
    settings = Settings(
        kafka_port=port, kafka_controller_port=free_port(), bootstrap_servers=f"127.0.0.1:{port}",
        state_dir=tmp_path_factory.mktemp("scram-kafka-state"), metrics_port=0,
        security_protocol="SASL_PLAINTEXT", sasl_mechanism="SCRAM-SHA-512",
        sasl_username="alice", sasl_password=PASSWORD,
    )
    broker.up(settings)
    yield settings
    broker.down(settings, purge=True)


def with_password(settings: Settings, password: str) -> Settings:
    return settings.model_copy(update={"sasl_password": SecretStr(password)})


async def topic_sizes(settings: Settings) -> dict[str, int]:
    """Records in each pipeline topic, read with the right credentials."""
    return {topic: len([r async for r in read_topic(settings, topic, idle_timeout_s=2.0)])
            for topic in topic_names(settings)}


async def test_right_credentials_carry_an_article_through_a_worker(scram_kafka: Settings, start_worker) -> None:
    settings = isolated(scram_kafka)
    await ensure_topics(settings)
    produced = await produce(settings, numbered_articles(3, "scram"))
    # the subprocess environment shows SecretStr masked; hand the worker the real password
    worker = start_worker(settings, WIRESTREAM_SASL_PASSWORD=PASSWORD)
    outcomes = await worker.alongside(collect_outcomes(settings, produced, timeout_s=180))
    assert sorted(outcomes) == sorted(produced)
    assert {topic for results in outcomes.values() for topic, _ in results} == {settings.topic_enriched}
    assert PASSWORD not in worker.log_path.read_text(errors="replace")


async def test_the_plaintext_port_is_gone(scram_kafka: Settings) -> None:
    anonymous = scram_kafka.model_copy(update={"security_protocol": "PLAINTEXT"})
    with pytest.raises(KafkaConnectError, match="cannot connect to Kafka .* over PLAINTEXT"):
        async with ArticleProducer(anonymous):
            pass


async def test_wrong_password_is_a_clear_error_and_writes_nothing(scram_kafka: Settings, start_worker) -> None:
    settings = isolated(scram_kafka)
    await ensure_topics(settings)
    wrong = with_password(settings, WRONG)

    with pytest.raises(KafkaConnectError) as refused:
        async with ArticleProducer(wrong, validate=False) as producer:
            await producer.send_many(numbered_articles(1, "never"))
    message = str(refused.value)
    assert f"cannot connect to Kafka at {settings.bootstrap_servers} over SASL_PLAINTEXT as alice" in message
    assert REFUSED in message and WRONG not in message

    cli = subprocess.run([sys.executable, "-m", "pipeline", "produce", "--no-validate", "-"],
                         input=numbered_articles(1, "never-cli")[0], capture_output=True, cwd=REPO, timeout=60,
                         env=cli_env(wrong, WRONG))
    assert cli.returncode != 0
    assert REFUSED in cli.stderr.decode() and WRONG.encode() not in cli.stdout + cli.stderr

    # Faust gives up on its own when authentication fails (no retry loop); bound the wait anyway.
    worker = start_worker(settings, WIRESTREAM_SASL_PASSWORD=WRONG)
    exit_code = worker.proc.wait(timeout=120)
    log = worker.log_path.read_text(errors="replace")
    assert exit_code != 0 and REFUSED in log, worker.log_tail()
    assert WRONG not in log

    assert await topic_sizes(settings) == dict.fromkeys(topic_names(settings), 0)


def cli_env(settings: Settings, password: str) -> dict[str, str]:
    """A CLI environment for ``settings`` (whose dump masks the password) with the real password."""
    return env_for(settings, WIRESTREAM_SASL_PASSWORD=password)


def test_config_masks_the_password(scram_kafka: Settings) -> None:
    shown = subprocess.run([sys.executable, "-m", "pipeline", "config"], capture_output=True, text=True,
                           cwd=REPO, timeout=60, env=cli_env(scram_kafka, PASSWORD), check=True).stdout
    row = next(line for line in shown.splitlines() if "WIRESTREAM_SASL_PASSWORD" in line)
    assert "`**********`" in row and PASSWORD not in shown

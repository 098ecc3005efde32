"""An embedded single-node Kafka broker (KRaft) for development, tests and the demo.

The broker comes from Maven Central: ``deploy/kafka/pom.xml`` names
``org.apache.kafka:kafka_2.13`` and Maven copies it and its runtime
dependencies into ``<cache_dir>/kafka/libs``. The log dir is formatted once
with Kafka's ``StorageTool`` and the broker runs as ``java kafka.Kafka``,
detached, with its pid and log under ``<state_dir>/kafka``.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import os
import re
import shutil
import signal
import socket
import subprocess
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from aiokafka.admin import AIOKafkaAdminClient

from pipeline.config import Settings
from pipeline.kafka.security import client_kwargs, sasl_login

KAFKA_DEPLOY = Path(__file__).resolve().parents[2] / "deploy" / "kafka"
POM = KAFKA_DEPLOY / "pom.xml"
LOG4J_CONFIG = KAFKA_DEPLOY / "log4j2.properties"
SCRAM_LOGIN_MODULE = "org.apache.kafka.common.security.scram.ScramLoginModule"
# StorageTool's --add-scram splits on these (quoting does not help), JAAS on the quote and backslash
UNSAFE_CREDENTIAL = re.compile(r'[\s,=\[\]"\\]')
START_TIMEOUT_S = 90.0
STOP_TIMEOUT_S = 30.0


class BrokerError(RuntimeError):
    """The embedded broker cannot be fetched, started or stopped."""


@dataclass(frozen=True)
class BrokerPaths:
    """Where the embedded broker keeps its jars, data, pid and log."""

    libs: Path
    maven_repo: Path
    home: Path

    @classmethod
    def from_settings(cls, settings: Settings) -> BrokerPaths:
        cache = settings.cache_dir.expanduser()
        # keyed by the pom's content, so a version bump fetches a fresh classpath
        pom_digest = hashlib.sha256(POM.read_bytes()).hexdigest()[:12] if POM.exists() else "no-pom"
        return cls(
            libs=cache / "kafka" / pom_digest / "libs",
            maven_repo=cache / "m2",
            home=settings.state_dir.expanduser().resolve() / "kafka",
        )

    @property
    def data(self) -> Path:
        return self.home / "data"

    @property
    def properties(self) -> Path:
        return self.home / "server.properties"

    @property
    def pid_file(self) -> Path:
        return self.home / "broker.pid"

    @property
    def log_file(self) -> Path:
        return self.home / "broker.log"


def _java() -> str:
    java_home = os.environ.get("JAVA_HOME")
    candidate = Path(java_home) / "bin" / "java" if java_home else None
    java = str(candidate) if candidate and candidate.exists() else shutil.which("java")
    if not java:
        raise BrokerError("Java is not installed (need Java 17+ on PATH or JAVA_HOME) — the broker cannot start")
    return java


def fetch(paths: BrokerPaths) -> None:
    """Copy the broker's jars from Maven Central into the cache, once."""
    if any(paths.libs.glob("kafka_2.13-*.jar")):
        return
    mvn = shutil.which("mvn")
    if not mvn:
        raise BrokerError("Maven (mvn) is not installed; it is needed once to fetch the Kafka jars")
    if not POM.exists():
        raise BrokerError(f"{POM} is missing; run from a source checkout of wirestream")
    paths.libs.parent.mkdir(parents=True, exist_ok=True)
    staging = paths.libs.with_name("libs.partial")
    shutil.rmtree(staging, ignore_errors=True)
    cmd = [mvn, "-q", "-B", "-f", str(POM), "dependency:copy-dependencies",
           f"-DoutputDirectory={staging}", f"-Dmaven.repo.local={paths.maven_repo}"]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise BrokerError(f"Maven could not fetch Kafka:\n{done.stdout[-2000:]}{done.stderr[-2000:]}")
    staging.rename(paths.libs)


def _scram(settings: Settings) -> tuple[str, str, str] | None:
    """(mechanism, username, password) when the broker must require SCRAM, else None.

    The embedded broker follows the client settings: PLAINTEXT as before, or
    SASL_PLAINTEXT with a SCRAM user created at format time. TLS is for real clusters.
    """
    if settings.security_protocol == "PLAINTEXT":
        return None
    if settings.security_protocol != "SASL_PLAINTEXT" or not settings.sasl_mechanism.startswith("SCRAM-"):
        raise BrokerError(f"the embedded broker serves PLAINTEXT or SASL_PLAINTEXT with SCRAM only, not "
                          f"{settings.security_protocol} with {settings.sasl_mechanism}")
    username, password = sasl_login(settings) or ("", "")
    if UNSAFE_CREDENTIAL.search(username) or UNSAFE_CREDENTIAL.search(password):
        raise BrokerError("the embedded broker cannot store SCRAM credentials containing whitespace "
                          'or any of , = [ ] " \\ (Kafka\'s StorageTool cannot express them)')
    return settings.sasl_mechanism, username, password


def _listener_properties(settings: Settings) -> list[str]:
    """The client listener: PLAINTEXT, or SASL_PLAINTEXT/SCRAM, which brokers also use among themselves."""
    port, cport = settings.kafka_port, settings.kafka_controller_port
    scram = _scram(settings)
    name = "SASL_PLAINTEXT" if scram else "PLAINTEXT"
    lines = [
        f"listeners={name}://127.0.0.1:{port},CONTROLLER://127.0.0.1:{cport}",
        f"advertised.listeners={name}://127.0.0.1:{port}",
        f"listener.security.protocol.map={name}:{name},CONTROLLER:PLAINTEXT",
        f"inter.broker.listener.name={name}",
    ]
    if scram:
        mechanism, username, password = scram
        lines += [
            f"sasl.enabled.mechanisms={mechanism}",
            f"sasl.mechanism.inter.broker.protocol={mechanism}",
            # the credentials here are the broker's own, to reach itself on the inter-broker listener
            f"listener.name.sasl_plaintext.{mechanism.lower()}.sasl.jaas.config="
            f'{SCRAM_LOGIN_MODULE} required username="{username}" password="{password}";',
        ]
    return lines


def _server_properties(settings: Settings, paths: BrokerPaths) -> str:
    return "\n".join([
        "process.roles=broker,controller",
        "node.id=1",
        f"controller.quorum.voters=1@127.0.0.1:{settings.kafka_controller_port}",
        *_listener_properties(settings),
        "controller.listener.names=CONTROLLER",
        f"log.dirs={paths.data}",
        "num.partitions=1",
        "offsets.topic.replication.factor=1",
        "offsets.topic.num.partitions=8",
        "transaction.state.log.replication.factor=1",
        "transaction.state.log.min.isr=1",
        "share.coordinator.state.topic.replication.factor=1",
        "share.coordinator.state.topic.min.isr=1",
        "group.initial.rebalance.delay.ms=0",
        "auto.create.topics.enable=true",
        "",
    ])


def _format(settings: Settings, paths: BrokerPaths) -> None:
    """Write the config and format the KRaft log dir, unless already formatted."""
    paths.home.mkdir(parents=True, exist_ok=True)
    paths.properties.touch(mode=0o600)  # it may hold the SCRAM password
    paths.properties.chmod(0o600)
    paths.properties.write_text(_server_properties(settings, paths))
    if (paths.data / "meta.properties").exists():
        return
    cluster_id = base64.urlsafe_b64encode(uuid.uuid4().bytes).rstrip(b"=").decode()
    cmd = [_java(), "-cp", f"{paths.libs}/*", "kafka.tools.StorageTool", "format",
           f"--cluster-id={cluster_id}", "-c", str(paths.properties)]
    scram = _scram(settings)
    if scram:
        mechanism, username, password = scram
        # SCRAM users live in the cluster metadata; format is the one moment to create them without a client
        cmd += ["--add-scram", f"{mechanism}=[name={username},password={password}]"]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise BrokerError(f"formatting the Kafka log dir failed:\n{done.stdout}{done.stderr}")


def _pid(paths: BrokerPaths) -> int | None:
    """The pid of our running broker, or None (stale pid files are removed)."""
    try:
        pid = int(paths.pid_file.read_text())
        os.kill(pid, 0)
    except (FileNotFoundError, ValueError, ProcessLookupError):
        paths.pid_file.unlink(missing_ok=True)
        return None
    return pid


def _port_open(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


async def _answers(settings: Settings) -> bool:
    bootstrap = f"127.0.0.1:{settings.kafka_port}"
    kwargs = {**client_kwargs(settings), "bootstrap_servers": bootstrap}
    admin = AIOKafkaAdminClient(**kwargs, request_timeout_ms=3000)
    try:
        await admin.start()
        await admin.describe_cluster()
        return True
    except Exception:  # noqa: BLE001 - any failure means "not ready yet"
        return False
    finally:
        await admin.close()


def answers(settings: Settings) -> bool:
    """Whether the broker on 127.0.0.1:``kafka_port`` answers a metadata request (authenticated as configured)."""
    return _port_open(settings.kafka_port) and asyncio.run(_answers(settings))


def _log_tail(paths: BrokerPaths, lines: int = 30) -> str:
    try:
        return "\n".join(paths.log_file.read_text(errors="replace").splitlines()[-lines:])
    except FileNotFoundError:
        return "(no broker log)"


def up(settings: Settings) -> str:
    """Start the broker if it is not running, and wait until it answers. Idempotent."""
    paths = BrokerPaths.from_settings(settings)
    running = _pid(paths)
    if running is not None:
        if paths.properties.read_text() != _server_properties(settings, paths):
            raise BrokerError(f"a broker from {paths.home} runs with other settings (pid {running}); "
                              "stop it first with `wirestream kafka down`")
        if answers(settings):
            return f"Kafka already running on 127.0.0.1:{settings.kafka_port} (pid {running})"
    else:
        _start(settings, paths)
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if _pid(paths) is None:
            raise BrokerError(f"the broker exited during start-up; last log lines:\n{_log_tail(paths)}")
        if answers(settings):
            return f"Kafka up on 127.0.0.1:{settings.kafka_port} (pid {_pid(paths)}, log {paths.log_file})"
        time.sleep(0.5)
    raise BrokerError(f"the broker did not answer within {START_TIMEOUT_S:.0f}s; "
                      f"last log lines:\n{_log_tail(paths)}")


def _start(settings: Settings, paths: BrokerPaths) -> None:
    """Fetch, format and launch the broker process, detached, recording its pid."""
    java = _java()
    for port in (settings.kafka_port, settings.kafka_controller_port):
        if _port_open(port):
            raise BrokerError(f"port {port} on 127.0.0.1 is taken by another process; "
                              "set WIRESTREAM_KAFKA_PORT / WIRESTREAM_KAFKA_CONTROLLER_PORT")
    fetch(paths)
    _format(settings, paths)
    with paths.log_file.open("ab") as log:
        proc = subprocess.Popen(
            [java, "-Xms256m", "-Xmx768m", "-XX:+UseG1GC", "-Djava.awt.headless=true",
             f"-Dlog4j2.configurationFile={LOG4J_CONFIG}",
             "-cp", f"{paths.libs}/*", "kafka.Kafka", str(paths.properties)],
            stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True,
        )
    paths.pid_file.write_text(str(proc.pid))


def down(settings: Settings, purge: bool = False) -> str:
    """Stop the broker (SIGTERM, then SIGKILL after a grace period); ``purge`` deletes its data.

    With ``purge`` the broker is killed at once: a clean shutdown only matters
    for data that is about to be deleted anyway.
    """
    paths = BrokerPaths.from_settings(settings)
    pid = _pid(paths)
    message = "Kafka was not running"
    if pid is not None:
        os.kill(pid, signal.SIGKILL if purge else signal.SIGTERM)
        deadline = time.monotonic() + STOP_TIMEOUT_S
        while _pid(paths) is not None and time.monotonic() < deadline:
            time.sleep(0.2)
        if _pid(paths) is not None:
            os.kill(pid, signal.SIGKILL)
        paths.pid_file.unlink(missing_ok=True)
        message = f"Kafka stopped (pid {pid})"
    if purge:
        shutil.rmtree(paths.home, ignore_errors=True)
        message += "; data removed"
    return message


def status(settings: Settings) -> tuple[bool, str]:
    """(running, description) of the embedded broker."""
    paths = BrokerPaths.from_settings(settings)
    pid = _pid(paths)
    if pid is None:
        return False, "Kafka is not running"
    if not answers(settings):
        return False, f"Kafka process {pid} runs but does not answer on 127.0.0.1:{settings.kafka_port}"
    return True, f"Kafka running on 127.0.0.1:{settings.kafka_port} (pid {pid})"

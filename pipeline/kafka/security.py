"""Kafka connection settings for every client, from one place.

aiokafka clients (producer, consumers, admin, health probe) take
:func:`client_kwargs`; the Faust app takes :func:`faust_credentials`. Both
derive from the same settings, so a worker, the CLI and the tests connect
the same way and no call site spells out SASL or TLS itself.
:func:`start` starts a client and, when it cannot connect, says why
(aiokafka itself only logs the cause, e.g. bad SASL credentials).
"""

from __future__ import annotations

import asyncio
import ssl
from typing import TYPE_CHECKING, Any, Protocol

from aiokafka.conn import create_conn
from aiokafka.errors import KafkaConnectionError, KafkaError
from aiokafka.helpers import create_ssl_context

from pipeline.config import Settings

if TYPE_CHECKING:
    from faust.types.auth import CredentialsT


def ssl_context(settings: Settings) -> ssl.SSLContext | None:
    """The TLS context for SSL and SASL_SSL (system CAs unless ``ssl_cafile``), else None."""
    if not settings.security_protocol.endswith("SSL"):
        return None
    context: ssl.SSLContext = create_ssl_context(cafile=settings.ssl_cafile, certfile=settings.ssl_certfile,
                                                 keyfile=settings.ssl_keyfile)
    return context


def sasl_login(settings: Settings) -> tuple[str, str] | None:
    """(username, password) when the protocol is SASL_*, else None."""
    if not settings.security_protocol.startswith("SASL_"):
        return None
    if not settings.sasl_username or settings.sasl_password is None:
        raise ValueError(f"security_protocol {settings.security_protocol} "
                         "needs sasl_username and sasl_password")
    return settings.sasl_username, settings.sasl_password.get_secret_value()


def client_kwargs(settings: Settings) -> dict[str, Any]:
    """Keyword arguments every aiokafka client needs: bootstrap servers, protocol, SASL, TLS."""
    kwargs: dict[str, Any] = {
        "bootstrap_servers": settings.bootstrap_servers,
        "security_protocol": settings.security_protocol,
    }
    login = sasl_login(settings)
    if login is not None:
        kwargs |= {"sasl_mechanism": settings.sasl_mechanism,
                   "sasl_plain_username": login[0], "sasl_plain_password": login[1]}
    context = ssl_context(settings)
    if context is not None:
        kwargs["ssl_context"] = context
    return kwargs


def faust_credentials(settings: Settings) -> CredentialsT | None:
    """Faust's ``broker_credentials`` for the same connection (None for PLAINTEXT)."""
    import faust  # here, so that producing from the CLI does not pay for importing Faust

    context = ssl_context(settings)
    login = sasl_login(settings)
    if login is not None:
        return faust.SASLCredentials(username=login[0], password=login[1],
                                     mechanism=settings.sasl_mechanism, ssl_context=context)
    if context is not None:
        return faust.SSLCredentials(context)
    return None


class KafkaConnectError(ConnectionError):
    """A Kafka client could not connect; the message says where, as whom and why."""


class Startable(Protocol):
    """Any aiokafka client: producer, consumer or admin."""

    async def start(self) -> None: ...


async def _connect_failures(settings: Settings) -> list[str]:
    """One line per bootstrap server that refuses a direct connection, with the broker's reason."""
    kwargs = {k: v for k, v in client_kwargs(settings).items() if k != "bootstrap_servers"}
    failures = []
    for server in (s.strip() for s in settings.bootstrap_servers.split(",") if s.strip()):
        host, _, port = server.rpartition(":")
        try:
            conn = await create_conn(host, int(port), request_timeout_ms=5000, **kwargs)
        except (OSError, KafkaError, asyncio.TimeoutError, ValueError) as exc:
            failures.append(f"{server}: {exc}")
        else:
            conn.close()
    return failures


async def start(client: Startable, settings: Settings) -> None:
    """``client.start()``, turning "Unable to bootstrap" into :class:`KafkaConnectError` with the cause."""
    try:
        await client.start()
    except KafkaConnectionError as exc:
        who = f" as {settings.sasl_username} ({settings.sasl_mechanism})" if sasl_login(settings) else ""
        reasons = "; ".join(await _connect_failures(settings)) or str(exc)
        raise KafkaConnectError(f"cannot connect to Kafka at {settings.bootstrap_servers} over "
                                f"{settings.security_protocol}{who}: {reasons}") from exc

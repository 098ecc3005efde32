"""Periodic worker-side measurements: consumer lag per partition and broker reachability."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import faust
from aiokafka import AIOKafkaClient
from aiokafka.errors import KafkaError
from faust.types import TP

from pipeline.config import Settings
from pipeline.kafka.security import client_kwargs
from pipeline.metrics import BROKER_CONNECTED, BROKER_ERRORS, CONSUMER_LAG

log = logging.getLogger(__name__)

REFRESH_S = 5.0
PROBE_TIMEOUT_S = 4.0


def attach_monitors(app: faust.App, settings: Settings, next_offsets: dict[TP, int]) -> None:
    """Register the lag and broker-health timers; ``next_offsets`` is kept up to date by the agent."""
    probes: list[AIOKafkaClient] = []  # created on the worker's event loop by start_probe
    reachable: list[bool] = [True]  # last state, so only transitions are logged

    @app.timer(REFRESH_S)
    async def report_lag() -> None:
        consumer = app.consumer
        for tp in consumer.assignment():
            if tp.topic != settings.topic_raw:
                continue
            highwater: int | None = consumer.highwater(tp)  # None before the first fetch of tp
            if highwater is None:
                continue
            position = next_offsets.get(tp) or await consumer.position(tp) or 0
            CONSUMER_LAG.labels(tp.topic, str(tp.partition)).set(max(0, highwater - position))

    @app.timer(REFRESH_S)
    async def report_broker_health() -> None:
        if not probes:
            return
        try:
            await asyncio.wait_for(probes[0].fetch_all_metadata(), PROBE_TIMEOUT_S)
        except (KafkaError, OSError, asyncio.TimeoutError) as exc:
            if reachable[0]:
                log.warning("Kafka unreachable: %r", exc)
            reachable[0] = False
            BROKER_CONNECTED.set(0)
            BROKER_ERRORS.labels("connect").inc()
        else:
            if not reachable[0]:
                log.warning("Kafka reachable again")
            reachable[0] = True
            BROKER_CONNECTED.set(1)

    @app.task
    async def start_probe() -> None:
        probe = AIOKafkaClient(**client_kwargs(settings), request_timeout_ms=3000)
        probes.append(probe)
        try:
            await probe.bootstrap()
        except (KafkaError, OSError) as exc:
            log.warning("broker probe could not bootstrap yet: %r", exc)

    @app.on_before_shutdown.connect
    async def close_probe(app: Any, /, *_: Any, **__: Any) -> None:
        for probe in probes:
            await probe.close()

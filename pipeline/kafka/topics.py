"""Creating the pipeline's topics when they are missing."""

from __future__ import annotations

import asyncio

from aiokafka.admin import AIOKafkaAdminClient, NewTopic

from pipeline.config import Settings
from pipeline.kafka.security import client_kwargs, start

LEADER_TIMEOUT_S = 30.0


def topic_names(settings: Settings) -> list[str]:
    """The topics a worker reads and writes."""
    return [settings.topic_raw, settings.topic_enriched, settings.topic_dead_letter]


def topic_limits(settings: Settings) -> dict[str, int]:
    """``max.message.bytes`` per topic: the raw topic refuses what the worker would refuse anyway;
    the output topics take any record the worker can produce, dead letters included."""
    return {
        settings.topic_raw: settings.max_message_bytes,
        settings.topic_enriched: settings.max_record_bytes,
        settings.topic_dead_letter: settings.max_record_bytes,
    }


async def _wait_for_leaders(admin: AIOKafkaAdminClient, topics: list[str]) -> None:
    """Return once every partition of ``topics`` has a leader, so the first sends do not bounce."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + LEADER_TIMEOUT_S
    while loop.time() < deadline:
        described = await admin.describe_topics(topics)
        if all(p["leader"] >= 0 for topic in described for p in topic["partitions"]) and all(
                topic["partitions"] for topic in described):
            return
        await asyncio.sleep(0.2)
    raise TimeoutError(f"topics {topics} have partitions without a leader after {LEADER_TIMEOUT_S:.0f}s")


async def ensure_topics(settings: Settings) -> list[str]:
    """Create the raw, enriched and dead-letter topics if missing; returns the ones created."""
    admin = AIOKafkaAdminClient(**client_kwargs(settings))
    try:
        await start(admin, settings)
        existing = set(await admin.list_topics())
        missing = [name for name in topic_names(settings) if name not in existing]
        if missing:
            await admin.create_topics([
                NewTopic(name, num_partitions=settings.topic_partitions,
                         replication_factor=settings.topic_replication,
                         topic_configs={"max.message.bytes": str(max_bytes)})
                for name, max_bytes in topic_limits(settings).items() if name in missing
            ])
            await _wait_for_leaders(admin, missing)
        return missing
    finally:
        await admin.close()

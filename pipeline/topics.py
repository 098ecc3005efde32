"""Creating the pipeline's topics when they are missing."""

from __future__ import annotations

from aiokafka.admin import AIOKafkaAdminClient, NewTopic

from pipeline.config import Settings
from pipeline.kafka_security import client_kwargs, start


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
        return missing
    finally:
        await admin.close()

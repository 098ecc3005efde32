"""Creating the pipeline's topics when they are missing."""

from __future__ import annotations

from aiokafka.admin import AIOKafkaAdminClient, NewTopic

from pipeline.config import Settings


def topic_names(settings: Settings) -> list[str]:
    """The topics a worker reads and writes."""
    return [settings.topic_raw, settings.topic_enriched, settings.topic_dead_letter]


async def ensure_topics(settings: Settings) -> list[str]:
    """Create the raw, enriched and dead-letter topics if missing; returns the ones created."""
    admin = AIOKafkaAdminClient(bootstrap_servers=settings.bootstrap_servers)
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        missing = [name for name in topic_names(settings) if name not in existing]
        if missing:
            await admin.create_topics([
                NewTopic(name, num_partitions=settings.topic_partitions,
                         replication_factor=settings.topic_replication)
                for name in missing
            ])
        return missing
    finally:
        await admin.close()

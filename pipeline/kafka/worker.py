"""Starting a worker process: stages loaded, metrics served, topics present, Faust running."""

from __future__ import annotations

import asyncio
import logging

from faust.worker import Worker

from pipeline.config import Settings
from pipeline.enrich import build_enricher
from pipeline.kafka.agent import attach
from pipeline.kafka.app import create_app
from pipeline.kafka.topics import ensure_topics, topic_names
from pipeline.metrics import initialise, set_worker_info, start_metrics_server
from pipeline.version import pipeline_version

log = logging.getLogger(__name__)


def run_worker(settings: Settings) -> None:
    """Run one worker until SIGTERM/SIGINT; scale by running more of them."""
    enricher = build_enricher(settings)
    model = enricher.provenance.model
    set_worker_info(
        version=pipeline_version(),
        model=f"{model.name}-{model.version}" if model else "none",
        registry_version=str(enricher.provenance.data_versions.get("registry")),
    )
    initialise([stage.name for stage in enricher.stages], topic_names(settings))
    start_metrics_server(settings.metrics_port, settings.metrics_addr)
    created = asyncio.run(ensure_topics(settings))
    if created:
        log.info("created topics %s", ", ".join(created))
    app = create_app(settings)
    attach(app, settings, enricher)
    worker = Worker(app, loglevel=settings.log_level, quiet=True,
                    override_logging=True)
    worker.execute_from_commandline()

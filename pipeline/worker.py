"""Starting a worker process: stages loaded, metrics served, topics present, Faust running."""

from __future__ import annotations

import asyncio
import logging

from faust.worker import Worker

from pipeline import __version__
from pipeline.agents import attach
from pipeline.app import create_app
from pipeline.config import Settings
from pipeline.enrich import Enricher
from pipeline.metrics import initialise, set_worker_info, start_metrics_server
from pipeline.stages import build_stages
from pipeline.topics import ensure_topics, topic_names

log = logging.getLogger(__name__)


def build_enricher(settings: Settings) -> Enricher:
    """The runner with every stage set up (models and registry loaded)."""
    enricher = Enricher(settings, build_stages(settings))
    enricher.setup()
    return enricher


def run_worker(settings: Settings) -> None:
    """Run one worker until SIGTERM/SIGINT; scale by running more of them."""
    enricher = build_enricher(settings)
    model = enricher.provenance.get("model", {})
    set_worker_info(
        version=__version__,
        model=f"{model.get('name', 'none')}-{model.get('version', 'none')}",
        registry_version=str(enricher.provenance.get("registry_version")),
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

"""The enrichment stages, in the order they run."""

from __future__ import annotations

from pipeline.config import Settings
from pipeline.stages.base import Stage


def build_stages(settings: Settings) -> list[Stage]:
    """clean → ner → quotes → designations (each later stage reads what earlier ones wrote)."""
    from pipeline.stages.clean import CleanStage
    from pipeline.stages.designations import DesignationStage
    from pipeline.stages.ner import NerStage
    from pipeline.stages.quotes import QuoteStage

    return [CleanStage(settings), NerStage(settings), QuoteStage(settings), DesignationStage(settings)]

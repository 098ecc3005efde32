"""The quotes stage: who said what, over the parse the NER stage left on the article.

Reads ``article.doc`` and ``article.entities``; writes ``article.quotes``.
Backends per language (``backend_types``); English: :mod:`pipeline.quotes.english`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from pipeline.stages.base import LanguageStage, StageConfig


class QuotesConfig(StageConfig):
    """Settings of the quotes stage."""

    #: also report stances with no reported clause ("X criticized the plan", "X asked whether …")
    quote_stances: bool
    #: also report on the cue words the learned detector picks (pipeline/quotes/learned.py)
    quote_learned_cues: bool


class QuoteStage(LanguageStage[QuotesConfig]):
    """Direct, indirect and mixed quotations with speakers resolved to entities."""

    name: ClassVar[str] = "quotes"
    config_type: ClassVar[type[StageConfig]] = QuotesConfig
    backend_types: ClassVar[Mapping[str, str]] = {"en": "pipeline.quotes.english:EnglishQuotes",
                                                  "ru": "pipeline.quotes.russian:RussianQuotes"}

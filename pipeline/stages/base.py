"""The stage interface: every enrichment step is a small subclass of :class:`Stage`.

A stage knows nothing of Kafka. It annotates a batch of articles in place:
it reads ``article.text`` / ``article.doc`` / earlier sections and writes its
own section. To fail one article it raises a :class:`~pipeline.errors.WirestreamError`
(or any exception): the runner then retries the batch one article at a time so
that only the culprit becomes a dead letter.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from typing import Any, ClassVar

from pipeline.article import Article
from pipeline.config import Settings


class Stage(ABC):
    """One enrichment step."""

    #: short name used in timings, metrics labels and dead letters
    name: ClassVar[str]
    #: English-only stages skip articles the clean stage flagged as not English
    english_only: ClassVar[bool] = True

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def setup(self) -> None:
        """Load models and data; called once per process before the first batch."""

    @abstractmethod
    def process(self, articles: Sequence[Article]) -> None:
        """Annotate ``articles`` in place."""

    def skip(self, article: Article) -> None:
        """Write this stage's section for an article it does not analyse (e.g. not English).

        Stages whose section is a list leave it absent (the record shows ``[]``);
        stages with a structured section write its empty form here.
        """

    def provenance(self) -> dict[str, Any]:
        """What a consumer needs to reproduce this stage's output (model, data version)."""
        return {}

"""The English quotes backend: the passes of :func:`pipeline.quotes.extract_quotes` over spaCy's parse.

It never re-parses: an article without a doc fails with a :class:`StageError`;
without an entities section (no NER stage configured) the doc's own entities
are grouped (:func:`pipeline.quotes.entities.fallback_entities`).
"""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.article import Article
from pipeline.errors import StageError
from pipeline.lexicon import Lexicon, load_lexicon
from pipeline.quotes import extract_quotes
from pipeline.quotes.entities import fallback_entities
from pipeline.quotes.learned import CueModel, load_cue_model
from pipeline.stages.base import Backend, StageProvenance
from pipeline.stages.quotes import QuotesConfig


class EnglishQuotes(Backend[QuotesConfig]):
    """Quote attribution for English copy."""

    lexicon: Lexicon
    cues: CueModel | None

    def setup(self) -> None:
        self.lexicon = load_lexicon()
        self.cues = load_cue_model() if self.config.quote_learned_cues else None

    def process(self, articles: Sequence[Article]) -> None:
        for article in articles:
            if article.doc is None:
                raise StageError("quotes", f"article {article.raw.id} reached the quotes stage unparsed")
            entities = fallback_entities(article.doc) if article.entities is None else article.entities
            article.quotes = extract_quotes(article.doc, entities, self.lexicon,
                                            stances=self.config.quote_stances, cues=self.cues)

    def provenance(self) -> StageProvenance:
        versions = dict(self.lexicon.data_versions())
        if self.cues is not None:
            versions["quotes.en.cue_model"] = self.cues.version
        return StageProvenance(data_versions=versions)

"""The quotes stage: who said what, over the parse the NER stage left on the article.

Reads ``article.doc`` and ``article.sections["entities"]``; writes
``article.sections["quotes"]`` (schemas/sections/quotes.schema.json). It never re-parses:
an article without a doc fails with a :class:`StageError`; without an entities section the
doc's own entities are grouped (:func:`pipeline.quotes.entities.fallback_entities`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from pipeline.article import Article
from pipeline.errors import StageError
from pipeline.lexicon import Lexicon, load_lexicon
from pipeline.quotes import extract_quotes
from pipeline.quotes.entities import fallback_entities
from pipeline.stages.base import Stage


class QuoteStage(Stage):
    """Direct, indirect and mixed quotations with speakers resolved to entities."""

    name: ClassVar[str] = "quotes"
    english_only: ClassVar[bool] = True
    _lexicon: Lexicon | None = None

    def setup(self) -> None:
        self._lexicon = load_lexicon()

    def process(self, articles: Sequence[Article]) -> None:
        lexicon = self._lexicon or load_lexicon()
        for article in articles:
            if article.doc is None:
                raise StageError(self.name, f"article {article.raw.id} reached the quotes stage unparsed")
            entities = article.sections.get("entities")
            if entities is None:
                entities = fallback_entities(article.doc)
            article.sections["quotes"] = extract_quotes(article.doc, entities, lexicon)

    def provenance(self) -> dict[str, Any]:
        return {"lexicon": load_lexicon().version}

"""The NER stage: spaCy's entities, corrected by a wire-copy gazetteer, grouped per real-world entity.

The model is loaded once per process (:func:`pipeline.nlp.load_nlp`, shared
with the quotes stage) and the ``wire_gazetteer`` component is appended after
its ``ner``, so one ``nlp.pipe`` pass per batch gives both the parse the quotes
stage reads (``article.doc``) and the corrected entities.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from spacy.language import Language

from pipeline.article import Article
from pipeline.entities.gazetteer import load_lexicon
from pipeline.entities.matcher import ALIAS_SCAN, WireGazetteer
from pipeline.entities.resolve import resolve
from pipeline.nlp import load_nlp, model_provenance
from pipeline.stages.base import Stage

GAZETTEER_PIPE = "wire_gazetteer"


def add_gazetteer(nlp: Language, registry_path: str | None = None) -> WireGazetteer:
    """Append the gazetteer after ``ner`` once; later calls return the existing component."""
    if GAZETTEER_PIPE not in nlp.pipe_names:
        nlp.add_pipe(GAZETTEER_PIPE, after="ner", config={"registry_path": registry_path})
    component = nlp.get_pipe(GAZETTEER_PIPE)
    if not isinstance(component, WireGazetteer):
        raise TypeError(f"pipe {GAZETTEER_PIPE!r} is a {type(component).__name__}, not a WireGazetteer")
    return component


class NerStage(Stage):
    """Writes ``article.doc``, the ``entities`` section and ``article.extras[ALIAS_SCAN]``.

    The extra is the alias matcher's scan of the text (:class:`pipeline.aliases.matcher.Scan`):
    the designation stage tags registry organisations from it instead of matching again.
    """

    name = "ner"
    english_only = True

    nlp: Language
    gazetteer: WireGazetteer

    def setup(self) -> None:
        """Load the shared model and add the gazetteer (both once per process)."""
        self.nlp = load_nlp(self.settings.spacy_model)
        path = self.settings.registry_path
        self.gazetteer = add_gazetteer(self.nlp, str(path) if path else None)

    def process(self, articles: Sequence[Article]) -> None:
        """Parse the batch's texts in one ``nlp.pipe`` call and resolve each article's entities."""
        todo = [a for a in articles if a.english]
        lexicon = load_lexicon()
        docs = self.nlp.pipe((a.text for a in todo), batch_size=max(1, len(todo)))
        for article, doc in zip(todo, docs, strict=True):
            article.doc = doc
            article.extras[ALIAS_SCAN] = doc.user_data.pop(ALIAS_SCAN)  # the Doc stays serialisable
            article.sections["entities"] = resolve(doc, self.gazetteer.entries, lexicon)

    def provenance(self) -> dict[str, Any]:
        """The model that produced the entities (name, version, spaCy version)."""
        return {"model": model_provenance(self.nlp)}

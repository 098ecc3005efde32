"""The English NER backend: spaCy's entities, corrected by the wire-copy gazetteer, grouped per entity.

The model is loaded once per process (:func:`pipeline.nlp.load_nlp`, shared
with the quotes stage) and the ``wire_gazetteer`` component is appended after
its ``ner``, so one ``nlp.pipe`` pass per chunk gives both the parse the quotes
stage reads (``article.doc``) and the corrected entities.
"""

from __future__ import annotations

from collections.abc import Sequence

import msgspec
from spacy.language import Language

from pipeline.article import Article
from pipeline.aliases.matcher import ALIAS_SCAN
from pipeline.aliases.text import DATA_DIR as ALIAS_DATA_DIR
from pipeline.entities.cues import load_cues
from pipeline.entities.gazetteer import DATA_DIR, load_gazetteer
from pipeline.entities.matcher import WireGazetteer
from pipeline.entities.resolve import resolve
from pipeline.lexicon import load_lexicon
from pipeline.nlp import load_nlp, model_provenance
from pipeline.sections.provenance import ModelInfo
from pipeline.stages.base import Backend, StageProvenance
from pipeline.stages.ner import NerConfig
from pipeline.version import content_hash

GAZETTEER_PIPE = "wire_gazetteer"


def add_gazetteer(nlp: Language, registry_path: str | None = None) -> WireGazetteer:
    """Append the gazetteer after ``ner`` once; later calls return the existing component, or a
    new one when the registry was reloaded since (its alias matcher is no longer the current one)."""
    if GAZETTEER_PIPE in nlp.pipe_names:
        current = nlp.get_pipe(GAZETTEER_PIPE)
        if isinstance(current, WireGazetteer) and current.matcher is not load_gazetteer(registry_path)[1]:
            nlp.remove_pipe(GAZETTEER_PIPE)
    if GAZETTEER_PIPE not in nlp.pipe_names:
        nlp.add_pipe(GAZETTEER_PIPE, after="ner", config={"registry_path": registry_path})
    component = nlp.get_pipe(GAZETTEER_PIPE)
    if not isinstance(component, WireGazetteer):
        raise TypeError(f"pipe {GAZETTEER_PIPE!r} is a {type(component).__name__}, not a WireGazetteer")
    return component


class EnglishEntities(Backend[NerConfig]):
    """spaCy + gazetteer + resolver for English copy."""

    nlp: Language
    gazetteer: WireGazetteer
    model: ModelInfo

    def setup(self) -> None:
        """Load the shared model and add the gazetteer (once per process and registry)."""
        self.nlp = load_nlp(self.config.spacy_model)
        path = self.config.registry_path
        self.gazetteer = add_gazetteer(self.nlp, str(path) if path else None)
        self.model = msgspec.convert(model_provenance(self.nlp), ModelInfo)

    def process(self, articles: Sequence[Article]) -> None:
        """Parse the chunk's texts in one ``nlp.pipe`` call and resolve each article's entities."""
        lexicon = load_lexicon()
        docs = self.nlp.pipe((a.text for a in articles), batch_size=max(1, len(articles)))
        for article, doc in zip(articles, docs, strict=True):
            article.doc = doc
            article.alias_scan = doc.user_data.pop(ALIAS_SCAN)  # the Doc stays serialisable
            article.model = self.model
            article.entities = resolve(doc, self.gazetteer.entries, lexicon)

    def provenance(self) -> StageProvenance:
        versions = {"gazetteer.en": content_hash(DATA_DIR, ALIAS_DATA_DIR), "lexicon.en.desk_cues": load_cues().version,
                    **load_lexicon().data_versions()}
        return StageProvenance(model=self.model, data_versions=versions)

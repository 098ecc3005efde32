"""The shared Russian models (natasha: segmenter, morphology, syntax, NER), one load per process.

natasha ships its embeddings and models inside its wheels, so nothing is downloaded at run time.
Only a stage with a Russian backend loads them (in its ``setup``), once; every Russian backend
of the process shares the same objects.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import import_module
from importlib.metadata import version
from typing import Any

MODEL_NAME = "natasha_news"


@dataclass(frozen=True, slots=True)
class RussianModels:
    """natasha's pipeline pieces; ``parse`` runs them all over one text."""

    segmenter: Any
    morph_vocab: Any
    morph_tagger: Any
    syntax_parser: Any
    ner_tagger: Any

    def parse(self, text: str) -> Any:
        """A natasha ``Doc`` of ``text``: sentences, tokens with lemma, POS, features and
        dependencies, and the NER spans with their normal (nominative) form."""
        doc = import_module("natasha").Doc(text)
        doc.segment(self.segmenter)
        doc.tag_morph(self.morph_tagger)
        doc.parse_syntax(self.syntax_parser)
        doc.tag_ner(self.ner_tagger)
        for token in doc.tokens:
            token.lemmatize(self.morph_vocab)
        for span in doc.spans:
            span.normalize(self.morph_vocab)
        return doc


@cache
def load_russian() -> RussianModels:
    """Load natasha's news models once per process (about 2 s, about 150 MB)."""
    natasha = import_module("natasha")  # untyped; imported by name so the type checker needs no stub
    embedding = natasha.NewsEmbedding()
    return RussianModels(segmenter=natasha.Segmenter(), morph_vocab=natasha.MorphVocab(),
                         morph_tagger=natasha.NewsMorphTagger(embedding),
                         syntax_parser=natasha.NewsSyntaxParser(embedding),
                         ner_tagger=natasha.NewsNERTagger(embedding))


def model_version() -> str:
    """The installed natasha version (its models are versioned with the wheel)."""
    return version("natasha")

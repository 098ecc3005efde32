"""The shared Russian models (natasha: segmenter, morphology, syntax, NER), one load per process.

natasha ships its embeddings and models inside its wheels, so nothing is downloaded at run time.
Only a stage with a Russian backend loads them (in its ``setup``), once; every Russian backend
of the process shares the same objects.

natasha's own ``Doc`` methods run the models over one article at a time, eight sentences per
model call, and tokenise the text a second time for the NER model. :meth:`RussianModels.parse_many`
gives the same annotations for a chunk of articles faster: every sentence of the chunk goes
through the morphology and syntax models in batches of sentences of similar length (less
padding, fewer calls), and the NER model reads the tokens the segmenter already made.
``bench/russian.py``: NER stage 122 → 79 ms per 700-word article, output identical.

The models multiply small matrices through numpy's BLAS, which starts a thread per core for
each product; a worker is one process per core, and on a busy machine those threads wait for
each other (three times the CPU time). The parse runs with one BLAS thread.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import import_module
from importlib.metadata import version
from typing import Any

MODEL_NAME = "natasha_news"
#: sentences per morphology or syntax model call in :meth:`RussianModels.parse_many`
SENTENCE_BATCH = 32
#: articles per NER model call: the model reads a whole article, so a batch pads every article to the
#: longest; batches of 8 were no faster (bench/russian.py: 77 against 79 ms) and took 48 MB more at peak
ARTICLE_BATCH = 1


@dataclass(frozen=True, slots=True)
class RussianModels:
    """natasha's pipeline pieces; ``parse`` / ``parse_many`` run them all."""

    segmenter: Any
    morph_vocab: Any
    morph_tagger: Any
    syntax_parser: Any
    ner_tagger: Any
    #: threadpoolctl's controller of the BLAS libraries numpy loaded
    blas: Any

    def parse(self, text: str) -> Any:
        """A natasha ``Doc`` of ``text``: sentences, tokens with lemma, POS, features and
        dependencies, and the NER spans with their normal (nominative) form."""
        return self.parse_many([text])[0]

    def parse_many(self, texts: Sequence[str]) -> list[Any]:
        """One natasha ``Doc`` per text, annotated as natasha's ``Doc`` methods would, batched over the texts."""
        with self.blas.limit(limits=1, user_api="blas"):
            return self._parse_many(texts)

    def _parse_many(self, texts: Sequence[str]) -> list[Any]:
        natasha = import_module("natasha")
        docs = [natasha.Doc(text) for text in texts]
        for doc in docs:
            doc.segment(self.segmenter)
        self._tag_morphology([sent for doc in docs for sent in doc.sents if sent.tokens])
        self._parse_syntax(docs)
        self._tag_names([doc for doc in docs if doc.tokens])
        for doc in docs:
            doc.spans = doc.spans or []
            for token in doc.tokens:
                token.lemmatize(self.morph_vocab)
            for span in doc.spans:
                span.normalize(self.morph_vocab)
        return docs

    def _tag_morphology(self, sents: list[Any]) -> None:
        parse_tag = import_module("slovnet.markup").parse_conll_tag
        ordered = _by_length(sents)
        for sent, tags in zip(ordered, _predict(self.morph_tagger, ordered, SENTENCE_BATCH), strict=True):
            for token, tag in zip(sent.tokens, tags, strict=True):
                token.pos, token.feats = parse_tag(tag)

    def _parse_syntax(self, docs: Sequence[Any]) -> None:
        """Heads and relations; ids are ``<sentence number>_<token number>`` as natasha writes them."""
        numbered = [(number, sent) for doc in docs for number, sent in enumerate(doc.sents, 1) if sent.tokens]
        ordered = sorted(numbered, key=lambda pair: len(pair[1].tokens))
        preds = _predict(self.syntax_parser, [sent for _, sent in ordered], SENTENCE_BATCH)
        for (number, sent), (ids, heads, rels) in zip(ordered, preds, strict=True):
            for token, id_, head, rel in zip(sent.tokens, ids, heads, rels, strict=True):
                token.id, token.head_id, token.rel = f"{number}_{id_}", f"{number}_{head}", rel

    def _tag_names(self, docs: list[Any]) -> None:
        """NER spans from the segmenter's tokens (the tokeniser the NER model's own reading uses)."""
        natasha, bio = import_module("natasha"), import_module("slovnet.bio")
        for doc, tags in zip(docs, _predict(self.ner_tagger, docs, ARTICLE_BATCH), strict=True):
            doc.spans = [natasha.doc.DocSpan(s.start, s.stop, s.type, doc.text[s.start:s.stop])
                         for s in bio.bio_spans(doc.tokens, tags)]
            doc.envelop_span_tokens()
            doc.envelop_sent_spans()


def _by_length(items: Sequence[Any]) -> list[Any]:
    """Sentences or documents sorted by their number of tokens: a batch of similar lengths pads less."""
    return sorted(items, key=lambda item: len(item.tokens))


def _predict(api: Any, items: Sequence[Any], batch: int) -> Iterator[Any]:
    """A slovnet model's decoded predictions for the tokens of each item, ``batch`` items per call
    (natasha's own calls take eight)."""
    infer = api.infer
    words = [[token.text for token in item.tokens] for item in items]
    inputs = (infer.encoder.input([infer.encoder.item(w) for w in words[k:k + batch]])
              for k in range(0, len(words), batch))
    return iter(infer.decoder(infer.process(inputs)))


@cache
def load_russian() -> RussianModels:
    """Load natasha's news models once per process (about 2 s, about 150 MB)."""
    natasha = import_module("natasha")  # untyped; imported by name so the type checker needs no stub
    embedding = natasha.NewsEmbedding()
    return RussianModels(segmenter=natasha.Segmenter(), morph_vocab=natasha.MorphVocab(),
                         morph_tagger=natasha.NewsMorphTagger(embedding),
                         syntax_parser=natasha.NewsSyntaxParser(embedding),
                         ner_tagger=natasha.NewsNERTagger(embedding),
                         blas=import_module("threadpoolctl").ThreadpoolController())


def model_version() -> str:
    """The installed natasha version (its models are versioned with the wheel)."""
    return version("natasha")

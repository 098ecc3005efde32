"""The batched Russian parse gives exactly what natasha's own ``Doc`` methods give, article by article."""

from __future__ import annotations

from typing import Any

from natasha import Doc

from pipeline.nlp_ru import SENTENCE_BATCH, RussianModels, load_russian

TEXTS = [
    "Пресс-секретарь президента РФ Дмитрий Песков заявил журналистам, что Кремль не будет комментировать "
    "содержание беседы. «Мы не будем ничего раскрывать», — сказал Песков.",
    "Фонд борьбы с коррупцией (ФБК) признан экстремистской организацией и запрещен в России.",
    "Привет.",
    "",
    "   ",
    " ".join(f"В Москве {k} марта прошла встреча министров иностранных дел России и Турции." for k in range(1, 40)),
]


def natasha_parse(models: RussianModels, text: str) -> Any:
    """The reference: natasha's documented calls, one article at a time."""
    doc = Doc(text)
    doc.segment(models.segmenter)
    if doc.tokens:  # natasha's syntax parser fails on a sentence with no token
        doc.tag_morph(models.morph_tagger)
        doc.parse_syntax(models.syntax_parser)
    doc.tag_ner(models.ner_tagger)
    for token in doc.tokens:
        token.lemmatize(models.morph_vocab)
    for span in doc.spans or []:
        span.normalize(models.morph_vocab)
    return doc


def annotations(doc: Any) -> tuple[list[Any], list[Any], list[Any]]:
    tokens = [(t.start, t.stop, t.text, t.pos, t.feats, t.id, t.head_id, t.rel, t.lemma) for t in doc.tokens]
    spans = [(s.start, s.stop, s.type, s.normal, [t.start for t in s.tokens]) for s in doc.spans or []]
    sents = [(s.start, s.stop, len(s.tokens), [sp.start for sp in s.spans or []]) for s in doc.sents]
    return tokens, spans, sents


def test_a_chunk_parsed_together_is_annotated_as_natasha_annotates_each_article() -> None:
    models = load_russian()
    assert sum(len(natasha_parse(models, t).sents) for t in TEXTS) > SENTENCE_BATCH  # several model calls
    together = models.parse_many(TEXTS)
    assert [annotations(d) for d in together] == [annotations(natasha_parse(models, t)) for t in TEXTS]
    assert [d.text for d in together] == TEXTS
    assert ("PER", "Дмитрий Песков") in [(s.type, s.normal) for s in together[0].spans]


def test_one_article_parses_as_in_a_chunk() -> None:
    models = load_russian()
    assert annotations(models.parse(TEXTS[1])) == annotations(models.parse_many(TEXTS)[1])

"""Exact-span entity mentions of the NER stage on a CoNLL-2003 English file, beside the bare model.

CoNLL-2003 (Reuters 1996) is news nobody here wrote: sports results, markets tables, capital
headlines. The corpus is not in the repository (its licence forbids it): pass the path of a
local copy (``eng.train`` to develop rules, ``eng.testa`` to check them; ``eng.testb`` stays unread).

Each document's text is rebuilt from its tokens (:func:`detokenise`), one CoNLL sentence a line:
the headline ("TENNIS - HOLM UPSET IN OPENER .") opens it and the dateline ("LYON 1996-06-02")
follows on its own line. The document goes through the production clean and NER stages as the
body of a raw article with no title, so the headline is scored as the body text it is here (the
clean stage cuts a title only when the feed repeats it; a digest's capital headlines are body text
too). What the clean stage cuts (the dateline, as a structured field) cannot be found by the NER
stage: those gold mentions are counted under ``removed`` and left out of recall, as in the
project's own gold scorer; ``recall_with_removed`` counts them as misses. As in production, a
document the clean stage reads as another language (a results table) gets no English entities.

Types: CoNLL ``PER`` is ``PERSON``, ``ORG`` is ``ORG``, ``LOC`` is ``GPE`` (our ``LOC`` and ``FAC``
predictions are scored as ``GPE`` too: CoNLL's locations are both). ``MISC`` (nationalities,
events, products) is not scored: a prediction overlapping a gold ``MISC`` span counts as neither a
hit nor a false positive (a place inside a tournament's name, a nationality read as a place). Spans are exact,
labels must agree. The bare model's figures (its own entities, no rules, same text) are printed
for comparison. The last output line is one JSON object.

    python bench/ner_conll.py /tmp/conll/eng.train [--limit N] [--errors N] [--model NAME]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from pipeline.article import Article, RawArticle
from pipeline.config import Settings
from pipeline.entities.english import GAZETTEER_PIPE
from pipeline.nlp import load_nlp
from pipeline.stages.registry import build_stages

#: CoNLL types → the scored labels; MISC is read but not scored
TYPES = {"PER": "PERSON", "ORG": "ORG", "LOC": "GPE"}
#: our labels → the scored label they are compared as (LOC, FAC are CoNLL locations)
PREDICTED = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "GPE", "FAC": "GPE"}
SCORED = ("PERSON", "ORG", "GPE")
_NO_SPACE_BEFORE = frozenset({",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "n't", "'re", "'ve",
                              "'ll", "'d", "'m", "'", "...", "'S"})
_NO_SPACE_AFTER = frozenset({"(", "[", "{", "$"})
_CHUNK = 16

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Document:
    """One CoNLL document: its rebuilt text and gold mentions (character spans → CoNLL type)."""

    text: str
    gold: dict[Span, str]


def read_conll(path: Path) -> Iterator[list[list[tuple[str, str]]]]:
    """Documents as lists of sentences of ``(token, tag)``; split at ``-DOCSTART-``."""
    doc: list[list[tuple[str, str]]] = []
    sentence: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split()
        if not fields:
            if sentence:
                doc.append(sentence)
            sentence = []
        elif fields[0] == "-DOCSTART-":
            if doc:
                yield doc
            doc = []
        else:
            sentence.append((fields[0], fields[-1]))
    if sentence:
        doc.append(sentence)
    if doc:
        yield doc


def detokenise(tokens: Sequence[str]) -> tuple[str, list[Span]]:
    """The line the tokens were cut from, as near as rules get, and each token's character span.

    No space before closing punctuation and clitics or after an opening bracket; straight double
    quotes alternate between opening and closing.
    """
    out: list[str] = []
    spans: list[Span] = []
    length, quote_open, glue = 0, False, True
    for tok in tokens:
        closing_quote = tok == '"' and quote_open
        if not glue and tok not in _NO_SPACE_BEFORE and not closing_quote:
            out.append(" ")
            length += 1
        spans.append((length, length + len(tok)))
        out.append(tok)
        length += len(tok)
        glue = tok in _NO_SPACE_AFTER or (tok == '"' and not quote_open)
        if tok == '"':
            quote_open = not quote_open
    return "".join(out), spans


def entity_spans(tags: Sequence[str]) -> Iterator[tuple[int, int, str]]:
    """``(first token, end token, type)`` of the entities of IOB1 or IOB2 tags."""
    start, kind = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, label = tag.partition("-")
        if start >= 0 and (prefix != "I" or label != kind):
            yield start, i, kind
            start = -1
        if prefix == "B" or prefix == "I" and start < 0:
            start, kind = i, label


def build_document(sentences: Sequence[Sequence[tuple[str, str]]]) -> Document:
    """The document's text, one sentence a line, and its gold mentions in character offsets."""
    lines: list[str] = []
    gold: dict[Span, str] = {}
    offset = 0
    for sentence in sentences:
        line, spans = detokenise([tok for tok, _ in sentence])
        for first, end, kind in entity_spans([tag for _, tag in sentence]):
            gold[(offset + spans[first][0], offset + spans[end - 1][1])] = kind
        lines.append(line)
        offset += len(line) + 1
    return Document("\n".join(lines), gold)


def stage_predictions(documents: Sequence[Document],
                      model: str) -> tuple[list[dict[Span, str]], list[set[int]], list[str]]:
    """The NER stage's mentions of each document (raw-text spans → label) after the clean stage,
    the raw-text positions the clean stage kept and the language it detected."""
    stages = build_stages(Settings(stages=["clean", "ner"], spacy_model=model, metrics_port=0))
    for stage in stages:
        stage.setup()
    predicted: list[dict[Span, str]] = []
    kept: list[set[int]] = []
    languages: list[str] = []
    for i in range(0, len(documents), _CHUNK):
        articles = [Article(raw=RawArticle(id=f"conll-{i + k}", source="conll", title="", body=d.text,
                                           published_at="1996-08-22T12:00:00Z", language="en",
                                           content_type="text/plain"))
                    for k, d in enumerate(documents[i:i + _CHUNK])]
        for stage in stages:  # as the worker runs them: a stage skips a language it does not handle
            handled = [a for a in articles if stage.handles(a.language)]
            if handled:
                stage.process(handled)
        for article in articles:
            if article.offset_map is None:
                raise RuntimeError(f"{article.raw.id}: the clean stage wrote nothing")
            omap = article.offset_map
            predicted.append({omap.to_original(m.start, m.end): e.label for e in article.entities or ()
                              for m in e.mentions if m.source != "role"})
            languages.append(article.language)
            kept.append(_kept_characters(article))
    return predicted, kept, languages


def _kept_characters(article: Article) -> set[int]:
    """Raw-body positions the cleaned text was made from."""
    assert article.offset_map is not None
    return {p for cs, os_, cl, ol in article.offset_map.segments() if cl > 0 for p in range(os_, os_ + ol)}


def bare_predictions(documents: Sequence[Document], model: str, languages: Sequence[str]) -> list[dict[Span, str]]:
    """The bare model's entities on the same raw texts (no gazetteer, no rules), none on a document
    the clean stage read as another language (as the stage)."""
    nlp = load_nlp(model)
    with nlp.select_pipes(disable=[p for p in nlp.pipe_names if p == GAZETTEER_PIPE]):
        docs = nlp.pipe((d.text for d in documents), batch_size=_CHUNK)
        return [{(e.start_char, e.end_char): e.label_ for e in doc.ents} if language == "en" else {}
                for doc, language in zip(docs, languages, strict=True)]


@dataclass(slots=True)
class Tally:
    """Counts of one system over the documents, with its errors for reading."""

    tp: Counter[str]
    pred: Counter[str]
    gold: Counter[str]
    removed: int
    errors: list[tuple[str, str, str, str]]  # (kind, scored label, text, line)

    def figures(self) -> dict[str, object]:
        out: dict[str, object] = {label: _prf(self.tp[label], self.pred[label], self.gold[label]) for label in SCORED}
        tp, pred, gold = sum(self.tp.values()), sum(self.pred.values()), sum(self.gold.values())
        out["all"] = _prf(tp, pred, gold)
        out["recall_with_removed"] = round(tp / (gold + self.removed), 4) if gold + self.removed else 0.0
        out["removed"] = self.removed
        return out


def _prf(tp: int, pred: int, gold: int) -> dict[str, float]:
    p = tp / pred if pred else 0.0
    r = tp / gold if gold else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(2 * p * r / (p + r) if p + r else 0.0, 4), "gold": gold}


def tally(documents: Sequence[Document], predicted: Sequence[dict[Span, str]], kept: Sequence[set[int]]) -> Tally:
    """Exact span and label over the text the clean stage kept (gold it cut is counted as ``removed``);
    predictions overlapping a gold MISC span are ignored."""
    result = Tally(Counter(), Counter(), Counter(), 0, [])
    for document, pred, chars in zip(documents, predicted, kept, strict=True):
        gold = {s: TYPES[k] for s, k in document.gold.items() if k in TYPES and chars.intersection(range(*s))}
        result.removed += sum(1 for k in document.gold.values() if k in TYPES) - len(gold)
        misc = [s for s, k in document.gold.items() if k == "MISC"]
        ours = {s: PREDICTED[label] for s, label in pred.items() if label in PREDICTED
                and not any(s[0] < m[1] and m[0] < s[1] for m in misc) and chars.intersection(range(*s))}
        for span, label in gold.items():
            result.gold[label] += 1
            if ours.get(span) == label:
                result.tp[label] += 1
            else:
                kind = _miss_kind(span, label, ours)
                result.errors.append((kind, label, _text(document, span), _line(document, span)))
        for span, label in ours.items():
            result.pred[label] += 1
            if gold.get(span) != label and span not in gold:
                result.errors.append((_extra_kind(span, gold), label, _text(document, span), _line(document, span)))
    return result


def _miss_kind(span: Span, label: str, ours: dict[Span, str]) -> str:
    if span in ours:
        return f"{label} as {ours[span]}"
    if any(s[0] < span[1] and span[0] < s[1] for s in ours):
        return f"{label} wrong boundary"
    return f"{label} missed"


def _extra_kind(span: Span, gold: dict[Span, str]) -> str:
    return "extra overlapping gold" if any(s[0] < span[1] and span[0] < s[1] for s in gold) else "extra"


def _text(document: Document, span: Span) -> str:
    return document.text[span[0]:span[1]]


def _line(document: Document, span: Span) -> str:
    start = document.text.rfind("\n", 0, span[0]) + 1
    end = document.text.find("\n", span[1])
    return document.text[start: end if end >= 0 else len(document.text)]


def print_table(name: str, figures: dict[str, object]) -> None:
    print(f"\n{name}")
    print(f"{'label':8} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6}")
    for label in (*SCORED, "all"):
        f = figures[label]
        assert isinstance(f, dict)
        print(f"{label:8} {f['p']:6.3f} {f['r']:6.3f} {f['f1']:6.3f} {f['gold']:6d}")
    print(f"removed by the clean stage: {figures['removed']}; recall counting them: {figures['recall_with_removed']}")


def print_errors(errors: Iterable[tuple[str, str, str, str]], shown: int) -> None:
    errors = list(errors)
    kinds = Counter(kind for kind, *_ in errors)
    print("\nerrors by kind:", ", ".join(f"{k} {n}" for k, n in kinds.most_common()))
    texts = Counter((kind, text) for kind, _, text, _ in errors)
    print("most frequent:", "; ".join(f"{k}: {t!r} x{n}" for (k, t), n in texts.most_common(shown)))
    for kind, _, text, line in errors[:shown]:
        print(f"  [{kind}] {text!r} | {line[:160]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path, help="a CoNLL-2003 English file (eng.train or eng.testa)")
    parser.add_argument("--limit", type=int, default=0, help="score only the first N documents")
    parser.add_argument("--errors", type=int, default=0, help="print the error counts and the first N errors")
    parser.add_argument("--verbose", action="store_true", help="the same as --errors 200")
    parser.add_argument("--model", default=Settings().spacy_model, help="spaCy model (package name or directory)")
    args = parser.parse_args()
    if "testb" in args.path.name:
        sys.exit("eng.testb is the reserved test split: not scored here")
    documents = [build_document(d) for d in read_conll(args.path)]
    documents = documents[:args.limit] if args.limit else documents
    predicted, kept, languages = stage_predictions(documents, args.model)
    stage = tally(documents, predicted, kept)
    bare = tally(documents, bare_predictions(documents, args.model, languages), kept)
    foreign = sum(1 for d, lang in zip(documents, languages, strict=True) if lang != "en"
                  for kind in d.gold.values() if kind in TYPES)
    print(f"{args.path.name}: {len(documents)} documents, model {args.model}; languages the clean stage "
          f"detected: {dict(Counter(languages).most_common())} ({foreign} scored gold mentions in documents "
          "not read as English, all misses)")
    print_table("bare model", bare.figures())
    print_table("NER stage", stage.figures())
    shown = args.errors or (200 if args.verbose else 0)
    if shown:
        print_errors(stage.errors, shown)
    print(json.dumps({"file": args.path.name, "documents": len(documents), "model": args.model,
                      "bare": bare.figures(), "stage": stage.figures()}))


if __name__ == "__main__":
    main()

"""Train the learned cue detector (pipeline/quotes/learned.py) on PolNeAR train; write its weights.

Each train article is parsed by the NER stage (the parse the quotes stage sees) and its rule passes
run with stances on; every verb or noun the rules did not read, whose lemma was a gold cue at least
``--min-cue`` times and that has a source, is one example: positive when it lies inside a gold Cue
span. A logistic regression (plain numpy, full-batch gradient descent, L2) is fitted on a seeded 80 %
of the articles; the threshold that gives the best all-attribution F1 (overlap >= 0.3, the bench's
scoring) on the other 20 % while precision (overlap >= 0.5) and speaker accuracy stay within ``--max-drop``
of the rules' alone is kept, and the model is refitted on all train articles with it. Only the
dev and test splits are never read. The output holds feature weights, the threshold and the lemma list:
no corpus text.

    .venv/bin/python bench/train_cue_model.py /path/to/PolNeAR [--cache /tmp/polnear-train.pkl]
"""

from __future__ import annotations

import argparse
import json
import pickle
import random
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import msgspec
import numpy as np
from spacy.tokens import Doc, Token

from pipeline.config import Settings
from pipeline.lexicon import Lexicon, load_lexicon
from pipeline.nlp import load_nlp
from pipeline.quotes.cue_features import CUE_POS, cue_features
from pipeline.quotes.extract import extract_quotes
from pipeline.quotes.learned import MODEL_PATH, CueModel, candidate_reports

sys.path.insert(0, str(Path(__file__).parent))
from quotes_polnear import _words, parse_ann, score_article  # noqa: E402

#: a threshold no probability reaches: the rule passes alone
RULES_ONLY = 1.01
Row = tuple[str, str, str, bytes, Any]  # stem, text, .ann path, doc bytes, entities section


def parsed_articles(polnear: Path, cache: Path | None) -> list[Row]:
    """The train split parsed by the NER stage, read from ``cache`` when it exists (else written there)."""
    if cache is not None and cache.exists():
        rows: list[Row] = pickle.loads(cache.read_bytes())["rows"]
        return rows
    from pipeline.article import Article, RawArticle
    from pipeline.config import Settings
    from pipeline.stages.registry import build_stages
    (ner,) = build_stages(Settings(metrics_port=0, stages=["ner"]))
    ner.setup()
    rows = []
    split = polnear / "data" / "train"
    for path in sorted((split / "text").glob("*.txt")):
        ann = sorted((split / "attributions").glob(f"{path.stem}_*.ann"))
        if not ann:
            continue
        text = path.read_text(encoding="utf-8")
        article = Article(raw=RawArticle(id=path.stem, source="polnear", title="", body=text,
                                         published_at="2016-01-01"), text=text)
        ner.process([article])
        assert article.doc is not None
        rows.append((path.stem, text, str(ann[0]), article.doc.to_bytes(), article.entities))
    if cache is not None:
        cache.write_bytes(pickle.dumps({"rows": rows}))
    return rows


Gold = tuple[list[tuple[int, int]], set[int]]  # an attribution's Cue spans, its content's word starts


def gold_attributions(ann: Path, text: str) -> list[Gold]:
    """Cue spans and content words of every attribution with a content (BRAT standoff)."""
    spans: dict[str, list[tuple[int, int]]] = {}
    out = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if line.startswith("T") and len(fields) >= 2:
            offsets = fields[1].partition(" ")[2]
            spans[fields[0]] = [(int(a), int(b)) for a, b in (p.split() for p in offsets.split(";"))]
        elif line.startswith("E") and len(fields) >= 2:
            args = dict(arg.split(":", 1) for arg in fields[1].split())
            if args.get("Content") in spans and args.get("Cue") in spans:
                out.append((spans[args["Cue"]], _words(text, tuple(spans[args["Content"]]))))
    return out


def _in_cue(tok: Token, cue: list[tuple[int, int]]) -> bool:
    return any(s <= tok.idx and tok.idx + len(tok) <= e for s, e in cue)


def _correct(tok: Token, content: set[int], gold: list[Gold]) -> bool:
    """Whether ``tok`` is a gold cue whose content matches ``content`` at overlap >= 0.5."""
    return any(_in_cue(tok, cue) and len(words & content) >= 0.5 * len(words | content) for cue, words in gold)


def rule_cues(doc: Doc, entities: Any, lex: Lexicon) -> set[int]:
    """Token indices of the cues the rule passes read (stances on)."""
    starts = {q.cue.start for q in extract_quotes(doc, entities, lex, stances=True) if q.cue is not None}
    return {t.i for t in doc if t.idx in starts}


def examples(docs: list[tuple[Doc, Row]], lex: Lexicon, lemmas: frozenset[str]) -> tuple[list[list[str]], list[int]]:
    """Features and labels of every report the detector may make on words the rules left unread: positive
    when the word is a gold cue and the report's content matches that attribution's."""
    feats, labels = [], []
    model = CueModel({}, 1.0, lemmas)
    for doc, row in docs:
        gold = gold_attributions(Path(row[2]), row[1])
        for tok, source, content in candidate_reports(doc, lex, model, rule_cues(doc, row[4], lex)):
            feats.append(cue_features(tok, source, content, lex))
            labels.append(int(_correct(tok, _words(row[1], (content.span,)), gold)))
    return feats, labels


def fit(feats: list[list[str]], labels: list[int], min_count: int, l2: float, steps: int) -> dict[str, float]:
    """Logistic regression over binary features seen ``min_count`` times (full-batch gradient descent)."""
    counts = Counter(f for row in feats for f in row)
    index = {f: k for k, f in enumerate(sorted(f for f, n in counts.items() if n >= min_count))}
    cols = [np.array([index[f] for f in row if f in index], dtype=np.int64) for row in feats]
    flat, lengths = np.concatenate(cols), np.array([len(c) for c in cols])
    owner = np.repeat(np.arange(len(cols)), lengths)
    y, w = np.array(labels, dtype=np.float64), np.zeros(len(index))
    m, v = np.zeros_like(w), np.zeros_like(w)
    for step in range(1, steps + 1):  # Adam
        z = np.bincount(owner, weights=w[flat], minlength=len(cols))
        err = 1.0 / (1.0 + np.exp(-z)) - y
        grad = np.bincount(flat, weights=err[owner], minlength=len(w)) / len(y) + l2 * w
        m, v = 0.9 * m + 0.1 * grad, 0.999 * v + 0.001 * grad ** 2
        w -= 0.05 * (m / (1 - 0.9 ** step)) / (np.sqrt(v / (1 - 0.999 ** step)) + 1e-8)
    return {f: round(float(w[k]), 4) for f, k in index.items() if abs(w[k]) >= 1e-3}


def object_lemmas(feats: list[list[str]], labels: list[int], precision: float, minimum: int) -> frozenset[str]:
    """Cue words whose noun-phrase or prepositional object was the gold content at least ``precision`` of
    the time and at least ``minimum`` times: the meaning gate's learned list (learned_gates.py)."""
    seen: Counter[str] = Counter()
    right: Counter[str] = Counter()
    for row, label in zip(feats, labels):
        lemma, _, kind = next(f for f in row if f.startswith("lk=")).removeprefix("lk=").rpartition("|")
        if kind in ("object", "prep"):
            seen[lemma] += 1
            right[lemma] += label
    return frozenset(w for w, n in seen.items() if right[w] >= minimum and right[w] >= precision * n)


def held_out_scores(docs: list[tuple[Doc, Row]], lex: Lexicon, model: CueModel) -> tuple[float, float, float]:
    """All-attribution F1 at overlap >= 0.3, precision at overlap >= 0.5 and speaker accuracy
    (bench/quotes_polnear.py's scoring), stances on."""
    counts: dict[str, dict[str, int]] = {}
    for doc, row in docs:
        quotes = msgspec.to_builtins(extract_quotes(doc, row[4], lex, stances=True, cues=model))
        score_article(row[1], parse_ann(Path(row[2]), row[1]), quotes, counts)
    c = counts["all"]
    p, r = c["tp30"] / max(1, c["pred"]), c["tp30"] / max(1, c["gold"])
    return (2 * p * r / (p + r) if p + r else 0.0), c["tp50"] / max(1, c["pred"]), c["spk_ok"] / max(1, c["tp50"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("polnear", type=Path, help="path of a PolNeAR checkout (the folder holding data/)")
    parser.add_argument("--cache", type=Path, help="pickle of the parsed train split (read if present, else written)")
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--min-cue", type=int, default=3, help="gold cue count for a lemma to be a candidate")
    parser.add_argument("--min-count", type=int, default=3, help="occurrences for a feature to get a weight")
    parser.add_argument("--l2", type=float, default=1e-4)
    parser.add_argument("--steps", type=int, default=400)
    parser.add_argument("--object-precision", type=float, default=0.2,
                        help="share of a cue word's object reports that must be right for its objects to pass the gate")
    parser.add_argument("--object-min", type=int, default=5, help="right object reports a cue word needs for that")
    parser.add_argument("--max-drop", type=float, default=0.01,
                        help="how far held-out precision (overlap50) and speaker accuracy may fall below the rules'")
    args = parser.parse_args()
    # the model's own vocabulary: a bare Vocab has no lexical attribute getters, so every token would
    # read as no punctuation and no capitals, and the rule passes would not see what the stage sees
    lex, vocab = load_lexicon(), load_nlp(Settings(metrics_port=0).spacy_model).vocab
    docs = [(Doc(vocab).from_bytes(row[3]), row) for row in parsed_articles(args.polnear, args.cache)]
    cue_lemmas: Counter[str] = Counter()
    for doc, row in docs:
        cues = [cue for cue, _ in gold_attributions(Path(row[2]), row[1])]
        cue_lemmas.update(t.lemma_.lower() for t in doc if t.pos_ in CUE_POS and any(_in_cue(t, c) for c in cues))
    lemmas = frozenset(lemma for lemma, n in cue_lemmas.items() if n >= args.min_cue)
    order = list(range(len(docs)))
    random.Random(args.seed).shuffle(order)
    cut = len(order) * 4 // 5
    fit_docs, held = [docs[k] for k in order[:cut]], [docs[k] for k in order[cut:]]
    feats, labels = examples(fit_docs, lex, lemmas)
    weights = fit(feats, labels, args.min_count, args.l2, args.steps)
    objects = object_lemmas(feats, labels, args.object_precision, args.object_min)
    sweep = {t: held_out_scores(held, lex, CueModel(weights, t, lemmas, objects))
             for t in (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7, 0.8, RULES_ONLY)}
    for t, (f1, p50, speakers) in sweep.items():
        print(f"held-out 20 % of train, threshold {t}: all-attribution F1 (overlap30) {f1:.4f}, "
              f"precision (overlap50) {p50:.4f}, speakers {speakers:.4f}")
    floor = [score - args.max_drop for score in sweep[RULES_ONLY]]
    kept = [t for t, (_, p50, speakers) in sweep.items() if p50 >= floor[1] and speakers >= floor[2]]
    threshold = max(kept, key=lambda t: (sweep[t][0], t))
    feats, labels = examples(docs, lex, lemmas)
    weights = fit(feats, labels, args.min_count, args.l2, args.steps)
    objects = object_lemmas(feats, labels, args.object_precision, args.object_min)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"threshold": threshold, "lemmas": sorted(lemmas), "weights": weights,
                                    "object_lemmas": sorted(objects),
                                    "trained_on": "PolNeAR train", "command": "bench/train_cue_model.py",
                                    "seed": args.seed}, sort_keys=True, indent=0) + "\n", encoding="utf-8")
    print(f"threshold {threshold}, {len(lemmas)} cue lemmas, {len(objects)} object lemmas, "
          f"{len(weights)} weights -> {args.out}")


if __name__ == "__main__":
    main()

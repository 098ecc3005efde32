"""Score entity mentions and clusters on the gold articles: bare spaCy vs the NER stage.

Usage: ``python -m tests.gold.entities.score [--verbose]`` from the repository root.
The last output line is one JSON object: ``{"baseline": {...}, "stage": {...}}`` with
mention-level and entity-level precision/recall/F1 and cluster accuracy over the
scored labels (see README.md in this directory for the annotation guideline).
"""

from __future__ import annotations

import argparse
import json
import re
from dataclasses import dataclass
from pathlib import Path

from pipeline.article import Article, RawArticle
from pipeline.config import Settings
from pipeline.stages.ner import GAZETTEER_PIPE, NerStage

ARTICLES = Path(__file__).parent / "articles"
SCORED = frozenset({"PERSON", "ORG", "GPE"})
_MARK = re.compile(r"\[([^\[\]]+)\]\(([A-Z_]+):([a-z0-9-]+)\)")

Span = tuple[int, int]


@dataclass(frozen=True)
class Gold:
    """One annotated article: plain text and its mentions grouped by cluster key."""

    name: str
    text: str
    mentions: dict[Span, str]  # span -> label
    clusters: dict[str, frozenset[Span]]


def parse(name: str, marked: str) -> Gold:
    """Strip ``[text](LABEL:cluster)`` marks, keeping offsets into the plain text."""
    text, mentions, clusters, pos = [], {}, {}, 0
    length = 0
    for m in _MARK.finditer(marked):
        chunk = marked[pos:m.start()]
        text.append(chunk)
        length += len(chunk)
        span = (length, length + len(m.group(1)))
        text.append(m.group(1))
        length += len(m.group(1))
        mentions[span] = m.group(2)
        clusters.setdefault(m.group(3), set()).add(span)
        pos = m.end()
    text.append(marked[pos:])
    return Gold(name, "".join(text), mentions, {k: frozenset(v) for k, v in clusters.items()})


def load_gold(pattern: str = "*.txt") -> list[Gold]:
    """The articles under ``articles/`` matching ``pattern``, in file name order."""
    return [parse(p.stem, p.read_text(encoding="utf-8")) for p in sorted(ARTICLES.glob(pattern))]


Entities = list[tuple[str, frozenset[Span]]]  # (label, mention spans) per predicted entity


def run_stage(golds: list[Gold]) -> list[Entities]:
    """The NER stage's entities section, reduced to (label, spans) per entity.

    Role mentions ("the Kremlin spokesman") are not names, so the gold set does not mark them.
    """
    stage = NerStage(Settings())
    stage.setup()
    articles = [Article(raw=RawArticle(id=g.name, source="gold", title="", body=g.text, published_at=""),
                        text=g.text) for g in golds]
    stage.process(articles)
    return [[(e["label"], frozenset((m["start"], m["end"]) for m in e["mentions"] if m["source"] != "role"))
             for e in a.sections["entities"]] for a in articles]


def run_baseline(golds: list[Gold]) -> list[Entities]:
    """Bare spaCy: the model's entities, mentions with identical text grouped."""
    stage = NerStage(Settings())
    stage.setup()
    out: list[Entities] = []
    with stage.nlp.select_pipes(disable=[GAZETTEER_PIPE]):
        for doc in stage.nlp.pipe(g.text for g in golds):
            groups: dict[tuple[str, str], set[Span]] = {}
            for ent in doc.ents:
                groups.setdefault((ent.label_, ent.text), set()).add((ent.start_char, ent.end_char))
            out.append([(label, frozenset(spans)) for (label, _), spans in groups.items()])
    return out


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(2 * p * r / (p + r) if p + r else 0.0, 4)}


def score(golds: list[Gold], predicted: list[Entities]) -> dict[str, object]:
    """Mention P/R/F1 (exact span and label), entity P/R/F1 (exact label and mention set), cluster accuracy.

    Cluster accuracy: the share of gold entities whose mentions the system put
    in one entity holding no mention of another gold entity (labels ignored).
    """
    tp = n_pred = n_gold = etp = en_pred = en_gold = c_ok = c_all = 0
    for gold, ents in zip(golds, predicted, strict=True):
        ents = [(label, spans) for label, spans in ents if label in SCORED]
        pred = {s: label for label, spans in ents for s in spans}
        tp += sum(1 for s, label in gold.mentions.items() if pred.get(s) == label)
        n_pred += len(pred)
        n_gold += len(gold.mentions)
        gold_ents = {(gold.mentions[next(iter(spans))], spans) for spans in gold.clusters.values()}
        etp += len(gold_ents & set(ents))
        en_pred += len(ents)
        en_gold += len(gold_ents)
        owner = {s: key for key, spans in gold.clusters.items() for s in spans}
        for key, spans in gold.clusters.items():
            c_all += 1
            holders = [p for _, p in ents if p & spans]
            c_ok += (len(holders) == 1 and spans <= holders[0]
                     and all(owner.get(s, key) == key for s in holders[0]))
    return {"mention": _prf(tp, n_pred, n_gold), "entity": _prf(etp, en_pred, en_gold),
            "cluster_accuracy": round(c_ok / c_all, 4) if c_all else 0.0,
            "articles": len(golds)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="list each article's misses and extras")
    parser.add_argument("--glob", default="*.txt", help="score only these article files (e.g. '*heldout*')")
    args = parser.parse_args()
    golds = load_gold(args.glob)
    results = {"baseline": run_baseline(golds), "stage": run_stage(golds)}
    figures = {name: score(golds, preds) for name, preds in results.items()}
    for name, fig in figures.items():
        print(f"{name:9s} mention P/R/F1 {fig['mention']}  entity {fig['entity']}  "
              f"cluster accuracy {fig['cluster_accuracy']}")
    if args.verbose:
        for gold, ents in zip(golds, results["stage"], strict=True):
            pred = {s: label for label, spans in ents if label in SCORED for s in spans}
            missed = [(gold.text[a:b], lab) for (a, b), lab in gold.mentions.items()
                      if pred.get((a, b)) != lab]
            extra = [(gold.text[a:b], lab) for (a, b), lab in pred.items()
                     if gold.mentions.get((a, b)) != lab]
            print(f"{gold.name}: missed {missed} extra {extra}")
    print(json.dumps(figures, sort_keys=True))


if __name__ == "__main__":
    main()

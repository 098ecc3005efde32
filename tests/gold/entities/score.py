"""Score entity mentions and clusters on the gold articles through the pipeline: bare spaCy vs NER stage.

Usage: ``python -m tests.gold.entities.score [--verbose] [--glob PATTERN] [--articles DIR]`` from the repository root.
Each article goes in as a raw article (first paragraph the title, the whole file the body, dateline
and all) through the production runner (``tests/gold/enriched.py``); the enriched record is scored.
Gold spans are annotated on the raw body and carried into the record's text through its offset map;
a gold span the clean stage cut (a dateline place, the repeated headline) cannot be in the record and
is reported under ``removed`` with its count, not silently dropped. The last output line is one JSON
object: ``{"baseline": {...}, "stage": {...}}`` with mention-level and entity-level
precision/recall/F1 and cluster accuracy over the scored labels, per group of articles (see
README.md in this directory for the annotation guideline and the groups).
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.config import Settings
from pipeline.entities.english import GAZETTEER_PIPE
from pipeline.nlp import load_nlp
from tests.gold.enriched import Mapped, RawGold, SpanMap, enrich, headline_and_body, spans_report

ARTICLES = Path(__file__).parent / "articles"
SCORED = frozenset({"PERSON", "ORG", "GPE"})
GROUPS = ("dev", "tuned", "heldout", "heldout3", "heldout4")
PUBLISHED_AT = "2025-01-01T12:00:00Z"  # the entity set carries no dates; clean only uses it to read datelines
_MARK = re.compile(r"\[([^\[\]]+)\]\(([A-Z_]+):([a-z0-9-]+)\)")

Span = tuple[int, int]


@dataclass(frozen=True)
class Gold:
    """One annotated article: plain text and its mentions grouped by cluster key.

    Straight from the file, offsets point into the raw body; :func:`prepare` gives the same article
    with offsets into the enriched record's text (``text`` the record's, ``lost`` the spans that did
    not map).
    """

    name: str
    text: str
    mentions: dict[Span, str]  # span -> label
    clusters: dict[str, frozenset[Span]]
    lost: tuple[Mapped, ...] = field(default=())

    @property
    def group(self) -> str:
        """``heldout``/``heldout3`` (never used for rules), ``tuned`` (first held out, then used for rules) or ``dev``."""
        return next((g for g in GROUPS[1:] if f"-{g}-" in self.name), "dev")


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


def load_gold(pattern: str = "*.txt", articles: Path = ARTICLES) -> list[Gold]:
    """The articles under ``articles`` (this set's by default) matching ``pattern``, in file name order.

    Offsets are into the raw body. Other entity sets in the same format pass their own directory.
    """
    return [parse(p.stem, p.read_text(encoding="utf-8")) for p in sorted(articles.glob(pattern))]


def raw_article(gold: Gold) -> RawGold:
    title, body = headline_and_body(gold.text)
    return RawGold(id=f"gold-entities-{gold.name}", title=title, body=body, published_at=PUBLISHED_AT)


def prepare(golds: list[Gold]) -> tuple[list[Gold], list[dict[str, Any]]]:
    """Each article through the pipeline: its gold in record-text offsets, and its enriched record."""
    records = enrich([raw_article(g) for g in golds])
    out = []
    for gold, record in zip(golds, records, strict=True):
        spans = SpanMap(record, gold.text)
        mapped = {s: spans.map_span(*s) for s in gold.mentions}
        ok = {s: m.span for s, m in mapped.items() if m.status == "ok"}
        clusters = {k: frozenset(ok[s] for s in v if s in ok) for k, v in gold.clusters.items()}
        out.append(Gold(gold.name, record["text"], {ok[s]: gold.mentions[s] for s in ok},
                        {k: v for k, v in clusters.items() if v},
                        tuple(m for m in mapped.values() if m.status != "ok")))
    return out, records


Entities = list[tuple[str, frozenset[Span]]]  # (label, mention spans) per predicted entity


def run_stage(records: list[dict[str, Any]]) -> list[Entities]:
    """The records' entities sections, reduced to (label, spans) per entity.

    Role mentions ("the Kremlin spokesman") are not names, so the gold set does not mark them.
    """
    return [[(e["label"], frozenset((m["start"], m["end"]) for m in e["mentions"] if m["source"] != "role"))
             for e in record["entities"]] for record in records]


def run_baseline(records: list[dict[str, Any]]) -> list[Entities]:
    """Bare spaCy on the same cleaned texts: the model's entities, mentions with identical text grouped."""
    nlp = load_nlp(Settings().spacy_model)
    out: list[Entities] = []
    with nlp.select_pipes(disable=[name for name in nlp.pipe_names if name == GAZETTEER_PIPE]):
        for doc in nlp.pipe(record["text"] for record in records):
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
    """Mention P/R/F1 (exact span and label; overall and per label), entity P/R/F1 (exact label and mention
    set), cluster accuracy.

    ``golds`` are prepared (record-text offsets). Cluster accuracy: the share of gold entities whose
    mentions the system put in one entity holding no mention of another gold entity (labels ignored).
    Gold mentions the clean stage cut are counted under ``removed`` (and in ``mention_recall_with_removed``,
    where they count as misses); ``unmapped`` lists any other gold span that did not map (must be empty).
    """
    tp = n_pred = n_gold = etp = en_pred = en_gold = c_ok = c_all = 0
    per_label: dict[str, Counter[str]] = {label: Counter() for label in sorted(SCORED)}
    for gold, ents in zip(golds, predicted, strict=True):
        ents = [(label, spans) for label, spans in ents if label in SCORED]
        pred = {s: label for label, spans in ents for s in spans}
        tp += sum(1 for s, label in gold.mentions.items() if pred.get(s) == label)
        n_pred += len(pred)
        n_gold += len(gold.mentions)
        for s, label in gold.mentions.items():
            per_label[label]["gold"] += 1
            per_label[label]["tp"] += pred.get(s) == label
        for label in pred.values():
            per_label[label]["pred"] += 1
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
    removed_by = Counter(m.cut for g in golds for m in g.lost if m.status == "removed")
    removed = sum(removed_by.values())
    unmapped = [f"{g.name}@{m.raw[0]}:{m.raw_text!r} {m.status}" for g in golds for m in g.lost
                if m.status != "removed"]
    return {"mention": _prf(tp, n_pred, n_gold), "entity": _prf(etp, en_pred, en_gold),
            "mention_by_label": {label: _prf(c["tp"], c["pred"], c["gold"]) for label, c in per_label.items()},
            "cluster_accuracy": round(c_ok / c_all, 4) if c_all else 0.0,
            "articles": len(golds), "mentions": n_gold, "removed": removed,
            "removed_by": dict(sorted(removed_by.items())), "unmapped": unmapped,
            "mention_recall_with_removed": round(tp / (n_gold + removed), 4) if n_gold + removed else 0.0}


def by_group(golds: list[Gold], predicted: list[Entities]) -> dict[str, dict[str, object]]:
    """:func:`score` over all articles and over each group present."""
    out = {"all": score(golds, predicted)}
    for group in GROUPS:
        pairs = [(g, p) for g, p in zip(golds, predicted, strict=True) if g.group == group]
        if pairs:
            out[group] = score([g for g, _ in pairs], [p for _, p in pairs])
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="list each article's misses and extras")
    parser.add_argument("--glob", default="*.txt", help="score only these article files (e.g. '*heldout*')")
    parser.add_argument("--articles", type=Path, default=ARTICLES,
                        help="directory of annotated articles (default: this set's; e.g. tests/gold/entities_desks/articles)")
    args = parser.parse_args()
    golds, records = prepare(load_gold(args.glob, args.articles))
    results = {"baseline": run_baseline(records), "stage": run_stage(records)}
    figures = {name: by_group(golds, preds) for name, preds in results.items()}
    for name, groups in figures.items():
        for group, fig in groups.items():
            print(f"{name:9s} {group:8s} ({fig['articles']:2d} articles, {fig['mentions']:3d} mentions) "
                  f"mention P/R/F1 {fig['mention']}  entity {fig['entity']}  "
                  f"cluster accuracy {fig['cluster_accuracy']}")
            by_label = fig["mention_by_label"]
            assert isinstance(by_label, dict)
            print(" " * 19 + "  ".join(f"{label} F1 {prf['f1']}" for label, prf in by_label.items()))
    lost: dict[str, list[str]] = {}
    for gold in golds:
        for status, items in spans_report(gold.name, gold.lost).items():
            lost.setdefault(status, []).extend(items)
    for status, items in lost.items():
        print(f"gold spans {status} by the clean stage ({len(items)}): {', '.join(items)}")
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

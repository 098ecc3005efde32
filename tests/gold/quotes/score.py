"""Score the quotes stage against the gold set in ``articles/`` (format: README.md).

Content spans are matched one-to-one, greedily by token overlap (Jaccard of word-token
positions). Figures: P/R/F1 at exact match (same span up to edge punctuation), at overlap
>= 0.5 and at any overlap, split into direct and indirect (mixed counts as indirect), plus
speaker accuracy over the pairs matched at 0.5. Articles marked ``"held_out": true`` (written
after the stage's rules, never used to tune them) are also scored on their own, under the
``held_out`` key. The last line printed is one JSON object.

    .venv/bin/python tests/gold/quotes/score.py [-v]
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from pipeline.article import Article, RawArticle
from pipeline.config import Settings
from pipeline.stages.ner import NerStage
from pipeline.stages.quotes import QuoteStage

ARTICLES = Path(__file__).parent / "articles"
THRESHOLDS = {"exact": None, "overlap50": 0.5, "any": 0.0}
_WORD = re.compile(r"\w+")
_EDGE = " \t\n,;:.“”„«»\"‘’'–—-"


@dataclass(frozen=True, slots=True)
class Item:
    """A gold or predicted attribution reduced to what is scored."""

    kind: str  # direct | indirect (mixed counts as indirect)
    start: int
    end: int
    speaker: str | None


@cache
def _stages() -> tuple[NerStage, QuoteStage]:
    settings = Settings(metrics_port=0)
    stages = NerStage(settings), QuoteStage(settings)
    for stage in stages:
        stage.setup()
    return stages


def annotate(text: str) -> Article:
    """Run the real NER and quotes stages over ``text``."""
    article = Article(raw=RawArticle(id="gold", source="gold", title="", body=text, published_at="2000-01-01"),
                      text=text)
    for stage in _stages():
        stage.process([article])
    return article


def load_gold(path: Path) -> tuple[str, list[Item]]:
    """An article's text and gold items, content located by text (and ``occurrence``)."""
    text = path.with_suffix(".txt").read_text(encoding="utf-8")
    items = []
    for q in json.loads(path.read_text(encoding="utf-8"))["quotes"]:
        start = -1
        for _ in range(q.get("occurrence", 1)):
            start = text.index(q["content"], start + 1)
        items.append(Item(_kind(q["type"]), start, start + len(q["content"]), q["speaker"]))
    return text, items


def _kind(quote_type: str) -> str:
    return "direct" if quote_type == "direct" else "indirect"


def predictions(article: Article) -> list[Item]:
    return [Item(_kind(q["type"]), q["content"]["start"], q["content"]["end"],
                 q["speaker_name"] if q["speaker_entity"] else None) for q in article.sections["quotes"]]


def _words(text: str, item: Item) -> set[int]:
    return {m.start() + item.start for m in _WORD.finditer(text, item.start, item.end)}


def _trimmed(text: str, item: Item) -> str:
    return text[item.start:item.end].strip(_EDGE)


def overlap(text: str, a: Item, b: Item) -> float:
    wa, wb = _words(text, a), _words(text, b)
    return len(wa & wb) / len(wa | wb) if wa | wb else 0.0


def same_speaker(gold: str | None, predicted: str | None) -> bool:
    """Null matches null; names match on equality, containment or the same last word."""
    if gold is None or predicted is None:
        return gold is predicted
    g, p = gold.lower(), predicted.lower()
    return g == p or g in p or p in g or g.split()[-1] == p.split()[-1]


def match(text: str, gold: list[Item], pred: list[Item], threshold: float | None) -> list[tuple[Item, Item]]:
    """Greedy one-to-one pairs by overlap; ``None`` threshold means exact."""
    scored = sorted(((overlap(text, g, p), gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(pred)),
                    reverse=True)
    used_g, used_p, pairs = set(), set(), []
    for score, gi, pi in scored:
        if gi in used_g or pi in used_p or score <= 0:
            continue
        ok = _trimmed(text, gold[gi]) == _trimmed(text, pred[pi]) if threshold is None else score >= threshold
        if ok:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gold[gi], pred[pi]))
    return pairs


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"p": round(p, 3), "r": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0}


def is_held_out(path: Path) -> bool:
    return bool(json.loads(path.read_text(encoding="utf-8")).get("held_out"))


def score(verbose: bool = False) -> dict[str, Any]:
    """All figures over the gold set, and over its held-out articles under ``held_out``."""
    figures = _score(sorted(ARTICLES.glob("*.json")), verbose)
    figures["held_out"] = _score([p for p in sorted(ARTICLES.glob("*.json")) if is_held_out(p)], False)
    return figures


def _score(paths: list[Path], verbose: bool) -> dict[str, Any]:
    counts: dict[str, dict[str, int]] = {}
    for path in paths:
        text, gold = load_gold(path)
        pred = predictions(annotate(text))
        for kind in ("direct", "indirect", "all"):
            g = [x for x in gold if kind in ("all", x.kind)]
            p = [x for x in pred if kind in ("all", x.kind)]
            c = counts.setdefault(kind, {"gold": 0, "pred": 0, "speaker_ok": 0, "speaker_n": 0})
            c["gold"] += len(g)
            c["pred"] += len(p)
            for name, threshold in THRESHOLDS.items():
                pairs = match(text, g, p, threshold)
                c[name] = c.get(name, 0) + len(pairs)
                if name == "overlap50":
                    c["speaker_n"] += len(pairs)
                    c["speaker_ok"] += sum(same_speaker(a.speaker, b.speaker) for a, b in pairs)
                    if verbose and kind == "all":
                        _report(path.stem, text, g, p, pairs)
    return {kind: {name: _prf(c[name], c["pred"], c["gold"]) for name in THRESHOLDS}
            | {"speaker_accuracy": round(c["speaker_ok"] / c["speaker_n"], 3) if c["speaker_n"] else 0.0,
               "gold": c["gold"], "pred": c["pred"]}
            for kind, c in counts.items()}


def _report(name: str, text: str, gold: list[Item], pred: list[Item], pairs: list[tuple[Item, Item]]) -> None:
    for g in gold:
        hit = next((p for a, p in pairs if a is g), None)
        mark = "MISS" if hit is None else ("ok  " if same_speaker(g.speaker, hit.speaker) else "SPKR")
        print(f"{name:20} {mark} {g.kind:8} {text[g.start:g.end][:60]!r} gold={g.speaker} "
              f"pred={hit.speaker if hit else '-'}")
    for p in pred:
        if not any(b is p for _, b in pairs):
            print(f"{name:20} FP   {p.kind:8} {text[p.start:p.end][:60]!r} pred={p.speaker}")


def main() -> None:
    figures = score(verbose="-v" in sys.argv)
    held_out = figures["held_out"]
    _print(figures, "")
    _print(held_out, "held-out ")
    print(json.dumps(figures, sort_keys=True))


def _print(figures: dict[str, Any], prefix: str) -> None:
    for kind in ("direct", "indirect", "all"):
        f = figures[kind]
        print(f"{prefix}{kind:9} gold={f['gold']:3} pred={f['pred']:3} " + "  ".join(
            f"{name}: P={f[name]['p']:.3f} R={f[name]['r']:.3f} F1={f[name]['f1']:.3f}" for name in THRESHOLDS)
            + f"  speaker_acc={f['speaker_accuracy']:.3f}")


if __name__ == "__main__":
    main()

"""Score the quotes stage against the gold set in ``articles/`` (format: README.md).

Content spans are matched one-to-one, greedily by token overlap (Jaccard of word-token
positions). Figures: P/R/F1 at exact match (same span up to edge punctuation), at overlap
>= 0.5 and at any overlap, split into direct and indirect (mixed counts as indirect), plus
speaker accuracy over the pairs matched at 0.5. Each group of articles (``"group"`` in the JSON:
``heldout`` never used to tune rules, ``tuned`` first held out and since used for rules, absent for
the development articles) is also scored on its own, under its name. The last line printed is one
JSON object.

Each article goes through the whole pipeline as a raw article (its first paragraph the title, the
whole file the body, dateline and all; ``tests/gold/enriched.py``) and the enriched record is
scored: gold contents are found in the raw body and carried into the record's text through its
offset map; a gold quote the clean stage cut is reported under ``lost``, never dropped silently.

    .venv/bin/python -m tests.gold.quotes.score [-v]
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.gold.enriched import Mapped, RawGold, SpanMap, enrich, headline_and_body

ARTICLES = Path(__file__).parent / "articles"
THRESHOLDS = {"exact": None, "overlap50": 0.5, "any": 0.0}
GROUPS = ("dev", "tuned", "heldout")
PUBLISHED_AT = "2025-01-01T12:00:00Z"  # the quote set carries no dates; clean only uses it to read datelines
_WORD = re.compile(r"\w+")
_EDGE = " \t\n,;:.“”„«»\"‘’'–—-"


@dataclass(frozen=True, slots=True)
class Item:
    """A gold or predicted attribution reduced to what is scored."""

    kind: str  # direct | indirect (mixed counts as indirect)
    start: int
    end: int
    speaker: str | None


def load_gold(path: Path) -> tuple[str, list[Item]]:
    """An article's raw body and gold items, content located in it by text (and ``occurrence``)."""
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


def _words(text: str, item: Item) -> set[int]:
    """Start offsets of the item's words in ``text`` (finditer's ``pos`` keeps offsets absolute)."""
    return {m.start() for m in _WORD.finditer(text, item.start, item.end)}


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


def group(path: Path) -> str:
    """``heldout``, ``tuned`` or ``dev`` (no group given)."""
    return json.loads(path.read_text(encoding="utf-8")).get("group", "dev")


def raw_article(path: Path) -> RawGold:
    title, body = headline_and_body(path.with_suffix(".txt").read_text(encoding="utf-8"))
    return RawGold(id=f"gold-quotes-{path.stem}", title=title, body=body, published_at=PUBLISHED_AT)


@dataclass(frozen=True)
class Enriched:
    """One article through the pipeline: record text, gold items in its offsets, gold the clean stage lost."""

    name: str
    text: str
    gold: list[Item]
    lost: list[Mapped]
    pred: list[Item]


def run(paths: list[Path]) -> list[Enriched]:
    records = enrich([raw_article(p) for p in paths])
    out = []
    for path, record in zip(paths, records, strict=True):
        body, items = load_gold(path)
        spans = SpanMap(record, body)
        gold, lost = [], []
        for item in items:
            m = spans.map_span(item.start, item.end)
            if m.status == "ok" and m.span is not None:
                gold.append(Item(item.kind, m.span[0], m.span[1], item.speaker))
            else:
                lost.append(m)
        out.append(Enriched(path.stem, record["text"], gold, lost, predictions(record)))
    return out


def predictions(record: dict[str, Any]) -> list[Item]:
    return [Item(_kind(q["type"]), q["content"]["start"], q["content"]["end"],
                 q["speaker_name"] if q["speaker_entity"] else None) for q in record["quotes"]]


def score(verbose: bool = False) -> dict[str, Any]:
    """All figures over the gold set, and over each group under its name."""
    paths = sorted(ARTICLES.glob("*.json"))
    articles = dict(zip(paths, run(paths), strict=True))
    figures = _score(list(articles.values()), verbose)
    for name in GROUPS:
        figures[name] = _score([a for p, a in articles.items() if group(p) == name], False)
    return figures


def score_group(name: str) -> dict[str, Any]:
    """The figures of one group of articles only."""
    paths = [p for p in sorted(ARTICLES.glob("*.json")) if group(p) == name]
    return _score(run(paths), False)


def _score(articles: list[Enriched], verbose: bool) -> dict[str, Any]:
    counts: dict[str, dict[str, int]] = {}
    for article in articles:
        text, gold, pred = article.text, article.gold, article.pred
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
                        _report(article.name, text, g, p, pairs)
    figures: dict[str, Any] = {
        kind: {name: _prf(c[name], c["pred"], c["gold"]) for name in THRESHOLDS}
        | {"speaker_accuracy": round(c["speaker_ok"] / c["speaker_n"], 3) if c["speaker_n"] else 0.0,
           "gold": c["gold"], "pred": c["pred"]}
        for kind, c in counts.items()}
    figures["articles"] = len(articles)
    figures["lost"] = [f"{a.name}@{m.raw[0]}: {m.status}{f' ({m.cut})' if m.cut else ''}: {m.raw_text[:50]!r}"
                       for a in articles for m in a.lost]
    return figures


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
    _print(figures, "")
    for name in GROUPS:
        _print(figures[name], f"{name} ")
    for line in figures["lost"]:
        print("gold quote not in the record:", line)
    print(json.dumps(figures, sort_keys=True))


def _print(figures: dict[str, Any], prefix: str) -> None:
    print(f"{prefix}{figures['articles']} articles")
    for kind in ("direct", "indirect", "all"):
        f = figures[kind]
        print(f"{prefix}{kind:9} gold={f['gold']:3} pred={f['pred']:3} " + "  ".join(
            f"{name}: P={f[name]['p']:.3f} R={f[name]['r']:.3f} F1={f[name]['f1']:.3f}" for name in THRESHOLDS)
            + f"  speaker_acc={f['speaker_accuracy']:.3f}")


if __name__ == "__main__":
    main()

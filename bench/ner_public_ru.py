"""Score the Russian entities on factRuEval-2016 (public annotated Russian news, PER / ORG / LOC).

The corpus is fetched, never committed: pass the path of its ``devset`` folder (a checkout of
github.com/dialogue-evaluation/factRuEval-2016). The test set is refused: it stays for
independent evaluation. Each document (``book_N.txt``) goes in as a raw article declared Russian
through the production runner, every stage, as the Russian gold set's scorer does
(:mod:`tests.gold.enriched`); gold spans are carried into the record's text by its offset map.

Gold, from the ``.objects`` layer (each mention a list of ``.spans``):

- ``Person`` → PER, ``Org`` → ORG, ``Location`` → LOC, ``LocOrg`` (a place that acts, "Россия
  заявила") → LOC, as the official scorer's ``-l`` mode counts it; our GPE and LOC are both LOC;
- a mention's span runs from its first span to its last. factRuEval puts descriptors inside
  organisations and places ("мэрии Москвы", "движение «Солидарность»", "Тверской площади"); our
  names leave the descriptor out, so a prediction matches *exactly* when it equals the whole
  mention, the mention without its descriptor, job and geo-adjective spans (its name part), or
  one of its name spans (an annotator may give a short and a long span: "МИДа", "японского МИДа"),
  quote marks at the edges of either span left out (factRuEval often ends a quoted name before
  its closing mark: 'Концерн «Майкрософт');
- out of scope (a prediction overlapping one counts neither way): ``Project`` mentions, mentions
  with no name span (descriptor only: "министерство") and geo-adjectives alone ("российский");
- a mention inside another (``Москвы`` in ``мэрии Москвы``) is optional, as the official scorer
  ignores embedded mentions: found, it counts neither way; missed, it is no miss.

Matching is one to one, exact matches first; *overlap* rows accept any shared character with the
same type. *any type* rows ignore the type. The last output line is one JSON object.

    .venv/bin/python bench/ner_public_ru.py /path/to/factRuEval-2016/devset [--errors FILE]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.gold.enriched import SpanMap, enrich  # noqa: E402
from tests.gold.ru.score import RussianGold  # noqa: E402

TYPES = {"Person": "PER", "Org": "ORG", "Location": "LOC", "LocOrg": "LOC"}
PREDICTED = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC"}
#: span tags that are not part of a name
_NOT_NAME = ("descr", "job", "geo_adj")

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class GoldMention:
    type: str
    whole: Span
    #: the spans an exact match may have: the whole mention, its name part, each of its name spans
    exact: tuple[Span, ...]
    optional: bool


@dataclass(frozen=True, slots=True)
class Document:
    id: str
    text: str
    mentions: list[GoldMention]
    out_of_scope: list[Span]


def _fields(line: str) -> list[str]:
    return line.split("#", 1)[0].split()


def read_document(txt: Path) -> Document:
    """One factRuEval document: its text, scored mentions and out-of-scope spans."""
    text = txt.read_text(encoding="utf-8")
    spans: dict[str, tuple[str, Span]] = {}
    for line in txt.with_suffix(".spans").read_text(encoding="utf-8").splitlines():
        if len(f := _fields(line)) >= 4:
            spans[f[0]] = (f[1], (int(f[2]), int(f[2]) + int(f[3])))
    found: list[tuple[str, Span, tuple[Span, ...]]] = []
    for line in txt.with_suffix(".objects").read_text(encoding="utf-8").splitlines():
        if len(f := _fields(line)) < 3:
            continue
        parts = [spans[s] for s in f[2:] if s in spans]
        whole = (min(s for _, (s, _) in parts), max(e for _, (_, e) in parts))
        named = [sp for tag, sp in parts if not any(x in tag for x in _NOT_NAME)]
        name = [(min(s for s, _ in named), max(e for _, e in named))] if named else []
        found.append((f[1], whole, tuple(dict.fromkeys([whole, *name, *named])) if named else ()))
    mentions, out = [], []
    for kind, whole, exact in found:
        if kind not in TYPES or not exact:
            out.append(whole)
            continue
        inside = any(o != whole and o[0] <= whole[0] and whole[1] <= o[1] for k, o, n in found
                     if k in TYPES and n)
        mentions.append(GoldMention(TYPES[kind], whole, exact, inside))
    return Document(txt.stem, text, mentions, out)


def load(folder: Path) -> list[Document]:
    if "test" in folder.resolve().name.lower():
        raise SystemExit("the test set is kept for independent evaluation: pass the devset folder")
    return [read_document(p) for p in sorted(folder.glob("*.txt"), key=lambda p: int(p.stem.split("_")[-1]))]


_EDGE_MARKS = "«»“”„\"' "


def _trim(span: Span, text: str) -> Span:
    """A span without the quote marks at its edges: factRuEval ends many quoted names before the
    closing mark ('Концерн «Майкрософт'), natasha's spans sometimes take it."""
    start, end = span
    while start < end and text[start] in _EDGE_MARKS:
        start += 1
    while end > start and text[end - 1] in _EDGE_MARKS:
        end -= 1
    return start, end


def _overlaps(a: Span, b: Span) -> bool:
    return min(a[1], b[1]) > max(a[0], b[0])


def _match(pred: list[tuple[Span, str]], gold: list[tuple[Span, tuple[Span, ...], str, bool]], typed: bool,
           exact: bool) -> tuple[list[int | None], set[int]]:
    """For each prediction the gold index it matches (or None); one to one, exact matches first."""
    out: list[int | None] = [None] * len(pred)
    used: set[int] = set()
    rounds = [True] if exact else [True, False]
    for want_exact in rounds:
        for pi, (span, label) in enumerate(pred):
            if out[pi] is not None:
                continue
            for gi, (whole, exact_spans, glabel, _) in enumerate(gold):
                if gi in used or (typed and glabel != label):
                    continue
                hit = span in exact_spans if want_exact else _overlaps(span, whole)
                if hit:
                    out[pi] = gi
                    used.add(gi)
                    break
    return out, used


def score_document(doc: Document, record: dict[str, Any], c: Counter[str], errors: list[str]) -> None:
    spans = SpanMap(record, doc.text)
    text = record["text"]
    gold: list[tuple[Span, tuple[Span, ...], str, bool]] = []
    for m in doc.mentions:
        mapped = [x for x in (spans.map_span(*x).span for x in m.exact) if x is not None]
        if len(mapped) < len(m.exact):
            c["lost"] += 1
            continue
        gold.append((_trim(mapped[0], text), tuple(_trim(x, text) for x in mapped), m.type, m.optional))
    ignored = [s for s in (spans.map_span(*o).span for o in doc.out_of_scope) if s is not None]
    pred = [(_trim((m["start"], m["end"]), text), PREDICTED[e["label"]]) for e in record["entities"] if e["label"] in PREDICTED
            for m in e["mentions"]]
    for mode, typed, exact in (("exact", True, True), ("overlap", True, False), ("exact_any", False, True),
                               ("overlap_any", False, False)):
        matched, used = _match(pred, gold, typed, exact)
        for (span, label), gi in zip(pred, matched, strict=True):
            if gi is not None and gold[gi][3]:
                continue  # an embedded mention found
            if gi is None and any(_overlaps(span, s) for s in ignored):
                continue
            c[f"{mode}:pred:{label}"] += 1
            c[f"{mode}:tp:{label}"] += gi is not None
            if gi is None and mode == "exact":
                near = next((f"{text[g[0][0]:g[0][1]]!r} {g[2]}" for g in gold if _overlaps(span, g[0])), "-")
                errors.append(f"{doc.id}\tFP\t{label}\t{text[span[0]:span[1]]!r}\tgold: {near}")
        for gi, (whole, _, label, optional) in enumerate(gold):
            if optional:
                continue
            c[f"{mode}:gold:{label}"] += 1
            if gi not in used and mode == "exact":
                near = next((f"{text[p[0]:p[1]]!r} {lab}" for p, lab in pred if _overlaps(p, whole)), "-")
                errors.append(f"{doc.id}\tFN\t{label}\t{text[whole[0]:whole[1]]!r}\tpredicted: {near}")


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"p": round(p, 3), "r": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
            "tp": tp, "pred": n_pred, "gold": n_gold}


def figures(c: Counter[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for mode in ("exact", "overlap", "exact_any", "overlap_any"):
        labels = ("PER", "ORG", "LOC")
        row = {lab: _prf(c[f"{mode}:tp:{lab}"], c[f"{mode}:pred:{lab}"], c[f"{mode}:gold:{lab}"]) for lab in labels}
        row["all"] = _prf(*(sum(c[f"{mode}:{k}:{lab}"] for lab in labels) for k in ("tp", "pred", "gold")))
        out[mode] = row if not mode.endswith("_any") else row["all"]
    out["gold_spans_lost"] = c["lost"]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("devset", type=Path)
    parser.add_argument("--errors", type=Path, help="write every exact-match error here, one a line")
    args = parser.parse_args()
    docs = load(args.devset)
    raws = [RussianGold(id=f"factru-{d.id}", title=f"factRuEval {d.id}", body=d.text, published_at="2016-01-01T00:00:00Z")
            for d in docs]
    c: Counter[str] = Counter()
    errors: list[str] = []
    for doc, record in zip(docs, enrich(raws), strict=True):
        score_document(doc, record, c, errors)
    result = {"documents": len(docs), **figures(c)}
    for mode in ("exact", "overlap"):
        row = "  ".join(f"{lab} {v['p']:.3f}/{v['r']:.3f}/{v['f1']:.3f}" for lab, v in result[mode].items())
        print(f"{mode:8} P/R/F1  {row}")
    for mode in ("exact_any", "overlap_any"):
        v = result[mode]
        print(f"{mode:12} P/R/F1  {v['p']:.3f}/{v['r']:.3f}/{v['f1']:.3f}")
    if args.errors:
        args.errors.write_text("\n".join(errors) + "\n", encoding="utf-8")
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()

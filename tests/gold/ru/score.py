"""Score the Russian gold set (entities with clusters and names, quotes with speakers) through the pipeline.

Usage: ``python -m tests.gold.ru.score [--verbose]`` from the repository root. Each item goes in as
a raw Russian article (dateline and all) through the production runner (``tests/gold/enriched.py``);
the enriched record is scored. Gold spans are annotated on the raw body and carried into the record's
text through its offset map; a span the clean stage cut (the dateline) is reported, not scored.
The last output line is one JSON object with the figures.

Entities: a mention is right when its span and label are the gold ones (PERSON, ORG, GPE, LOC;
GPE and LOC are also reported merged as "place"); a predicted mention on an unscored gold span
(FAC, PRODUCT) counts neither way. A gold cluster is right when all its found mentions are in one
predicted entity that holds no mention of another gold cluster; its name is right when that
entity's name is the gold canonical name (ё = е, case ignored).
Quotes: a predicted quote matches a gold one when their contents overlap by at least half of the
longer; matched one to one, best overlap first. Speaker accuracy is over matched quotes with a gold
speaker: the quote's ``speaker_entity`` must be the predicted entity of the gold speaker's cluster.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.gold.enriched import Mapped, RawGold, SpanMap, enrich

ITEMS = Path(__file__).parent / "articles.jsonl"
SCORED = frozenset({"PERSON", "ORG", "GPE", "LOC"})
_MARK = re.compile(r"\[([^\[\]]+)\]\(([A-Z_]+):([a-z0-9-]+)\)")

Span = tuple[int, int]


_MARKS = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"'})


def key(text: str) -> str:
    """Names compare with ё as е, case and the clean stage's quote-mark normalisation ignored."""
    return " ".join(text.lower().replace("ё", "е").translate(_MARKS).split())


@dataclass(frozen=True, slots=True)
class RussianGold(RawGold):
    """A gold item sent as a raw article declared Russian."""

    def message_value(self) -> bytes:
        value = json.loads(RawGold.message_value(self))
        value["language"] = "ru"
        return json.dumps(value, ensure_ascii=False).encode("utf-8")


@dataclass(frozen=True)
class Item:
    id: str
    group: str
    raw: RussianGold
    mentions: dict[Span, tuple[str, str]]  # raw span -> (label, cluster)
    names: dict[str, str]
    quotes: list[tuple[Span, str | None, str]]  # raw content span, speaker cluster, type
    designated: dict[str, bool]  # cluster of a designated organisation -> the article carries its notice
    designated_persons: dict[str, bool]  # cluster of a listed person named in full -> notice carried
    scope: frozenset[str]  # what the item is annotated for: entities, quotes, designations


def parse(line: str) -> Item:
    data = json.loads(line)
    plain, mentions, cursor, last = [], {}, 0, 0
    for m in _MARK.finditer(data["body"]):
        plain.append(data["body"][last:m.start()])
        cursor += m.start() - last
        mentions[(cursor, cursor + len(m.group(1)))] = (m.group(2), m.group(3))
        plain.append(m.group(1))
        cursor += len(m.group(1))
        last = m.end()
    plain.append(data["body"][last:])
    body = "".join(plain)
    quotes = []
    for q in data["quotes"]:
        start = body.index(q["content"])
        quotes.append(((start, start + len(q["content"])), q["speaker"], q["type"]))
    raw = RussianGold(id=data["id"], title=data["title"], body=body, published_at=data["published_at"])
    designated = {c: bool(v["notice"]) for c, v in data.get("designated", {}).items()}
    persons = {c: bool(v["notice"]) for c, v in data.get("designated_persons", {}).items()}
    scope = frozenset(data.get("scope", ("entities", "quotes", "designations")))
    return Item(data["id"], data["group"], raw, mentions, data["names"], quotes, designated, persons, scope)


def load() -> list[Item]:
    return [parse(line) for line in ITEMS.read_text(encoding="utf-8").splitlines() if line.strip()]


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"p": round(p, 3), "r": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
            "tp": tp, "pred": n_pred, "gold": n_gold}


def _overlap(a: Span, b: Span) -> float:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    return inter / max(a[1] - a[0], b[1] - b[0]) if inter > 0 else 0.0


def score_items(items: list[Item], verbose: bool = False) -> dict[str, Any]:
    records = enrich([i.raw for i in items])
    c: Counter[str] = Counter()
    lost: list[str] = []
    misses: list[str] = []
    for item, record in zip(items, records, strict=True):
        spans = SpanMap(record, item.raw.body)
        gold: dict[Span, tuple[str, str]] = {}
        unscored: list[Span] = []
        for raw_span, (label, cluster) in item.mentions.items():
            mapped: Mapped = spans.map_span(*raw_span)
            if mapped.span is None or mapped.status != "ok":
                lost.append(f"{item.id}: {mapped.raw_text!r} ({mapped.status}, {mapped.cut})")
                continue
            if label in SCORED:
                gold[mapped.span] = (label, cluster)
            else:
                unscored.append(mapped.span)
        predicted: dict[Span, tuple[str, str]] = {}
        entity_names = {}
        for entity in record["entities"]:
            entity_names[entity["id"]] = entity["name"]
            for m in entity["mentions"]:
                span = (m["start"], m["end"])
                if entity["label"] in SCORED and not any(_overlap(span, u) > 0 for u in unscored):
                    predicted[span] = (entity["label"], entity["id"])
        place = {"GPE": "place", "LOC": "place"}
        if "entities" not in item.scope:  # marks only locate the designated organisations
            predicted, entity_spans = {}, gold
            gold = {}
        else:
            entity_spans = gold
        c["m_gold"] += len(gold)
        c["m_pred"] += len(predicted)
        for span, (label, _) in predicted.items():
            g = gold.get(span)
            c["m_span_tp"] += g is not None
            c["m_tp"] += g is not None and g[0] == label
            c["m_place_tp"] += g is not None and place.get(g[0], g[0]) == place.get(label, label)
            if verbose and (g is None or g[0] != label):
                misses.append(f"{item.id}: predicted {record['text'][span[0]:span[1]]!r} {label} (gold {g})")
        if verbose:
            misses += [f"{item.id}: missed {record['text'][s[0]:s[1]]!r} {lab}" for s, (lab, _) in gold.items()
                       if s not in predicted]
        # clusters
        by_cluster: dict[str, list[str]] = {}
        for span, (_, cluster) in gold.items():
            if span in predicted:
                by_cluster.setdefault(cluster, []).append(predicted[span][1])
        cluster_of_entity: dict[str, set[str]] = {}
        for cluster, ids in by_cluster.items():
            for eid in ids:
                cluster_of_entity.setdefault(eid, set()).add(cluster)
        entity_of: dict[str, str] = {}
        for cluster, ids in by_cluster.items():
            c["clusters"] += 1
            eid = Counter(ids).most_common(1)[0][0]
            entity_of[cluster] = eid
            right = len(set(ids)) == 1 and cluster_of_entity[eid] == {cluster}
            c["clusters_right"] += right
            named = key(entity_names[eid]) == key(item.names[cluster])
            c["names_right"] += named
            if verbose and not (right and named):
                misses.append(f"{item.id}: cluster {cluster} → {sorted(set(ids))} {entity_names[eid]!r} "
                              f"(gold {item.names[cluster]!r})")
        # quotes
        gq = []
        for raw_span, speaker, qtype in item.quotes if "quotes" in item.scope else ():
            mapped = spans.map_span(*raw_span)
            if mapped.span is None:
                lost.append(f"{item.id}: quote {mapped.raw_text!r} ({mapped.status})")
                continue
            gq.append((mapped.span, speaker, qtype))
        pq = [((q["content"]["start"], q["content"]["end"]), q) for q in record["quotes"]] \
            if "quotes" in item.scope else []
        pairs = sorted(((_overlap(g[0], p[0]), gi, pi) for gi, g in enumerate(gq) for pi, p in enumerate(pq)),
                       reverse=True)
        used_g: set[int] = set()
        used_p: set[int] = set()
        for ov, gi, pi in pairs:
            if ov < 0.5 or gi in used_g or pi in used_p:
                continue
            used_g.add(gi)
            used_p.add(pi)
            gspan, speaker, qtype = gq[gi]
            c["q_tp"] += 1
            c[f"q_tp_{qtype}"] += 1
            if speaker is not None:
                c["q_speakers"] += 1
                c[f"q_speakers_{qtype}"] += 1
                got = pq[pi][1]["speaker_entity"]
                ok = got is not None and got == entity_of.get(speaker)
                c["q_speaker_right"] += ok
                c[f"q_speaker_right_{qtype}"] += ok
                if verbose and not ok:
                    misses.append(f"{item.id}: speaker of {record['text'][gspan[0]:gspan[1]][:50]!r}: "
                                  f"{pq[pi][1]['speaker_name']!r} (gold {item.names[speaker]!r})")
        # designations: designated organisations of the record against the gold clusters they overlap
        cluster_spans: dict[str, list[Span]] = {}
        for span, (_, cluster) in entity_spans.items():
            cluster_spans.setdefault(cluster, []).append(span)
        for prefix, found, gold_designated in (
                ("d", record["designations"]["organisations"], item.designated),
                ("p", record["designations"].get("persons", []), item.designated_persons)):
            misses += _score_designated(item.id, prefix, found, gold_designated, cluster_spans, c)
        c["q_gold"] += len(gq)
        c["q_pred"] += len(pq)
        for qtype in ("direct", "indirect"):
            c[f"q_gold_{qtype}"] += sum(1 for g in gq if g[2] == qtype)
            c[f"q_pred_{qtype}"] += sum(1 for _, q in pq if q["type"] == qtype)
        if verbose:
            misses += [f"{item.id}: missed quote {record['text'][g[0][0]:g[0][1]][:60]!r}"
                       for gi, g in enumerate(gq) if gi not in used_g]
            misses += [f"{item.id}: extra quote {q['content']['text'][:60]!r} ({q['rule']})"
                       for pi, (_, q) in enumerate(pq) if pi not in used_p]
    figures = {
        "articles": len(items),
        "mentions": _prf(c["m_tp"], c["m_pred"], c["m_gold"]),
        "mentions_place_merged": _prf(c["m_place_tp"], c["m_pred"], c["m_gold"]),
        "mention_spans": _prf(c["m_span_tp"], c["m_pred"], c["m_gold"]),
        "cluster_accuracy": round(c["clusters_right"] / c["clusters"], 3) if c["clusters"] else 0.0,
        "name_accuracy": round(c["names_right"] / c["clusters"], 3) if c["clusters"] else 0.0,
        "quotes": {
            "all": {**_prf(c["q_tp"], c["q_pred"], c["q_gold"]),
                    "speaker_accuracy": round(c["q_speaker_right"] / c["q_speakers"], 3) if c["q_speakers"] else 0.0},
            **{t: {**_prf(c[f"q_tp_{t}"], c[f"q_pred_{t}"], c[f"q_gold_{t}"]),
                   "speaker_accuracy": round(c[f"q_speaker_right_{t}"] / c[f"q_speakers_{t}"], 3)
                   if c[f"q_speakers_{t}"] else 0.0} for t in ("direct", "indirect")},
        },
        "designations": {**_prf(c["d_tp"], c["d_pred"], c["d_gold"]),
                         "notice_accuracy": round(c["d_notice_right"] / c["d_tp"], 3) if c["d_tp"] else 0.0},
        "designated_persons": {**_prf(c["p_tp"], c["p_pred"], c["p_gold"]),
                               "notice_accuracy": round(c["p_notice_right"] / c["p_tp"], 3) if c["p_tp"] else 0.0},
        "lost": lost,
    }
    if verbose:
        figures["misses"] = misses
    return figures


def _score_designated(item_id: str, prefix: str, found: list[dict[str, Any]], gold: dict[str, bool],
                      cluster_spans: dict[str, list[Span]], c: Counter[str]) -> list[str]:
    """Count the designated organisations (prefix d) or persons (p) of a record against the gold
    clusters they overlap, and whether their notice state is right; returns the misses."""
    misses = []
    found_clusters: dict[str, bool] = {}
    for entry in found:
        if not entry["designated"]:
            continue
        c[f"{prefix}_pred"] += 1
        spans_of = [(m["start"], m["end"]) for m in entry["mentions"]]
        cluster = next((cl for cl in gold for g in cluster_spans.get(cl, []) for s in spans_of
                        if _overlap(g, s) > 0), None)
        if cluster is None:
            misses.append(f"{item_id}: designated {entry.get('org_id') or entry.get('person_id')} not in gold")
            continue
        c[f"{prefix}_tp"] += 1
        found_clusters[cluster] = not entry["notice_missing"]
    c[f"{prefix}_gold"] += len(gold)
    for cluster, notice in gold.items():
        if cluster in found_clusters:
            c[f"{prefix}_notice_right"] += found_clusters[cluster] == notice
        else:
            misses.append(f"{item_id}: designated {cluster} missed")
    return misses


def score(verbose: bool = False) -> dict[str, Any]:
    """Figures over every item, and per group (``tuned``, ``heldout``) under ``groups``."""
    items = load()
    figures = score_items(items, verbose)
    figures["groups"] = {g: score_items([i for i in items if i.group == g])
                         for g in sorted({i.group for i in items})}
    return figures


def _summary(figures: dict[str, Any]) -> str:
    q = figures["quotes"]
    return (f"entities: mention F1 {figures['mentions']['f1']:.3f} (P {figures['mentions']['p']:.3f} / "
            f"R {figures['mentions']['r']:.3f}; GPE+LOC merged {figures['mentions_place_merged']['f1']:.3f}; "
            f"spans only {figures['mention_spans']['f1']:.3f}); cluster accuracy {figures['cluster_accuracy']:.3f}; "
            f"canonical names {figures['name_accuracy']:.3f}\n"
            f"quotes: content F1 (overlap >= 0.5) all {q['all']['f1']:.3f}, direct {q['direct']['f1']:.3f}, "
            f"indirect {q['indirect']['f1']:.3f}; speaker accuracy all {q['all']['speaker_accuracy']:.3f}, "
            f"direct {q['direct']['speaker_accuracy']:.3f}, indirect {q['indirect']['speaker_accuracy']:.3f}\n"
            f"designated organisations: P {figures['designations']['p']:.3f} / R {figures['designations']['r']:.3f} "
            f"({figures['designations']['gold']} gold); notice right {figures['designations']['notice_accuracy']:.3f}\n"
            f"designated persons: P {figures['designated_persons']['p']:.3f} / "
            f"R {figures['designated_persons']['r']:.3f} ({figures['designated_persons']['gold']} gold; "
            f"{figures['designated_persons']['pred']} tagged); "
            f"notice right {figures['designated_persons']['notice_accuracy']:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    figures = score(args.verbose)
    for line in figures.pop("misses", []):
        print(line)
    for line in figures["lost"]:
        print("not scored:", line)
    for group, sub in figures["groups"].items():
        print(f"[{group}: {sub['articles']} articles]")
        print(_summary(sub))
    print(f"[all: {figures['articles']} articles]")
    print(_summary(figures))
    print(json.dumps(figures, ensure_ascii=False))


if __name__ == "__main__":
    main()

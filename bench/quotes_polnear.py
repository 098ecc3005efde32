"""Score the quotes stage on PolNeAR (political news attribution relations, BRAT standoff).

The corpus is fetched, never committed: pass the path of a PolNeAR checkout. Only the train and
dev splits are accepted; the test split is never read. Each ``.ann`` holds ``T`` lines
(``T4<TAB>Content 461 494[;500 520]<TAB>text``) and ``E`` lines tying Source/Cue/Content into one
attribution; texts annotated by several annotators use the first annotator's file.

PolNeAR annotates every attribution, including beliefs and non-speech cues ("listing", "exposed"),
so recall over *all* attributions understates a speech-quote extractor; the *direct* rows restrict
gold to contents that open with a quote mark, the *indirect* rows to the others (predictions: the
non-direct ones). PolNeAR counts a split quote, and a speaker's quote going on in the next sentence,
as one attribution: predicted quotes linked by ``continues`` are scored as one, all their spans its
content. Content match: Jaccard of word tokens >= 0.5 (``overlap50``), >= 0.3
(``overlap30``) and any overlap; speaker: over the pairs matched at 0.5, the predicted speaker
mention overlaps the gold Source span. The stage runs with its defaults: stance reports ("X criticized
the plan", "X asked whether …", which PolNeAR and the project's gold annotate) and the learned cue
detector (pipeline/quotes/learned.py) on; ``--no-learned-cues`` leaves the detector out, ``--speech-only``
both (the earlier, speech-only stage). Also reports the
stage's time against the NER stage's (the issue's <= 10 % overhead target).

The text goes to the NER and quotes stages as it is; ``--clean`` runs the clean stage first, as
production does (quote marks made canonical, headline and dateline cut), and maps every predicted
span back onto the original text through the clean stage's offset map before scoring.

    .venv/bin/python bench/quotes_polnear.py /path/to/PolNeAR [--split dev] [--limit N] [--clean] [--show-speaker-errors]

``--show-speaker-errors`` lists every pair matched at 0.5 whose speaker mention misses the gold Source:
both spans with their offsets, the cue, the rule, the content and the sentence, to sort errors by kind.
"""

from __future__ import annotations

import argparse
import json
import re
import time
from dataclasses import dataclass
from pathlib import Path

import msgspec

from pipeline.article import Article, RawArticle
from pipeline.config import Settings
from pipeline.stages.registry import build_stages
from pipeline.text.offsets import OffsetMap

_WORD = re.compile(r"\w+")
_OPEN_MARKS = "“\"'‘«"
SUBSETS = ("all", "direct", "indirect")


@dataclass(frozen=True, slots=True)
class Gold:
    content: tuple[tuple[int, int], ...]
    source: tuple[tuple[int, int], ...]
    direct: bool


def parse_ann(path: Path, text: str) -> list[Gold]:
    """Attributions of one BRAT file (those with a content span)."""
    spans: dict[str, tuple[str, tuple[tuple[int, int], ...]]] = {}
    relations: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if line.startswith("T") and len(fields) >= 2:
            label, _, offsets = fields[1].partition(" ")
            ranges = tuple(tuple(int(x) for x in part.split()) for part in offsets.split(";"))
            spans[fields[0]] = (label, ranges)  # type: ignore[assignment]
        elif line.startswith("E") and len(fields) >= 2:
            relations.append(dict(arg.split(":", 1) for arg in fields[1].split()))
    out = []
    for rel in relations:
        if "Content" not in rel or rel["Content"] not in spans:
            continue
        content = spans[rel["Content"]][1]
        source = spans[rel["Source"]][1] if rel.get("Source") in spans else ()
        out.append(Gold(content, source, text[content[0][0]:content[0][0] + 1] in _OPEN_MARKS))
    return out


def _words(text: str, ranges: tuple[tuple[int, int], ...]) -> set[int]:
    return {m.start() for s, e in ranges for m in _WORD.finditer(text, s, e)}


def _overlaps(a: tuple[tuple[int, int], ...], b: tuple[tuple[int, int], ...]) -> bool:
    return any(min(ae, be) > max(as_, bs) for as_, ae in a for bs, be in b)


def attributions(quotes: list[dict]) -> list[dict]:
    """The record's quotes as PolNeAR's units: a quote with the quotes that continue it (``continues``:
    a split quote, the same speaker's next sentence) is one attribution whose content is all their spans;
    its type and speaker are the first quote's."""
    chains: dict[str, dict] = {}
    root: dict[str, str] = {}
    for q in quotes:
        first = root.get(q.get("continues") or "", q["id"])
        root[q["id"]] = first
        span = (q["content"]["start"], q["content"]["end"])
        if first in chains:
            chains[first]["ranges"] += (span,)
        else:
            chains[first] = {"type": q["type"], "ranges": (span,), "speaker_mention": q["speaker_mention"],
                             "rule": q.get("rule"), "cue": q.get("cue")}
    return list(chains.values())


def score_article(text: str, gold: list[Gold], quotes: list[dict], counts: dict[str, dict[str, int]],
                  parts: bool = False, speaker_errors: list[str] | None = None) -> None:
    """Greedy one-to-one matching at each threshold, accumulated into ``counts``; with ``speaker_errors``,
    a line for each pair matched at 0.5 (all attributions) whose speaker mention misses the gold Source."""
    quotes = attributions([{**q, "continues": None} for q in quotes] if parts else quotes)
    pred = [q["ranges"] for q in quotes]
    mentions = [((q["speaker_mention"]["start"], q["speaker_mention"]["end"]),) if q["speaker_mention"] else ()
                for q in quotes]
    for subset in SUBSETS:
        g_items = [g for g in gold if subset == "all" or g.direct == (subset == "direct")]
        p_idx = [k for k, q in enumerate(quotes) if subset == "all" or (q["type"] == "direct") == (subset == "direct")]
        c = counts.setdefault(subset, {"gold": 0, "pred": 0, "tp50": 0, "tp30": 0, "tp_any": 0, "spk_ok": 0})
        c["gold"] += len(g_items)
        c["pred"] += len(p_idx)
        gw = [_words(text, g.content) for g in g_items]
        pw = {k: _words(text, pred[k]) for k in p_idx}
        pairs = sorted(((len(gw[i] & pw[k]) / len(gw[i] | pw[k]) if gw[i] | pw[k] else 0.0, i, k)
                        for i in range(len(g_items)) for k in p_idx), reverse=True)
        for key, threshold in (("tp50", 0.5), ("tp30", 0.3), ("tp_any", 1e-9)):
            used_g: set[int] = set()
            used_p: set[int] = set()
            for jac, i, k in pairs:
                if jac < threshold or i in used_g or k in used_p:
                    continue
                used_g.add(i)
                used_p.add(k)
                c[key] += 1
                if key == "tp50" and g_items[i].source and _overlaps(g_items[i].source, mentions[k]):
                    c["spk_ok"] += 1
                elif key == "tp50" and subset == "all" and speaker_errors is not None:
                    speaker_errors.append(_speaker_error(text, g_items[i], quotes[k]))


def _speaker_error(text: str, gold: Gold, quote: dict) -> str:
    """One mismatch for ``--show-speaker-errors``: gold Source, predicted mention, rule, cue and the
    sentence around the cue (or the content)."""
    source = " … ".join(text[s:e] for s, e in gold.source) or "(no Source)"
    mention = quote["speaker_mention"]["text"] if quote["speaker_mention"] else "(no mention)"
    anchor = quote["cue"]["start"] if quote["cue"] else quote["ranges"][0][0]
    start = max(text.rfind("\n", 0, anchor), text.rfind(". ", 0, anchor - 1), anchor - 200) + 1
    end = min([i for i in (text.find("\n", anchor), anchor + 200) if i >= 0])
    context = " ".join(text[start:end].split())
    where = f"@{gold.source[0][0]}" if gold.source else ""
    at = f"@{quote['speaker_mention']['start']}" if quote["speaker_mention"] else ""
    cue = quote["cue"]["text"] if quote["cue"] else "-"
    content = " ".join(text[quote["ranges"][0][0]:quote["ranges"][0][1]].split())[:70]
    return (f"gold={source!r}{where} pred={mention!r}{at} cue={cue!r} rule={quote['rule']}\n"
            f"    content: {content}\n    {context}")


def on_body(quotes: list[dict], offset_map: OffsetMap) -> list[dict]:
    """The record's quotes with every span (content, speaker mention, cue) on the original body."""
    out = []
    for q in quotes:
        q = dict(q)
        for key in ("content", "speaker_mention", "cue"):
            if q.get(key):
                start, end = offset_map.to_original(q[key]["start"], q[key]["end"])
                q[key] = {**q[key], "start": start, "end": end}
        out.append(q)
    return out


def _prf(tp: int, pred: int, gold: int) -> dict[str, float]:
    p, r = (tp / pred if pred else 0.0), (tp / gold if gold else 0.0)
    return {"p": round(p, 3), "r": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("polnear", type=Path, help="path of a PolNeAR checkout (the folder holding data/)")
    parser.add_argument("--split", choices=("train", "dev"), default="dev")
    parser.add_argument("--limit", type=int, default=0, help="score only the first N articles")
    parser.add_argument("--parts", action="store_true",
                        help="score each quote on its own, ignoring continues links (the figures before them)")
    parser.add_argument("--speech-only", action="store_true",
                        help="leave the stance reports and the learned cue detector out (speech reports only)")
    parser.add_argument("--no-learned-cues", action="store_true",
                        help="leave the learned cue detector out (pipeline/quotes/learned.py)")
    parser.add_argument("--clean", action="store_true",
                        help="run the clean stage first (as production does); spans are mapped back to the text")
    parser.add_argument("--show-speaker-errors", action="store_true",
                        help="list the matched pairs whose speaker mention misses the gold Source, with context")
    args = parser.parse_args()
    split = args.polnear / "data" / args.split
    options: dict[str, bool] = {}
    if args.speech_only:
        options = {"quote_stances": False, "quote_learned_cues": False}
    elif args.no_learned_cues:
        options = {"quote_learned_cues": False}
    stages = build_stages(Settings(metrics_port=0, stages=["clean"] * args.clean + ["ner", "quotes"], **options))
    for stage in stages:
        stage.setup()
    counts: dict[str, dict[str, int]] = {}
    timing = {stage.name: 0.0 for stage in stages}
    texts = sorted((split / "text").glob("*.txt"))[: args.limit or None]
    speaker_errors: list[str] | None = [] if args.show_speaker_errors else None
    for text_path in texts:
        ann = sorted((split / "attributions").glob(f"{text_path.stem}_*.ann"))
        if not ann:
            continue
        text = text_path.read_text(encoding="utf-8")
        article = Article(raw=RawArticle(id=text_path.stem, source="polnear", title="", body=text,
                                         published_at="2016-01-01", content_type="text/plain"),
                          text="" if args.clean else text)
        for stage in stages:
            t0 = time.perf_counter()
            stage.process([article])
            timing[stage.name] += time.perf_counter() - t0
        predicted = msgspec.to_builtins(article.quotes)
        if article.offset_map is not None:  # the clean stage ran
            predicted = on_body(predicted, article.offset_map)
        errors_before = len(speaker_errors or [])
        score_article(text, parse_ann(ann[0], text), predicted, counts, args.parts, speaker_errors)
        for line in (speaker_errors or [])[errors_before:]:
            print(f"{text_path.stem}: {line}")
    figures = {
        subset: {"gold": c["gold"], "pred": c["pred"], "overlap50": _prf(c["tp50"], c["pred"], c["gold"]),
                 "overlap30": _prf(c["tp30"], c["pred"], c["gold"]), "matched30": c["tp30"], "matched50": c["tp50"], "any": _prf(c["tp_any"], c["pred"], c["gold"]),
                 "speaker_accuracy": round(c["spk_ok"] / c["tp50"], 3) if c["tp50"] else 0.0}
        for subset, c in counts.items()
    }
    figures["articles"] = len(texts)
    figures["quotes_time_vs_ner"] = round(timing["quotes"] / timing["ner"], 3) if timing["ner"] else None
    for subset in SUBSETS:
        f = figures[subset]
        print(f"{subset:8} gold={f['gold']:5} pred={f['pred']:5}  overlap50 P/R/F1="
              f"{f['overlap50']['p']:.3f}/{f['overlap50']['r']:.3f}/{f['overlap50']['f1']:.3f}  overlap30 P/R/F1="
              f"{f['overlap30']['p']:.3f}/{f['overlap30']['r']:.3f}/{f['overlap30']['f1']:.3f}  any P/R/F1="
              f"{f['any']['p']:.3f}/{f['any']['r']:.3f}/{f['any']['f1']:.3f}  speaker={f['speaker_accuracy']:.3f}")
    print(f"quotes stage time / NER stage time: {figures['quotes_time_vs_ner']}")
    print(json.dumps(figures, sort_keys=True))


if __name__ == "__main__":
    main()

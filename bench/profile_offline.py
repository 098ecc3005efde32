"""Where the offline hot path spends its time, model and non-model, under cProfile.

Runs the real :class:`~pipeline.enrich.Enricher` (every stage, no Kafka) over
benchmark articles in worker-sized batches, serialises every outcome as the
agent would, and splits the wall time by entry point: decode/validate, each
stage (the NER stage split into the spaCy model and the rules around it), record
building and JSON serialisation. Then the top functions by own time outside the model.

    python bench/profile_offline.py --articles 200 [--dump out.prof]
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import time
from collections.abc import Callable
from pathlib import Path

import orjson
from corpus import generate

import pipeline
from pipeline.article import Origin
from pipeline.config import Settings
from pipeline.enrich import Enricher, Message, build_enricher
from pipeline.nlp import load_nlp

#: (label, file path suffix, function name): entry points whose cumulative time is reported
ENTRY_POINTS = [
    ("decode + validate", "pipeline/records.py", "decode_raw_article"),
    ("clean stage", "pipeline/stages/clean.py", "process"),
    ("ner backend, English (all)", "pipeline/entities/english.py", "process"),
    ("  ner: spaCy model (Language.pipe)", "spacy/language.py", "pipe"),
    ("  ner: wire_gazetteer component", "pipeline/entities/matcher.py", "__call__"),
    ("  ner: resolve()", "pipeline/entities/resolve.py", "resolve"),
    ("quotes backend, English", "pipeline/quotes/english.py", "process"),
    ("designations backend, English", "pipeline/designations/english.py", "process"),
    ("enriched_record()", "pipeline/records.py", "enriched_record"),
    ("serialise (Outcome.value)", "pipeline/enrich.py", "value"),
]
#: our package's code is listed by cumulative time (the runner and stage wrappers are left out)
OWN_CODE = str(Path(pipeline.__file__).parent) + "/"
WRAPPERS = ("pipeline/enrich.py", "pipeline/stages/")


def _run(enricher: Enricher, messages: list[Message], batch_size: int) -> int:
    """Enrich in batches and serialise each outcome, as the agent does; returns bytes produced."""
    produced = 0
    for start in range(0, len(messages), batch_size):
        produced += sum(len(outcome.value) for outcome in enricher.enrich(messages[start:start + batch_size]))
    return produced


def _cumulative(stats: pstats.Stats, path: str, func: str) -> float:
    """Cumulative seconds of every function named ``func`` in a file ending with ``path``."""
    raw: dict = stats.stats  # type: ignore[attr-defined]
    return sum(ct for (file, _, name), (_, _, _, ct, _) in raw.items()
               if name == func and file.replace("\\", "/").endswith(path))


def _own_code(file: str) -> bool:
    return OWN_CODE in file and not any(w in file for w in WRAPPERS)


def _heaviest(stats: pstats.Stats, cumulative: bool, keep: Callable[[str], bool] | None,
              limit: int) -> list[tuple[float, int, str]]:
    """(seconds, calls, where) of the heaviest functions by cumulative or own time."""
    raw: dict = stats.stats  # type: ignore[attr-defined]
    rows = [(ct if cumulative else tt, nc, f"{Path(file).parent.name}/{Path(file).name}:{line} {name}")
            for (file, line, name), (_, nc, tt, ct, _) in raw.items() if keep is None or keep(file)]
    return sorted(rows, reverse=True)[:limit]


def component_times(enricher: Enricher, texts: list[str], batch_size: int) -> dict[str, float]:
    """Seconds per spaCy component over ``texts``, unprofiled: the model against the gazetteer."""
    nlp = load_nlp(enricher.settings.spacy_model)  # the process's one model, the English backend's
    docs = [nlp.make_doc(text) for text in texts]
    times = {}
    for name, component in nlp.pipeline:
        started = time.perf_counter()
        if hasattr(component, "pipe"):
            docs = list(component.pipe(docs, batch_size=batch_size))
        else:  # plain callables such as the wire_gazetteer
            docs = [component(doc) for doc in docs]
        times[name] = time.perf_counter() - started
    return times


def profile(count: int, batch_size: int, dump: Path | None) -> None:
    """Profile ``count`` articles and print the breakdown."""
    settings = Settings(metrics_port=0, batch_size=batch_size)
    enricher = build_enricher(settings)
    articles = list(generate(count))
    messages = [Message(orjson.dumps(a.raw), None, Origin("bench", 0, i)) for i, a in enumerate(articles)]
    _run(enricher, messages[:batch_size], batch_size)  # warm-up: lazy loads, first-call caches
    print(f"unprofiled, per spaCy component over {count} articles (ms/article):")
    for name, seconds in component_times(enricher, [a.text for a in articles], batch_size).items():
        print(f"  {name:<16} {seconds / count * 1000:7.1f}")
    profiler = cProfile.Profile()
    profiler.enable()
    _run(enricher, messages, batch_size)
    profiler.disable()
    if dump:
        profiler.dump_stats(dump)
    stats = pstats.Stats(profiler)
    total: float = stats.total_tt  # type: ignore[attr-defined]
    print(f"profiled {count} articles, batch size {batch_size}: {total:.1f} s under cProfile "
          f"({total / count * 1000:.0f} ms/article; profiling overhead included)")
    print(f"{'entry point':<38} {'ms/article':>10} {'share':>7}")
    for label, path, func in ENTRY_POINTS:
        seconds = _cumulative(stats, path, func)
        print(f"{label:<38} {seconds / count * 1000:>10.1f} {seconds / total:>7.1%}")
    for title, cumulative, keep in (("heaviest pipeline functions, cumulative (callees included)", True, _own_code),
                                    ("heaviest functions by own time (spaCy internals included)", False, None)):
        print(f"\n{title}:")
        for seconds, calls, where in _heaviest(stats, cumulative, keep, 15):
            print(f"  {seconds / count * 1000:8.2f} ms/article {calls / count:10.1f} calls/article  {where}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--batch-size", type=int, default=Settings().batch_size)
    parser.add_argument("--dump", type=Path, help="also write the raw profile (for snakeviz, pstats)")
    args = parser.parse_args()
    profile(args.articles, args.batch_size, args.dump)


if __name__ == "__main__":
    main()

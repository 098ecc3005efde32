"""Encode and decode one enriched record: msgspec Structs, pydantic v2 models, dataclasses + orjson.

The typed sections (``pipeline/sections``) were to be written with whichever
library encodes and decodes a 700-word record fastest, within 1 ms for both.
This measures the three candidates on the SAME shape: the pydantic models and
the dataclasses are generated from the msgspec classes'
``msgspec.inspect.type_info`` (nothing copied by hand), so all three accept and
produce the same JSON, which is checked for every record before timing.

- msgspec: the real ``decode_record`` and ``encode``.
- pydantic: ``Model.model_validate_json(bytes)`` and
  ``model.model_dump_json(exclude_unset=True)``; a field msgspec leaves ``UNSET``
  is ``Optional`` with default ``None`` there, and ``exclude_unset`` leaves it out again.
- dataclasses + orjson: ``orjson.loads`` and a recursive constructor driven by
  the same type info (no validation: that is the point of the option), then
  ``orjson.dumps``. orjson writes every dataclass field, but the schema forbids
  ``null`` for an unset ``status``, ``reason``, ... So the classes are plain
  (no slots), and with ``OPT_PASSTHROUGH_DATACLASS`` a ``default`` hands orjson
  ``obj.__dict__``, filtered for the six classes with omittable fields (``UNSET``,
  or an empty list of an ``omit_defaults`` Struct). Plain ``orjson.dumps(obj)``
  (every field, ``UNSET`` written as ``null``) is timed too, as "native".

Records come from the real pipeline: ~20 corpus articles of 600-800 words
through ``build_enricher(...).enrich``, ``outcome.value`` being the bytes. Each
operation is timed per call with ``perf_counter_ns`` (GC on, as in a worker):
median and p99 in microseconds, and the p99 of the thread's CPU time
(``thread_time_ns``, about 1 µs more per call), which leaves out the time
other programs held the core: on a shared machine that is most of the wall p99.
Takes about 15 s, half of it enriching the records.

    .venv/bin/python bench/record_codec.py [--records 20] [--repeat 100]
"""

from __future__ import annotations

import argparse
import dataclasses
import gc
import os
import statistics
import time
import warnings
from collections.abc import Callable
from typing import Any, Literal, Optional, Union

import msgspec
import msgspec.inspect as mi
import orjson
import pydantic
from corpus import generate  # bench/ is a folder of scripts, not a package

from pipeline.article import Origin
from pipeline.config import Settings
from pipeline.enrich import Message, build_enricher
from pipeline.sections.record import EnrichedRecord, decode_record, encode

SCALARS = {mi.IntType: int, mi.FloatType: float, mi.StrType: str, mi.BoolType: bool, mi.NoneType: type(None)}


def _omittable(cls: Any) -> dict[str, Any]:
    """Fields msgspec leaves out of the JSON, with the value that means "leave out"."""
    omit_defaults = cls.__struct_config__.omit_defaults
    out: dict[str, Any] = {}
    info: Any = mi.type_info(cls)
    for field in info.fields:
        if field.name != field.encode_name:
            raise NotImplementedError("renamed fields")
        if not field.required and field.default is mi.NODEFAULT and field.default_factory is mi.NODEFAULT:
            out[field.name] = msgspec.UNSET
        elif omit_defaults and not field.required:
            out[field.name] = field.default_factory() if field.default is mi.NODEFAULT else field.default
    return out


class Generated:
    """Pydantic models and dataclasses built from the msgspec classes, one per Struct."""

    def __init__(self, root: type) -> None:
        self.models: dict[type, type[pydantic.BaseModel]] = {}
        self.dataclasses: dict[type, type] = {}
        self.builders: dict[type, Callable[[Any], Any]] = {}
        self.omit: dict[type, dict[str, Any]] = {}  # dataclass -> omittable fields
        with warnings.catch_warnings():  # the field "schema" shadows BaseModel.schema(); harmless here
            warnings.simplefilter("ignore", UserWarning)
            self.root_model: type[pydantic.BaseModel] = self.annotation(mi.type_info(root), pydantic=True)
        self.build_root: Callable[[Any], Any] = self.builder(mi.type_info(root))  # type: ignore[assignment]

    def annotation(self, t: mi.Type, pydantic: bool) -> Any:
        """The Python type for ``t``, with Structs as generated models or dataclasses."""
        if type(t) in SCALARS:
            return SCALARS[type(t)]
        # (types built at run time, which mypy cannot follow)
        if isinstance(t, mi.LiteralType):
            return Literal[t.values]  # type: ignore[valid-type]
        if isinstance(t, mi.UnionType):
            return Union[tuple(self.annotation(u, pydantic) for u in t.types)]
        if isinstance(t, mi.ListType):
            return list[self.annotation(t.item_type, pydantic)]  # type: ignore[misc]
        if isinstance(t, mi.TupleType):
            return tuple[tuple(self.annotation(u, pydantic) for u in t.item_types)]  # type: ignore[misc]
        if isinstance(t, mi.DictType):
            return dict[self.annotation(t.key_type, pydantic),  # type: ignore[misc]
                        self.annotation(t.value_type, pydantic)]
        if isinstance(t, mi.StructType):
            return self.model(t) if pydantic else self.dataclass(t)
        raise NotImplementedError(t)

    def model(self, t: mi.StructType) -> type[pydantic.BaseModel]:
        if t.cls not in self.models:
            fields: dict[str, Any] = {}
            for f in t.fields:
                annotation = self.annotation(f.type, pydantic=True)
                if f.required:
                    fields[f.name] = (annotation, ...)
                elif f.default is not mi.NODEFAULT:
                    fields[f.name] = (annotation, f.default)
                elif f.default_factory is not mi.NODEFAULT:
                    fields[f.name] = (annotation, pydantic.Field(default_factory=f.default_factory))
                else:  # UNSET: optional, left out by exclude_unset
                    fields[f.name] = (Optional[annotation], None)
            self.models[t.cls] = pydantic.create_model(t.cls.__name__, **fields)
        return self.models[t.cls]

    def dataclass(self, t: mi.StructType) -> type:
        if t.cls not in self.dataclasses:
            fields: list[Any] = []
            for f in t.fields:
                annotation = self.annotation(f.type, pydantic=False)
                if f.required:
                    fields.append((f.name, annotation))
                elif f.default is not mi.NODEFAULT:
                    fields.append((f.name, annotation, dataclasses.field(default=f.default)))
                elif f.default_factory is not mi.NODEFAULT:
                    fields.append((f.name, annotation, dataclasses.field(default_factory=f.default_factory)))
                else:
                    fields.append((f.name, annotation, dataclasses.field(default=msgspec.UNSET)))
            cls = dataclasses.make_dataclass(t.cls.__name__, fields, kw_only=True)
            self.dataclasses[t.cls] = cls
            self.omit[cls] = _omittable(t.cls)
        return self.dataclasses[t.cls]

    def builder(self, t: mi.Type) -> Callable[[Any], Any] | None:
        """Parsed JSON -> dataclasses for ``t``; ``None`` where the parsed value is kept as is."""
        if isinstance(t, mi.UnionType):
            inner = [b for b in (self.builder(u) for u in t.types) if b]
            if not inner:
                return None
            if len(inner) > 1 or not any(isinstance(u, mi.NoneType) for u in t.types):
                raise NotImplementedError(t)
            one = inner[0]
            return lambda v: None if v is None else one(v)
        if isinstance(t, mi.ListType):
            item = self.builder(t.item_type)
            return (lambda v: [item(x) for x in v]) if item else None
        if isinstance(t, mi.TupleType):
            if any(self.builder(u) for u in t.item_types):
                raise NotImplementedError(t)
            return tuple
        if isinstance(t, mi.DictType):
            value = self.builder(t.value_type)
            return (lambda v: {k: value(x) for k, x in v.items()}) if value else None
        if isinstance(t, mi.StructType):
            if t.cls not in self.builders:
                cls = self.dataclass(t)
                convert = [(f.name, b) for f in t.fields if (b := self.builder(f.type))]

                def build(v: dict[str, Any], cls: type = cls, convert: list[Any] = convert) -> Any:
                    for name, b in convert:
                        if name in v:
                            v[name] = b(v[name])
                    return cls(**v)
                self.builders[t.cls] = build
            return self.builders[t.cls]
        return None

    def to_json(self, obj: Any) -> dict[str, Any]:
        """orjson ``default`` for dataclasses: their fields, without the ones msgspec would omit."""
        omit = self.omit[type(obj)]
        if not omit:
            return obj.__dict__
        return {k: v for k, v in obj.__dict__.items() if k not in omit or v != omit[k]}


def candidates(gen: Generated) -> dict[str, tuple[Callable[[bytes], Any], Callable[[Any], bytes]]]:
    """name -> (decode, encode)."""
    model, build, to_json = gen.root_model, gen.build_root, gen.to_json
    passthrough = orjson.OPT_PASSTHROUGH_DATACLASS
    return {
        "msgspec": (decode_record, encode),
        "pydantic": (model.model_validate_json, lambda m: m.model_dump_json(exclude_unset=True).encode()),
        "dataclasses_orjson": (lambda b: build(orjson.loads(b)),
                               lambda d: orjson.dumps(d, default=to_json, option=passthrough)),
    }


def native(obj: Any) -> bytes:
    """Dataclasses as orjson writes them: every field, ``UNSET`` as ``null``."""
    return orjson.dumps(obj, default=lambda unset: None)


def enriched_records(count: int) -> list[bytes]:
    """``count`` real records of 600-800-word corpus articles, as the pipeline serialises them."""
    articles = [a for a in generate(count * 4) if 600 <= a.words <= 800][:count]
    messages = [Message(orjson.dumps(a.raw), None, Origin("bench", 0, i)) for i, a in enumerate(articles)]
    outcomes = build_enricher(Settings(metrics_port=0)).enrich(messages)
    assert not any(o.dead for o in outcomes), [o.record for o in outcomes if o.dead]
    return [o.value for o in outcomes]


def timed(fn: Callable[[Any], Any], arg: Any, repeat: int) -> list[tuple[int, int]]:
    """(wall ns, thread CPU ns) of ``repeat`` calls ``fn(arg)``."""
    out = []
    for _ in range(repeat):
        c0 = time.thread_time_ns()
        t0 = time.perf_counter_ns()
        fn(arg)
        t1 = time.perf_counter_ns()
        out.append((t1 - t0, time.thread_time_ns() - c0))
    return out


def summary(samples: list[tuple[int, int]]) -> dict[str, float]:
    """Median and p99 wall time, and p99 CPU time (no preemption), in µs."""
    wall, cpu = sorted(w for w, _ in samples), sorted(c for _, c in samples)
    p99 = int(len(samples) * 0.99)
    return {"median_us": round(statistics.median(wall) / 1000, 1), "p99_us": round(wall[p99] / 1000, 1),
            "p99_cpu_us": round(cpu[p99] / 1000, 1)}


OPS = ("decode", "encode", "decode+encode")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=100, help="timed calls per record and operation")
    args = parser.parse_args()
    records = enriched_records(args.records)
    words = [len(decode_record(r).text.split()) for r in records]
    codecs = candidates(Generated(EnrichedRecord))
    build = codecs["dataclasses_orjson"][0]
    for data in records:  # same JSON out as in, for every candidate
        for name, (dec, enc) in codecs.items():
            assert orjson.loads(enc(dec(data))) == orjson.loads(data), name
    native_same = all(orjson.loads(native(build(r))) == orjson.loads(r) for r in records)

    print(f"{len(records)} records, {min(words)}-{max(words)} words, "
          f"{min(map(len, records))}-{max(map(len, records))} bytes; {args.repeat} calls per record "
          f"and operation; {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}")
    gc.collect()
    samples: dict[str, dict[str, list[tuple[int, int]]]] = {n: {op: [] for op in OPS} for n in codecs}
    samples["dataclasses_orjson"]["encode native"] = []
    for data in records:
        for name, (dec, enc) in codecs.items():
            obj = dec(data)
            samples[name]["decode"] += timed(dec, data, args.repeat)
            samples[name]["encode"] += timed(enc, obj, args.repeat)
            samples[name]["decode+encode"] += timed(lambda b: enc(dec(b)), data, args.repeat)
            if name == "dataclasses_orjson":
                samples[name]["encode native"] += timed(native, obj, args.repeat)
    result = {name: {op: summary(s) for op, s in ops.items()} for name, ops in samples.items()}

    print(f"{'µs per record':<20}" + "".join(f"{op:>24}" for op in OPS) + "   (median / p99 / p99 CPU)")
    def cell(figures: dict[str, float]) -> str:
        return " /".join(f"{v:7.1f}" for v in figures.values())
    for name, ops in result.items():
        print(f"{name:<20}" + "".join(f"{cell(ops[op]):>24}" for op in OPS))
    plain = " / ".join(f"{v:.1f}" for v in result["dataclasses_orjson"]["encode native"].values())
    print(f"(dataclasses, plain orjson.dumps without omitting unset fields: {plain} µs, "
          f"{'' if native_same else 'not '}the same JSON)")
    print(f"load average {os.getloadavg()[0]:.2f} at end")
    print(orjson.dumps({**result, "record_bytes": int(statistics.median(map(len, records))),
                        "words": int(statistics.median(words))}).decode())


if __name__ == "__main__":
    main()

"""Full JSON Schema 2020-12 validation of produced records, with $ref across schema files."""

from __future__ import annotations

from functools import cache
from typing import Any

import jsonschema
import msgspec
import orjson
from referencing import Registry, Resource

from pipeline.schemas import schema_dir


@cache
def _registry() -> Registry:
    resources = []
    for path in schema_dir().rglob("*.schema.json"):
        schema = orjson.loads(path.read_bytes())
        resources.append((schema["$id"], Resource.from_contents(schema)))
    return Registry().with_resources(resources)


@cache
def validator(name: str) -> jsonschema.Draft202012Validator:
    """A strict validator (formats checked) for ``schemas/<name>.schema.json``."""
    schema = _registry().contents(f"https://wirestream.dev/schemas/{name}.schema.json")
    return jsonschema.Draft202012Validator(
        schema, registry=_registry(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def assert_valid(name: str, record: Any) -> None:
    """Fail with every violation listed, not just the first; typed records are checked as they encode."""
    if isinstance(record, msgspec.Struct) or (isinstance(record, list) and record
                                              and isinstance(record[0], msgspec.Struct)):
        record = msgspec.to_builtins(record)
    errors = sorted(validator(name).iter_errors(record), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:20])

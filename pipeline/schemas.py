"""Access to the JSON Schemas in ``schemas/`` (the record format's single source of truth)."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import fastjsonschema
import orjson

RAW_ARTICLE = "raw-article"
ENRICHED_RECORD = "enriched-record"
DEAD_LETTER = "dead-letter"


def schema_dir() -> Path:
    """The folder of schema files: bundled in the wheel, or the source tree's ``schemas/``."""
    bundled = Path(__file__).parent / "schemas"
    return bundled if bundled.is_dir() else Path(__file__).parent.parent / "schemas"


@cache
def load_schema(name: str) -> dict[str, Any]:
    """Parse ``schemas/<name>.schema.json`` (``name`` may include ``sections/``)."""
    schema: dict[str, Any] = orjson.loads((schema_dir() / f"{name}.schema.json").read_bytes())
    return schema


@cache
def compiled_validator(name: str) -> Callable[[Any], Any]:
    """A compiled validator for a self-contained schema (the hot-path check at the door)."""
    return fastjsonschema.compile(load_schema(name))

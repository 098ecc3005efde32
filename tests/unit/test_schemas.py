"""The schemas are valid 2020-12 schemas and their examples validate against them."""

from __future__ import annotations

from pathlib import Path

import jsonschema
import orjson
import pytest

from pipeline.records import decode_raw_article
from pipeline.schemas import schema_dir
from tests.schema_check import assert_valid

SCHEMAS = sorted(schema_dir().rglob("*.schema.json"))
EXAMPLES = sorted((schema_dir() / "examples").glob("*.json"))


@pytest.mark.parametrize("path", SCHEMAS, ids=lambda p: p.name)
def test_schema_is_a_valid_2020_12_schema(path: Path) -> None:
    schema = orjson.loads(path.read_bytes())
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


def test_every_top_level_schema_has_an_example() -> None:
    top_level = {p.name.removesuffix(".schema.json") for p in schema_dir().glob("*.schema.json")}
    assert top_level == {p.stem for p in EXAMPLES}


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_example_validates(path: Path) -> None:
    assert_valid(path.stem, orjson.loads(path.read_bytes()))


def test_raw_example_passes_the_compiled_validator_at_the_door() -> None:
    decode_raw_article((schema_dir() / "examples" / "raw-article.json").read_bytes(), max_bytes=1_000_000)

"""The typed sections and the JSON Schemas describe the same records, in both directions.

The schemas are the public contract and the classes are what the code uses, so
each class is walked beside its schema: every schema property is a field and
every field a property, required in one exactly when required in the other,
nullable in one exactly when nullable in the other, with the same enum values
and the same nested shapes. Then real records go through both: the examples
decode into the classes and encode back to the same JSON.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import msgspec
import msgspec.inspect as mi
import orjson
import pytest

from pipeline.schemas import schema_dir
from pipeline.sections.record import DeadLetter, EnrichedRecord, decode_dead_letter, decode_record, encode
from tests.schema_check import _registry

BASE = "https://wirestream.dev/schemas/"


def _resolve(schema: dict[str, Any], base: str) -> tuple[dict[str, Any], str]:
    """Follow ``$ref`` (another file, or ``#/$defs/...`` in this one) to the schema it names."""
    while "$ref" in schema:
        uri, _, pointer = urljoin(base, schema["$ref"]).partition("#")
        schema = _registry().contents(uri)
        for part in [p for p in pointer.split("/") if p]:
            schema = schema[part]
        base = uri
    return schema, base


def _alternatives(schema: dict[str, Any], base: str) -> tuple[list[tuple[dict[str, Any], str]], bool]:
    """The non-null alternatives of a schema and whether null is allowed."""
    schema, base = _resolve(schema, base)
    if "oneOf" in schema:
        options = [_resolve(option, base) for option in schema["oneOf"]]
        nullable = any(option.get("type") == "null" for option, _ in options)
        return [(o, b) for o, b in options if o.get("type") != "null"], nullable
    kinds = schema.get("type")
    enum = schema.get("enum")
    nullable = (isinstance(kinds, list) and "null" in kinds) or (enum is not None and None in enum)
    return [(schema, base)], nullable


def _split(kind: mi.Type) -> tuple[list[mi.Type], bool]:
    """The non-null members of a (union) type and whether None is one."""
    members = list(kind.types) if isinstance(kind, mi.UnionType) else [kind]
    nullable = any(isinstance(m, mi.NoneType) for m in members)
    return [m for m in members if not isinstance(m, mi.NoneType)], nullable


def _agree(kind: mi.Type, schema: dict[str, Any], base: str, path: str) -> None:
    members, nullable = _split(kind)
    options, schema_nullable = _alternatives(schema, base)
    assert nullable == schema_nullable, f"{path}: nullable in class {nullable}, in schema {schema_nullable}"
    assert len(members) == len(options) == 1, f"{path}: {len(members)} class types vs {len(options)} schema types"
    member, (option, option_base) = members[0], options[0]
    if isinstance(member, mi.StructType):
        _agree_struct(member, option, option_base, path)
    elif isinstance(member, mi.LiteralType):
        expected = option.get("enum", [option["const"]] if "const" in option else None)
        assert expected is not None, f"{path}: a Literal in the class, no enum/const in the schema"
        assert set(member.values) == {v for v in expected if v is not None}, f"{path}: enum values differ"
    elif isinstance(member, mi.ListType):
        assert option.get("type") == "array", f"{path}: list in class, {option.get('type')} in schema"
        _agree(member.item_type, option["items"], option_base, path + "[]")
    elif isinstance(member, mi.TupleType):
        items = option["prefixItems"]
        assert len(items) == len(member.item_types) == option["minItems"] == option["maxItems"], path
        for index, (item_type, item) in enumerate(zip(member.item_types, items, strict=True)):
            _agree(item_type, item, option_base, f"{path}[{index}]")
    elif isinstance(member, mi.DictType):
        assert option.get("type") == "object" and "properties" not in option, f"{path}: dict vs {option}"
        _agree(member.value_type, option["additionalProperties"], option_base, path + "{}")
    else:
        expected = {mi.StrType: "string", mi.IntType: "integer", mi.FloatType: "number", mi.BoolType: "boolean"}
        kinds = option.get("type")
        kinds = [k for k in (kinds if isinstance(kinds, list) else [kinds]) if k != "null"]
        assert kinds == [expected[type(member)]], f"{path}: {type(member).__name__} in class, {kinds} in schema"


def _always_written(struct: mi.StructType, field: mi.Field) -> bool:
    """A field is in every encoded record unless it may be UNSET or is omitted when equal to its default."""
    if field.required:
        return True
    unset_default = field.default is msgspec.NODEFAULT and field.default_factory is msgspec.NODEFAULT
    return not unset_default and not struct.cls.__struct_config__.omit_defaults


def _agree_struct(struct: mi.StructType, schema: dict[str, Any], base: str, path: str) -> None:
    assert schema.get("type") in ("object", ["object", "null"]), f"{path}: struct vs {schema.get('type')}"
    assert schema.get("additionalProperties") is False, f"{path}: the schema must be closed"
    properties = schema["properties"]
    fields = {field.encode_name: field for field in struct.fields}
    assert set(fields) == set(properties), (
        f"{path}: only in class {sorted(set(fields) - set(properties))}, "
        f"only in schema {sorted(set(properties) - set(fields))}")
    required = set(schema.get("required", ()))
    for name, field in fields.items():
        always_written = _always_written(struct, field)
        assert always_written == (name in required), f"{path}.{name}: required in class {always_written}, " \
                                                     f"in schema {name in required}"
        _agree(field.type, properties[name], base, f"{path}.{name}")


@pytest.mark.parametrize(("cls", "name"), [(EnrichedRecord, "enriched-record"), (DeadLetter, "dead-letter")])
def test_classes_and_schemas_describe_the_same_records(cls: type, name: str) -> None:
    uri = f"{BASE}{name}.schema.json"
    _agree_struct(mi.type_info(cls), _registry().contents(uri), uri, cls.__name__)


def test_a_schema_change_the_classes_lack_is_caught() -> None:
    """The walker is not vacuous: a property added to a copy of the schema fails it."""
    uri = f"{BASE}enriched-record.schema.json"
    schema = orjson.loads(orjson.dumps(_registry().contents(uri)))
    schema["properties"]["sentiment"] = {"type": "number"}
    with pytest.raises(AssertionError, match="only in schema"):
        _agree_struct(mi.type_info(EnrichedRecord), schema, uri, "EnrichedRecord")


EXAMPLES = {"enriched-record": decode_record, "dead-letter": decode_dead_letter}


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_examples_decode_and_encode_back_unchanged(name: str) -> None:
    data = (schema_dir() / "examples" / f"{name}.json").read_bytes()
    assert orjson.loads(encode(EXAMPLES[name](data))) == orjson.loads(data)


def test_a_record_that_breaks_the_classes_is_refused() -> None:
    record = orjson.loads((schema_dir() / "examples" / "enriched-record.json").read_bytes())
    record["quotes"][0]["type"] = "paraphrase"
    with pytest.raises(msgspec.ValidationError, match="quotes"):
        decode_record(orjson.dumps(record))


def test_examples_exist_for_both_records() -> None:
    assert {Path(p).stem for p in (schema_dir() / "examples").glob("*.json")} >= set(EXAMPLES)

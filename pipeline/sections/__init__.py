"""Typed sections of the enriched record: what the stages hand each other and what consumers read.

One definition per shape, as msgspec Structs (measured against pydantic v2 and
dataclasses + orjson in ``bench/record_codec.py``). The JSON Schemas under
``schemas/`` stay the public contract; ``tests/unit/test_sections.py`` proves
classes and schemas agree both ways. A field that the schema lets a record
omit is ``UNSET`` until set, so it is omitted again on encoding.
"""

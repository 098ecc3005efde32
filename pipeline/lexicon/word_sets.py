"""Small YAML files of word lists read into a frozen dataclass, one frozenset per field.

Stage modules keep their short lists beside them (``data/*.yaml``); this is the one reader, so
every such file is read the same way: each field of the dataclass names a key of the file.
"""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import yaml

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

WordSets = TypeVar("WordSets", bound="DataclassInstance")


def load_word_sets(path: Path, kind: type[WordSets]) -> WordSets:
    """``kind`` with each field set to the list of ``path`` under the field's name."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return kind(**{f.name: frozenset(str(w) for w in data[f.name]) for f in fields(kind)})

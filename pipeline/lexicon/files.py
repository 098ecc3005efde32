"""Resource files: one directory per language, each file versioned by a hash of its content.

``pipeline/lexicon/<language>/<name>.yaml`` holds one resource (speech verbs, quote marks,
connectors, …). A version is the first twelve hex digits of the SHA-256 of the file's bytes,
so the same data gives the same version on every machine and any edit gives a new one.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).parent
DEFAULT_LANGUAGE = "en"


class LexiconError(ValueError):
    """A language or resource file is missing or malformed (a packaging bug, not an article error)."""


def resource_path(language: str, name: str) -> Path:
    """The file of resource ``name`` (e.g. ``"speech_verbs"``) for ``language``."""
    path = ROOT / language / f"{name}.yaml"
    if not path.is_file():
        raise LexiconError(f"no resource {name!r} for language {language!r} ({path})")
    return path


@cache
def read_resource(language: str, name: str) -> tuple[Any, str]:
    """(parsed content, version) of one resource file, read once per process."""
    data = resource_path(language, name).read_bytes()
    return yaml.safe_load(data), content_version(data)


def content_version(data: bytes) -> str:
    """A short hash of a file's bytes."""
    return hashlib.sha256(data).hexdigest()[:12]


@cache
def read_lines(path: Path) -> tuple[str, ...]:
    """The non-blank, non-comment lines of a plain word-list file, stripped."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return tuple(s for line in lines if (s := line.strip()) and not s.startswith("#"))

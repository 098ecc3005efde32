"""Resource files: one directory per language, each file versioned by a hash of its content.

``pipeline/lexicon/<language>/<name>.yaml`` holds one resource (speech verbs, quote marks,
connectors, …). A version is a short hash of the file's name and bytes
(:func:`pipeline.version.content_hash`), so the same data gives the same version on every
machine and any edit gives a new one.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

from pipeline.version import content_hash

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
    path = resource_path(language, name)
    return yaml.safe_load(path.read_bytes()), content_hash(path)


def language_version(language: str) -> str:
    """A short hash of every resource file of ``language``."""
    return content_hash(ROOT / language)


@cache
def read_lines(path: Path) -> tuple[str, ...]:
    """The non-blank, non-comment lines of a plain word-list file, stripped."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return tuple(s for line in lines if (s := line.strip()) and not s.startswith("#"))

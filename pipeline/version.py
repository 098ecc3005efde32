"""The pipeline version a record carries: the package version plus a hash of the code and data behind it.

The package version alone stayed the same through every change of rules and
word lists; records made by different code or data must say so. The hash
covers every file of the installed ``pipeline`` package (Python modules and
data files alike), read once per process.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

from pipeline import __version__

PACKAGE = Path(__file__).resolve().parent
_SKIPPED_PARTS = frozenset({"__pycache__"})


def _files(path: Path) -> list[Path]:
    if path.is_file():
        return [path]
    return sorted(p for p in path.rglob("*") if p.is_file() and p.suffix != ".pyc"
                  and not _SKIPPED_PARTS.intersection(p.relative_to(path).parts))


@cache
def content_hash(*paths: Path, length: int = 8) -> str:
    """A short hash of the given files and of every file under the given folders (names and bytes).

    Read once per process and set of paths: package data does not change under a running worker."""
    digest = hashlib.sha256()
    for root in paths:
        for path in _files(root):
            digest.update(str(path.relative_to(root.parent)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:length]


@cache
def pipeline_version() -> str:
    """``<package version>+<content hash>``, e.g. ``0.2.0+3f9a1c2e``."""
    return f"{__version__.split('+')[0]}+{content_hash(PACKAGE)}"

"""No stage helper package imports another; the neutral packages (aliases, registry, lexicon, sections) import none."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PIPELINE = Path(__file__).resolve().parents[3] / "pipeline"


def _imports(package: str) -> set[str]:
    found = set()
    for path in (PIPELINE / package).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                found.add(node.module)
            elif isinstance(node, ast.Import):
                found.update(a.name for a in node.names)
    return found


#: the helper packages of the stages: none may import another (shared things live in the neutral ones)
STAGE_PACKAGES = ("text", "entities", "quotes", "designations")
#: packages every stage may read; they read no stage package
NEUTRAL_PACKAGES = ("aliases", "registry", "lexicon", "sections")


@pytest.mark.parametrize(("package", "forbidden"), [
    *((p, tuple(f"pipeline.{other}" for other in STAGE_PACKAGES if other != p)) for p in STAGE_PACKAGES),
    *((p, (*(f"pipeline.{s}" for s in STAGE_PACKAGES), "pipeline.stages")) for p in NEUTRAL_PACKAGES),
])
def test_package_imports(package: str, forbidden: tuple[str, ...]) -> None:
    wrong = sorted(m for m in _imports(package) if m.startswith(forbidden))
    assert wrong == []

"""The alias matcher and the registry are neutral: stage packages read them, they read no stage package."""

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


@pytest.mark.parametrize(("package", "forbidden"), [
    ("aliases", ("pipeline.entities", "pipeline.designations", "pipeline.quotes", "pipeline.stages")),
    ("registry", ("pipeline.entities", "pipeline.designations", "pipeline.quotes", "pipeline.stages")),
    ("entities", ("pipeline.designations",)),
    ("designations", ("pipeline.entities",)),
])
def test_package_imports(package: str, forbidden: tuple[str, ...]) -> None:
    wrong = sorted(m for m in _imports(package) if m.startswith(forbidden))
    assert wrong == []

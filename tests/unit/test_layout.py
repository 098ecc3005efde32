"""Where Kafka may appear: ``faust`` and ``aiokafka`` only inside pipeline/kafka/, and that package
only behind the CLI and the review page (the runner and the stages know nothing of Kafka)."""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

from tests.conftest import REPO

PIPELINE = REPO / "pipeline"
KAFKA_CLIENTS = ("faust", "aiokafka")
KAFKA_PACKAGE = "pipeline.kafka"
#: modules outside pipeline/kafka/ that may use it: the CLI and the review page
KAFKA_USERS = ("pipeline/cli.py", "pipeline/view/")


def _module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path, root: Path) -> Iterator[tuple[int, list[str]]]:
    """(line, absolute module names) of every import in ``path``: top-level, nested, conditional,
    relative (resolved against the file's package) and ``importlib.import_module`` / ``__import__``."""
    module = _module_name(path, root)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_bytes(), filename=str(path))):
        if isinstance(node, ast.Import):
            yield node.lineno, [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join(anchor + ([node.module] if node.module else []))
            # `from pipeline import kafka` imports pipeline.kafka: count every name as a possible submodule
            yield node.lineno, [base, *(f"{base}.{alias.name}" for alias in node.names)]
        elif (isinstance(node, ast.Call) and _called(node.func) in ("__import__", "import_module")
              and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
            yield node.lineno, [node.args[0].value]


def _called(func: ast.expr) -> str | None:
    """The name of a called function: ``f`` in ``f(...)`` and in ``module.f(...)``."""
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)


def _within(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


def offending_imports(root: Path, packages: tuple[str, ...], allowed: tuple[str, ...]) -> list[str]:
    """``file:line: imports module`` for every import of ``packages`` in a module under ``root``
    whose path (relative to ``root``'s parent) starts with none of ``allowed``."""
    found = []
    for path in sorted(root.rglob("*.py")):
        shown = path.relative_to(root.parent).as_posix()
        if shown.startswith(allowed):
            continue
        for line, names in imports(path, root):
            hits = [name for name in names if any(_within(name, package) for package in packages)]
            if hits:
                found.append(f"{shown}:{line}: imports {hits[0]}")
    return found


def test_faust_and_aiokafka_are_imported_only_in_the_kafka_package() -> None:
    offenders = offending_imports(PIPELINE, KAFKA_CLIENTS, allowed=("pipeline/kafka/",))
    assert not offenders, "Kafka clients imported outside pipeline/kafka/:\n" + "\n".join(offenders)


def test_only_the_cli_and_the_review_page_use_the_kafka_package() -> None:
    offenders = offending_imports(PIPELINE, (KAFKA_PACKAGE,), allowed=("pipeline/kafka/", *KAFKA_USERS))
    assert not offenders, "pipeline.kafka used outside the CLI and the review page:\n" + "\n".join(offenders)


def test_the_check_finds_every_form_of_import(tmp_path: Path) -> None:
    """The checks above are only as good as this scanner: it must see through every way of importing."""
    root = tmp_path / "pipeline"
    files = {
        "kafka/app.py": "import faust\nfrom aiokafka import AIOKafkaProducer\n",
        "config.py": "'''Mentions faust and aiokafka in prose only.'''\nFAUST = 'faust'\n",
        "records.py": "import json\nimport faust.types as ft\n",
        "stages/ner.py": "def f():\n    from aiokafka.errors import KafkaError\n",
        "stages/quotes.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from faust import App\n",
        "view/app.py": "import importlib\nclient = importlib.import_module('aiokafka')\n",
        "text/html.py": "mod = __import__('faust')\n",
        "fausty.py": "import faust_helpers\nimport aiokafkaish\n",
        "stages/clean.py": "from ..kafka import client\n",
        "enrich.py": "from pipeline import kafka\n",
        "cli.py": "from pipeline.kafka.client import read_topic\n",
    }
    for name, source in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(source)
    assert offending_imports(root, KAFKA_CLIENTS, allowed=("pipeline/kafka/",)) == [
        "pipeline/records.py:2: imports faust.types",
        "pipeline/stages/ner.py:2: imports aiokafka.errors",
        "pipeline/stages/quotes.py:3: imports faust",
        "pipeline/text/html.py:1: imports faust",
        "pipeline/view/app.py:2: imports aiokafka",
    ]
    assert offending_imports(root, (KAFKA_PACKAGE,), allowed=("pipeline/kafka/", *KAFKA_USERS)) == [
        "pipeline/enrich.py:1: imports pipeline.kafka",
        "pipeline/stages/clean.py:1: imports pipeline.kafka",
    ]


def test_offline_commands_load_no_kafka_code() -> None:
    """``wirestream enrich`` (the CLI, the runner, the file reader) starts without Faust, aiokafka or pipeline.kafka."""
    probe = ("import sys, pipeline.cli, pipeline.enrich, pipeline.sources; "
             "print(sorted(m for m in sys.modules if m.partition('.')[0] in ('faust', 'aiokafka') "
             "or m == 'pipeline.kafka' or m.startswith('pipeline.kafka.')))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=REPO, check=True)
    assert done.stdout.strip() == "[]"

"""Progress of ``wirestream enrich``: a bar on a terminal's stderr, not one byte of it when piped.

The command runs for real (a subprocess over pipes, and one with stderr on a
pseudo-terminal); records on stdout must be the same either way.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import orjson
import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from tests.conftest import REPO, SAMPLES
from tests.terminal import run_with_terminal_stderr

SEED_TXT = REPO / "tests" / "fixtures" / "tass-syria-2015-10-08.txt"
ARTICLES = len(SAMPLES.read_bytes().splitlines())


@pytest.fixture(scope="module")
def articles(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The samples and one line that is not JSON (a dead letter, which goes to stderr too)."""
    path = tmp_path_factory.mktemp("progress") / "articles.jsonl"
    path.write_bytes(SAMPLES.read_bytes() + b"not json\n")
    return path


def enrich_args(path: Path) -> list[str]:
    return [sys.executable, "-m", "pipeline", "enrich", str(path)]


@pytest.fixture(scope="module")
def piped(articles: Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(enrich_args(articles), capture_output=True, cwd=REPO, timeout=180)


def comparable(stdout: bytes) -> list[dict[str, Any]]:
    """Records without what differs between two runs (processing time and stage timings)."""
    records = [orjson.loads(line) for line in stdout.splitlines()]
    for record in records:
        for volatile in ("processed_at", "timings_ms", "chunk_timings"):
            del record["provenance"][volatile]
    return records


def test_enrich_piped_writes_records_and_dead_letters_and_nothing_else(
        piped: subprocess.CompletedProcess[bytes]) -> None:
    assert piped.returncode == 1, piped.stderr  # the dead letter
    records = [orjson.loads(line) for line in piped.stdout.splitlines()]
    assert [r["schema"] for r in records] == ["wirestream.enriched"] * ARTICLES
    # stderr is exactly the one dead letter: no bar, no carriage return, no escape sequence
    assert piped.stderr.count(b"\n") == 1 and piped.stderr.endswith(b"\n"), piped.stderr
    assert orjson.loads(piped.stderr)["error_class"] == "NotJson"
    assert b"\r" not in piped.stderr and b"\x1b" not in piped.stderr


def test_enrich_on_a_terminal_draws_a_bar_and_writes_the_same_records(
        articles: Path, piped: subprocess.CompletedProcess[bytes]) -> None:
    run = run_with_terminal_stderr(enrich_args(articles))
    assert run.returncode == 1, run.screen
    assert comparable(run.stdout) == comparable(piped.stdout)
    screen = run.screen.decode()
    total = ARTICLES + 1
    assert "\renrich:   0%|" in screen and f"| 0/{total} [" in screen, screen
    assert "\renrich: 100%|" in screen and f"| {total}/{total} [" in screen, screen
    bars = [drawn for drawn in screen.replace("\r\n", "\r").split("\r") if drawn.startswith("enrich:")]
    assert bars and all(len(bar) <= 100 for bar in bars), bars  # drawn in place, within the terminal's width
    # the dead letter still reaches the terminal whole, on a line of its own
    [letter] = [orjson.loads(line) for line in run.screen_lines if line.startswith("{")]
    assert letter["error_class"] == "NotJson"
    assert run.screen_lines[-2].startswith("enrich: 100%|") and run.screen_lines[-1] == ""  # left, line ended


def test_progress_switch_forces_the_bar_on_or_off() -> None:
    runner = CliRunner()
    args = ["enrich", str(SEED_TXT), "--published-at", "2015-10-08"]
    default = runner.invoke(app, args)  # CliRunner's stderr is not a terminal
    forced = runner.invoke(app, [*args, "--progress"])
    assert default.exit_code == forced.exit_code == 0
    assert default.stderr == ""
    assert "enrich: 100%|" in forced.stderr and "| 1/1 [" in forced.stderr
    assert comparable(forced.stdout.encode()) == comparable(default.stdout.encode())


LOG_DURING_BAR = """
import logging
from pipeline.progress import Progress
logging.basicConfig(format="%(levelname)s %(message)s")
with Progress(2, desc="produce", unit=" messages") as bar:
    bar.advance()
    logging.getLogger("aiokafka").warning("leader moved, retrying")
    bar.advance()
"""


def test_log_lines_are_printed_above_the_bar_not_into_it() -> None:
    run = run_with_terminal_stderr([sys.executable, "-c", LOG_DURING_BAR])
    assert run.returncode == 0, run.screen
    assert "WARNING leader moved, retrying" in run.screen_lines, run.screen
    assert run.screen_lines[-2].startswith("produce: 100%|") and "| 2/2 [" in run.screen_lines[-2]

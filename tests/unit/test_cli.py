"""The offline command line: ``wirestream enrich`` and ``wirestream config``."""

from __future__ import annotations

from pathlib import Path

import orjson
from typer.testing import CliRunner

from pipeline.cli import app
from tests.conftest import REPO
from tests.schema_check import assert_valid

SEED_TXT = REPO / "tests" / "fixtures" / "tass-syria-2015-10-08.txt"
runner = CliRunner()


def test_enrich_a_text_file_prints_one_schema_valid_record() -> None:
    result = runner.invoke(app, ["enrich", str(SEED_TXT), "--source", "TASS", "--published-at", "2015-10-08"])
    assert result.exit_code == 0, result.output
    [line] = result.stdout.splitlines()
    record = orjson.loads(line)
    assert_valid("enriched-record", record)
    assert record["clean"]["dateline"]["date"] == "2015-10-08"
    assert any(q["speaker_name"] == "Dmitry Peskov" for q in record["quotes"])


def test_enrich_reports_dead_letters_on_stderr_and_fails(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_bytes((REPO / "samples" / "articles.jsonl").read_bytes().splitlines()[1] + b"\nnot json\n")
    result = runner.invoke(app, ["enrich", str(path)])
    assert result.exit_code == 1
    assert len(result.stdout.splitlines()) == 1
    [letter] = [orjson.loads(line) for line in result.stderr.splitlines()]
    assert_valid("dead-letter", letter)
    assert letter["error_class"] == "NotJson"
    assert letter["input"] == {"topic": "in.jsonl", "partition": 0, "offset": 2, "timestamp_ms": None}


def test_config_lists_every_setting_with_its_variable() -> None:
    result = runner.invoke(app, ["config"])
    assert result.exit_code == 0
    assert "`WIRESTREAM_BOOTSTRAP_SERVERS`" in result.stdout
    assert "`WIRESTREAM_MAX_RECORD_BYTES`" in result.stdout

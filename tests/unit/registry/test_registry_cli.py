"""``wirestream registry import-…`` and ``lookup`` on the real snapshots."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.registry.importers.build import build_registry
from pipeline.registry.registry import read_registry

RU_DIR = Path(__file__).resolve().parents[2] / "fixtures" / "registries" / "ru"
runner = CliRunner()


def test_import_un_with_previous_snapshot_then_lookup(shared: Path, tmp_path: Path) -> None:
    base = tmp_path / "ru.json"
    base.write_bytes(build_registry(RU_DIR).to_json())
    out = tmp_path / "with-un.json"
    result = runner.invoke(app, ["registry", "import-un", str(shared / "un" / "un_consolidated_2026-02-27.xml"),
                                 "--previous", str(shared / "un" / "un_consolidated_2020-11-24.xml"),
                                 "--into", str(base), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "UN: 328 entries" in result.output  # 273 listed organisations + 55 delisted since 2020
    reg = read_registry(out)
    assert reg.version != read_registry(base).version
    delisted = [d for o in reg for d in o.designations if d.jurisdiction == "UN" and d.absent]
    assert len(delisted) == 55 and {d.absent for d in delisted} == {"2026-02-27"}
    again = runner.invoke(app, ["registry", "import-un", str(shared / "un" / "un_consolidated_2026-02-27.xml"),
                                "--into", str(out), "--out", str(tmp_path / "again.json")])
    assert "UN: 273 entries" in again.output  # a re-import replaces the list, it does not add to it
    assert sum(d.jurisdiction == "UN" for o in read_registry(tmp_path / "again.json") for d in o.designations) == 273
    looked = runner.invoke(app, ["registry", "lookup", "Al-Qaida in Iraq", "--registry", str(out),
                                 "--date", "2020-01-01"])
    assert "QDe.115" in looked.output and "in_force UN" in looked.output

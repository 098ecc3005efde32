"""The Faust app keeps its files under the configured state directory."""

from pathlib import Path

from pipeline.config import Settings
from pipeline.kafka.app import create_app


def test_app_directory_is_under_state_dir(tmp_path: Path) -> None:
    app = create_app(Settings(state_dir=tmp_path, app_id="enrich-test"))
    assert app.conf.datadir == tmp_path / "faust" / "enrich-test"
    assert app.conf.tabledir.is_relative_to(tmp_path)

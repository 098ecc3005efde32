"""The Faust app: its files under the configured state directory, and who commits the raw offsets."""

from pathlib import Path

import pytest
from pydantic import ValidationError

from pipeline.config import Settings
from pipeline.kafka.app import create_app


def test_app_directory_is_under_state_dir(tmp_path: Path) -> None:
    app = create_app(Settings(state_dir=tmp_path, app_id="enrich-test"))
    assert app.conf.datadir == tmp_path / "faust" / "enrich-test"
    assert app.conf.tabledir.is_relative_to(tmp_path)


def _raw_topic_acks(settings: Settings) -> tuple[str, bool]:
    """(Faust's processing guarantee, whether Faust tracks and commits the raw topic's offsets)."""
    from pipeline.enrich import build_enricher
    from pipeline.kafka.agent import attach

    app = create_app(settings)
    attach(app, settings, build_enricher(settings))
    (agent,) = app.agents.values()
    return app.conf.processing_guarantee.value, agent.channel.acks


def test_exactly_once_takes_the_offsets_away_from_faust(tmp_path: Path) -> None:
    """Our transactions commit the offsets; Faust's own exactly_once and its committer stay out of it."""
    base = Settings(state_dir=tmp_path, stages=["clean"])
    assert _raw_topic_acks(base) == ("at_least_once", True)
    assert _raw_topic_acks(base.model_copy(update={"processing_guarantee": "exactly_once"})) == (
        "at_least_once", False)


def test_unknown_guarantees_are_refused() -> None:
    with pytest.raises(ValidationError):
        Settings(processing_guarantee="exactly_twice")

"""The stage list and language backends come from configuration; each stage gets only its own settings."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import ClassVar

import pytest
from pydantic import SecretStr

from pipeline.article import Article
from pipeline.config import Settings
from pipeline.stages.base import Backend, LanguageStage, NoConfig, Stage
from pipeline.stages.clean import CleanConfig, CleanStage
from pipeline.stages.designations import DesignationsConfig
from pipeline.stages.ner import NerConfig
from pipeline.stages.registry import build_stages
from tests.stage_fixtures import article


class Shout(Backend[NoConfig]):
    """Test backend: records that it ran."""

    def process(self, articles: Sequence[Article]) -> None:
        for item in articles:
            item.title = item.text.upper()


class Echo(LanguageStage[NoConfig]):
    """Test stage with a backend for German only."""

    name: ClassVar[str] = "echo"
    backend_types: ClassVar[Mapping[str, str]] = {"de": f"{__name__}:Shout"}


class Whisper(Shout):
    def process(self, articles: Sequence[Article]) -> None:
        for item in articles:
            item.title = item.text.lower()


def test_default_stages_in_order_each_with_only_its_settings() -> None:
    settings = Settings(security_protocol="SASL_PLAINTEXT", sasl_username="u", sasl_password=SecretStr("secret"))
    stages = build_stages(settings)
    assert [s.name for s in stages] == ["clean", "ner", "quotes", "designations"]
    configs = {s.name: s.config for s in stages}
    assert configs["clean"] == CleanConfig(max_body_chars=settings.max_body_chars)
    assert isinstance(configs["ner"], NerConfig) and isinstance(configs["designations"], DesignationsConfig)
    for config in configs.values():
        assert "sasl_password" not in config.model_dump()
        assert "secret" not in repr(config)


def test_a_stage_is_added_by_reference_and_its_backend_swapped_by_configuration() -> None:
    settings = Settings(stages=["clean", f"{__name__}:Echo"], backends={"echo": {"fr": f"{__name__}:Whisper"}})
    clean, echo = build_stages(settings)
    assert isinstance(clean, CleanStage) and isinstance(echo, Echo)
    assert echo.languages == {"de", "fr"} and not echo.handles("en")
    echo.setup()
    german, french = article("Guten Tag", language="de"), article("Bonjour", language="fr")
    echo.process([german, french])
    assert (german.title, french.title) == ("GUTEN TAG", "bonjour")


def test_settings_read_the_stage_list_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WIRESTREAM_STAGES", '["clean", "ner"]')
    assert Settings().stages == ["clean", "ner"]


@pytest.mark.parametrize(("stages", "error"), [
    (["clean", "nonsense"], "unknown stage 'nonsense'"),
    (["clean", "clean"], "configured twice"),
    (["pipeline.config:Settings"], "is not a Stage"),
])
def test_a_wrong_stage_list_is_refused_at_start_up(stages: list[str], error: str) -> None:
    with pytest.raises((ValueError, TypeError), match=error):
        build_stages(Settings(stages=stages))


def test_a_backend_that_is_not_a_backend_is_refused() -> None:
    echo = Echo(NoConfig(), {"de": "pipeline.config:Settings"})
    with pytest.raises(TypeError, match="is not a Backend"):
        echo.setup()


def test_stage_is_abstract_without_process() -> None:
    with pytest.raises(TypeError):
        Stage(NoConfig())  # type: ignore[abstract]


def test_a_backend_not_preloaded_is_set_up_with_its_first_article() -> None:
    echo = Echo(NoConfig(), {"de": f"{__name__}:Shout", "fr": f"{__name__}:Whisper"}, preload=["de"])
    echo.setup()
    assert set(echo.backends) == {"de"}  # French not loaded at start
    french = article("Bonjour", language="fr")
    echo.process([french])
    assert set(echo.backends) == {"de", "fr"} and french.title == "bonjour"


def test_workers_preload_english_only_by_default() -> None:
    ner = next(s for s in build_stages(Settings()) if s.name == "ner")
    assert isinstance(ner, LanguageStage)
    assert ner.languages == {"en", "ru"} and Settings().preload_languages == ["en"]

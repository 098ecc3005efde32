"""A new registry file replaces the loaded one between batches, through the real stages."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import orjson
import pytest

from pipeline import metrics
from pipeline.article import Origin
from pipeline.config import Settings
from pipeline.entities.english import add_gazetteer
from pipeline.enrich import Enricher, Message, build_enricher
from pipeline.nlp import load_nlp
from pipeline.registry.registry import BUNDLED_PATH, forget_loaded_registries, read_registry

ARTICLE = {"id": "tda-1", "source": "test", "title": "Gang", "body": "Members of Tren de Aragua were detained in "
           "Texas, officials said. Hamas denied it.", "published_at": "2025-03-01T12:00:00+00:00"}


_INFO = {"version": "test", "model": "test"}


def _reloads() -> float:
    return metrics.REGISTRY.get_sample_value("wirestream_registry_reloads_total") or 0.0


def _message(offset: int) -> Message:
    return Message(orjson.dumps(ARTICLE | {"id": f"tda-{offset}"}), None, Origin("raw", 0, offset))


def _designated(enricher: Enricher, offset: int) -> tuple[str, set[str]]:
    [outcome] = enricher.enrich([_message(offset)])
    section = orjson.loads(outcome.value)["designations"]
    return section["registry_version"], {o["org_id"] for o in section["organisations"] if o["designated"]}


@pytest.fixture
def registry_file(tmp_path: Path, settings: Settings) -> Iterator[Path]:
    """A copy of the bundled registry; afterwards the process's shared model gets its bundled gazetteer back."""
    path = tmp_path / "registry.json"
    path.write_bytes(BUNDLED_PATH.read_bytes())
    yield path
    forget_loaded_registries()
    add_gazetteer(load_nlp(settings.spacy_model), None)


def test_a_new_registry_file_is_used_from_the_next_batch(registry_file: Path, settings: Settings) -> None:
    enricher = build_enricher(settings.model_copy(update={"registry_path": registry_file}))
    metrics.set_worker_info(version="test", model="test", registry_version="before")
    first_version, designated = _designated(enricher, 1)
    assert {"tren-de-aragua", "hamas"} <= designated
    stages = enricher.stages
    assert not enricher.reload_registry_if_replaced() and enricher.stages is stages  # unchanged file: nothing

    data = orjson.loads(registry_file.read_bytes())
    data["organisations"] = [o for o in data["organisations"] if o["id"] != "tren-de-aragua"]
    data["version"] = "reg-test-update"
    registry_file.write_bytes(orjson.dumps(data))
    os.utime(registry_file, ns=(registry_file.stat().st_atime_ns, registry_file.stat().st_mtime_ns + 1_000_000_000))
    reloads = _reloads()

    version, designated = _designated(enricher, 2)
    assert (first_version, version) == (read_registry(BUNDLED_PATH).version, "reg-test-update")
    assert "hamas" in designated and "tren-de-aragua" not in designated  # the gazetteer and the tagger both
    assert _reloads() == reloads + 1
    assert metrics.REGISTRY.get_sample_value("wirestream_worker_info", _INFO | {"registry_version": version}) == 1
    assert _designated(enricher, 3)[0] == "reg-test-update" and _reloads() == reloads + 1


def test_an_unreadable_registry_file_keeps_the_stages(registry_file: Path, settings: Settings) -> None:
    enricher = build_enricher(settings.model_copy(update={"registry_path": registry_file}))
    stages = enricher.stages
    registry_file.write_bytes(b'{"organisations": [')  # a half-written file
    assert not enricher.reload_registry_if_replaced() and enricher.stages is stages
    assert "tren-de-aragua" in _designated(enricher, 4)[1]

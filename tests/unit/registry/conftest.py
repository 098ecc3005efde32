"""The official list snapshots of other jurisdictions, read once per test session.

They are committed unedited under ``tests/fixtures/registries/`` (origins and dates in its
README), so the importers are tested on the real files on any machine.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.registry.importers.build import build_bundled
from pipeline.registry.importers.crosslist import MergeReport
from pipeline.registry.importers.eu import import_eu
from pipeline.registry.importers.ofac import import_ofac
from pipeline.registry.importers.official import Listed
from pipeline.registry.importers.uk import import_uk
from pipeline.registry.importers.un import import_un
from pipeline.registry.registry import Registry

RU_DIR = Path(__file__).resolve().parents[2] / "fixtures" / "registries" / "ru"


SNAPSHOTS = RU_DIR.parent


@pytest.fixture(scope="session")
def shared() -> Path:
    """The folder of the snapshots, laid out as the importers' default folder is."""
    return SNAPSHOTS


@pytest.fixture(scope="session")
def un_2026(shared: Path) -> list[Listed]:
    return import_un(shared / "un" / "un_consolidated_2026-02-27.xml")


@pytest.fixture(scope="session")
def un_2020(shared: Path) -> list[Listed]:
    return import_un(shared / "un" / "un_consolidated_2020-11-24.xml")


@pytest.fixture(scope="session")
def sdn_2024(shared: Path) -> list[Listed]:
    return import_ofac(shared / "us" / "sdn_2024-05-03.csv")


@pytest.fixture(scope="session")
def sdn_2021(shared: Path) -> list[Listed]:
    return import_ofac(shared / "us" / "sdn_2021-08-20.csv")


@pytest.fixture(scope="session")
def uk(shared: Path) -> list[Listed]:
    return import_uk(shared / "uk")


@pytest.fixture(scope="session")
def eu(shared: Path) -> list[Listed]:
    return import_eu(shared / "eu" / "eu-fsf-merged_2022-09-13.csv")


@pytest.fixture(scope="session")
def built(shared: Path) -> tuple[Registry, dict[str, MergeReport]]:
    """The bundled registry rebuilt from the snapshots (``wirestream registry build``), once."""
    return build_bundled(RU_DIR, shared)

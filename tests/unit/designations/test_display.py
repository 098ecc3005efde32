"""Listings shown to people (tail, enrich --pretty, registry lookup): every jurisdiction, each with its dates."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.designations.display import claim_text, organisation_lines
from pipeline.registry.wording import dates_text

runner = CliRunner()
WAGNER = "Fighters of the Wagner Group withdrew from Bakhmut, the group's founder said."


def test_dates_text_never_invents_a_start() -> None:
    assert dates_text("2023-09-15", None, None) == "since 2023-09-15"
    assert dates_text(None, None, "2021-08-20") == "listed as of 2021-08-20 (start not published)"
    assert dates_text("2003-02-14", "2025-04-17", None) == "since 2003-02-14 until 2025-04-17"
    assert dates_text(None, None, None, "2026-02-27") == "start not published, gone by 2026-02-27"


def test_every_jurisdiction_with_its_dates(tagger, entities_of) -> None:
    section = tagger.tag(WAGNER, date(2024, 1, 1), entities_of(WAGNER))
    lines = organisation_lines(next(o for o in section.organisations if o.org_id == "wagner-group"))
    assert lines[0] == "Wagner Group: designated in EU, GB, US"
    listed = [line.strip() for line in lines[1:]]
    assert {line.split()[0] for line in listed} == {"EU", "GB", "US"}
    assert all(re.search(r"(since|listed as of) \d{4}-\d\d-\d\d", line) for line in listed), listed
    assert any(line.startswith("GB terrorist since 2023-09-15 · UK Home Office") for line in listed)
    assert any(line.startswith("US sanctioned listed as of 2021-08-20") for line in listed)
    assert listed[-1].startswith("GB sanctioned since 2024-11-07") and listed[-1].endswith("not yet in force")


def test_not_designated_yet_shows_the_coming_listings(tagger, entities_of) -> None:
    text = "Hamas claimed the attack in Jerusalem, Israeli police said."
    section = tagger.tag(text, date(1995, 8, 21), entities_of(text))
    lines = organisation_lines(section.organisations[0])
    assert lines[0] == "Hamas: not designated on the article's date"
    assert any(line.startswith("  US terrorist since 1997-10-08") and line.endswith("not yet in force")
               for line in lines)


def test_pretty_enrich_shows_every_jurisdiction(tmp_path: Path) -> None:
    """``enrich --pretty`` renders as ``tail`` does (pipeline.render): all jurisdictions, not Russia's alone."""
    article = {"id": "w1", "source": "test", "title": "Wagner", "body": WAGNER,
               "published_at": "2024-01-01T12:00:00+00:00"}
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps(article) + "\n")
    result = runner.invoke(app, ["enrich", "--pretty", str(path)])
    assert result.exit_code == 0, result.output
    assert "Wagner Group: designated in EU, GB, US" in result.output
    assert "GB terrorist since 2023-09-15" in result.output
    assert "EU sanctioned listed as of 2021-12-13 (start not published)" in result.output


def test_registry_lookup_shows_every_jurisdiction_with_dates() -> None:
    result = runner.invoke(app, ["registry", "lookup", "Wagner Group", "--date", "2024-01-01"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()[1:]
    assert {line.split()[1] for line in lines} == {"EU", "GB", "US"}
    assert "in_force GB terrorist  since 2023-09-15 · UK Home Office" in result.output
    assert "in_force US sanctioned listed as of 2021-08-20 (start not published)" in result.output
    assert "not_yet  GB sanctioned since 2024-11-07" in result.output


def test_claims_are_shown_with_their_verdicts(tagger) -> None:
    seed = Path(__file__).resolve().parents[2] / "fixtures" / "tass-syria-2015-10-08.txt"
    section = tagger.tag(seed.read_text(), date(2015, 10, 8), [])
    lines = [claim_text(c) for c in section.claims or []]
    assert any(line.startswith("claim US terrorist: “recognized as a terrorist organization") and
               line.endswith("→ confirmed") for line in lines), lines
    assert any(line.startswith("claim CA terrorist") and line.endswith("→ confirmed") for line in lines)
    assert any(line.startswith("claim TR terrorist") and line.endswith("→ not_in_registry") for line in lines)

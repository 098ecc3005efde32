"""Progress of ``wirestream produce`` against the real broker: quiet when piped, a bar on a terminal."""

from __future__ import annotations

import subprocess
import sys

import pytest

from pipeline.kafka.client import read_topic
from pipeline.config import Settings
from pipeline.kafka.topics import ensure_topics
from tests.conftest import REPO, SAMPLES, env_for
from tests.integration.test_end_to_end import isolated
from tests.terminal import run_with_terminal_stderr

pytestmark = pytest.mark.integration

PRODUCE = [sys.executable, "-m", "pipeline", "produce", str(SAMPLES)]


async def test_produce_is_quiet_when_piped_and_draws_a_bar_on_a_terminal(kafka: Settings) -> None:
    settings = isolated(kafka)
    await ensure_topics(settings)
    env = env_for(settings)
    count = len(SAMPLES.read_bytes().splitlines())
    summary = f"produced {count} message(s) to {settings.topic_raw}\n".encode()

    piped = subprocess.run(PRODUCE, capture_output=True, cwd=REPO, env=env, timeout=120)
    assert piped.returncode == 0, piped.stderr
    assert piped.stdout == summary
    assert piped.stderr == b""

    # a terminal that reports no size (as some CI runners' do) still gets a whole bar
    run = run_with_terminal_stderr(PRODUCE, env=env, columns=0)
    assert run.returncode == 0, run.screen
    assert run.stdout == summary
    screen = run.screen.decode()
    assert "\rproduce:   0%|" in screen and f"| 0/{count} [" in screen, screen
    assert run.screen_lines[-2].startswith("produce: 100%|") and f"| {count}/{count} [" in run.screen_lines[-2]

    delivered = [message async for message in read_topic(settings, settings.topic_raw, idle_timeout_s=3.0)]
    assert len(delivered) == 2 * count

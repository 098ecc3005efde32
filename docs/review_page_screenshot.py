"""Regenerate docs/review-page.png, the review page shown in the README.

    .venv/bin/python docs/review_page_screenshot.py      # writes docs/review-page.png

The samples (samples/articles.jsonl) and one line that is not JSON go through
the real stages, as ``wirestream enrich`` runs them; the review page
(``wirestream view --jsonl``) serves the records on a free loopback port; the
system Chromium (Debian package ``chromium``, driven by Playwright, nothing
downloaded) opens the seed article, TASS on the Putin–Hollande talks, and the
page is captured at 1400×1200 CSS pixels: text, quotes and designations.
Nothing is edited by hand: the picture is what a reviewer sees on those records.
"""

from __future__ import annotations

import argparse
import asyncio
import socket
import sys
import tempfile
from pathlib import Path

from aiohttp import web
from playwright.async_api import async_playwright, expect

from pipeline.article import Origin
from pipeline.config import get_settings
from pipeline.enrich import Message, build_enricher
from pipeline.view.app import jsonl_app

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples" / "articles.jsonl"
OUT = REPO / "docs" / "review-page.png"
SEED = "tass-syria-2015-10-08"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def enrich_samples(path: Path) -> None:
    """The samples plus one malformed line (for the dead-letter list) as enriched JSONL, like ``wirestream enrich``."""
    values = SAMPLES.read_bytes().splitlines() + [b"this is not json"]
    messages = [Message(value, None, Origin(SAMPLES.name, 0, line)) for line, value in enumerate(values, 1)]
    outcomes = build_enricher(get_settings()).enrich(messages)
    path.write_bytes(b"".join(outcome.value + b"\n" for outcome in outcomes))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


async def capture(records: Path, out: Path, width: int, height: int) -> None:
    """Serve ``records`` on the review page, open the seed article in Chromium and save the screenshot."""
    runner = web.AppRunner(jsonl_app(records))
    await runner.setup()
    port = free_port()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    try:
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            page = await browser.new_page(viewport={"width": width, "height": height})
            await page.goto(f"http://127.0.0.1:{port}/#{SEED}")
            await expect(page.locator("#article")).to_have_attribute("data-article-id", SEED)
            await expect(page.locator(".text .quote").first).to_be_visible()
            await expect(page.locator("#dead-letters li")).to_have_count(1)
            await page.evaluate("document.fonts.ready")
            out.parent.mkdir(parents=True, exist_ok=True)
            await page.screenshot(path=out)
            await browser.close()
    finally:
        await runner.cleanup()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=OUT, help=f"PNG to write (default: {OUT.relative_to(REPO)})")
    parser.add_argument("--width", type=int, default=1400, help="viewport width, CSS pixels")
    parser.add_argument("--height", type=int, default=1200, help="viewport height, CSS pixels")
    args = parser.parse_args()
    if not CHROMIUM.exists():
        sys.exit(f"{CHROMIUM} is missing: run deploy/install-tools.sh (Debian packages chromium, chromium-driver)")
    with tempfile.TemporaryDirectory() as tmp:
        records = Path(tmp) / "records.jsonl"
        enrich_samples(records)
        asyncio.run(capture(records, args.out, args.width, args.height))
    print(f"wrote {args.out} ({args.width}×{args.height})")


if __name__ == "__main__":
    main()

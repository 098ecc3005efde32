"""The review page in a real headless Chromium, on records the real enricher produced."""

from __future__ import annotations

import re

from collections.abc import AsyncIterator
from pathlib import Path

import orjson
import pytest
from aiohttp import web
from playwright.async_api import Browser, Page, async_playwright, expect

from pipeline.article import Origin
from pipeline.config import Settings
from pipeline.enrich import Enricher, Message
from pipeline.view.app import jsonl_app
from tests.conftest import REPO, SAMPLES, free_port

pytestmark = pytest.mark.integration

SEED = "tass-syria-2015-10-08"
QUOTE = "I don’t would like to reveal"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SCREENSHOT = REPO / "test-output" / "review-page.png"

#: per quote id on the page: its speaker, the text of its highlighted pieces, and their background colour
QUOTES_ON_PAGE = """() => {
  const quotes = {};
  for (const piece of document.querySelectorAll(".text .quote")) {
    for (const id of piece.dataset.quote.split(" ")) {
      quotes[id] ??= {speaker: piece.dataset.speaker, text: "", colour: getComputedStyle(piece).backgroundColor};
      quotes[id].text += piece.textContent;
    }
  }
  return quotes;
}"""


@pytest.fixture(scope="module")
def records(settings: Settings, stages: list, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """JSONL of the samples run through the real stages, plus one dead letter."""
    enricher = Enricher(settings, stages)
    values = SAMPLES.read_bytes().splitlines() + [b"this is not json"]
    messages = [Message(value, None, Origin("samples", 0, n)) for n, value in enumerate(values)]
    path = tmp_path_factory.mktemp("view") / "records.jsonl"
    path.write_bytes(b"".join(outcome.value + b"\n" for outcome in enricher.enrich(messages)))
    return path


@pytest.fixture(scope="module")
async def url(records: Path) -> AsyncIterator[str]:
    """The review page over that JSONL, served on a free loopback port."""
    runner = web.AppRunner(jsonl_app(records))
    await runner.setup()
    port = free_port()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    yield f"http://127.0.0.1:{port}/"
    await runner.cleanup()


@pytest.fixture(scope="module")
async def browser() -> AsyncIterator[Browser]:
    """The system Chromium, headless; fails (never skips, never downloads) when it is missing."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: run deploy/install-tools.sh (Debian packages chromium, chromium-driver)")
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        await browser.close()


@pytest.fixture
async def page(browser: Browser) -> AsyncIterator[Page]:
    """A fresh page; any JavaScript error on it fails the test."""
    context = await browser.new_context(viewport={"width": 1400, "height": 900})
    page = await context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    await context.close()
    assert not errors, errors


async def open_article(page: Page, url: str, article_id: str) -> dict:
    await page.goto(f"{url}#{article_id}")
    await expect(page.locator("#article")).to_have_attribute("data-article-id", article_id)
    return orjson.loads(await (await page.request.get(f"{url}api/articles/{article_id}")).body())


async def test_seed_quote_is_highlighted_and_attributed_to_peskov(page: Page, url: str) -> None:
    record = await open_article(page, url, SEED)
    quotes = await page.evaluate(QUOTES_ON_PAGE)
    seed_quote = next((q for q in quotes.values() if q["text"].lstrip("“\"").startswith(QUOTE)), None)
    assert seed_quote is not None, f"no highlighted quote starts with {QUOTE!r}: {list(quotes.values())}"
    assert seed_quote["speaker"] == "Dmitry Peskov", seed_quote
    assert seed_quote["colour"] not in ("rgba(0, 0, 0, 0)", "transparent"), seed_quote
    panel = page.locator("#quotes li", has_text=QUOTE)
    await expect(panel.locator(".speaker")).to_have_text("Dmitry Peskov")
    for quote in record["quotes"]:  # every quote's pieces add up to its text: offsets are code points
        assert quotes[quote["id"]]["text"] == quote["content"]["text"], quote
    SCREENSHOT.parent.mkdir(exist_ok=True)
    await page.screenshot(path=SCREENSHOT)


async def test_designated_mentions_and_missing_notices_are_highlighted(page: Page, url: str) -> None:
    record = await open_article(page, url, SEED)
    organisations = record["designations"]["organisations"]
    designated = sorted(m["text"] for o in organisations if o["designated"] for m in o["mentions"])
    flagged = sorted(m["text"] for o in organisations if o["designated"] and o["notice_missing"] for m in o["mentions"])
    assert designated, "the seed names designated organisations (Islamic State)"
    assert sorted(await page.locator(".text .designated").all_text_contents()) == designated
    assert sorted(await page.locator(".text .missing-notice").all_text_contents()) == flagged
    assert await page.locator("#designations .flag").count() == sum(
        1 for o in organisations if o["designated"] and o["notice_missing"])


async def test_designation_panel_shows_every_jurisdiction_with_dates(page: Page, url: str) -> None:
    record = await open_article(page, url, SEED)
    for org in record["designations"]["organisations"]:
        item = page.locator(f'#designations li[data-org="{org["org_id"]}"]')
        listings = org["designations"] + org["other_designations"]
        shown = await item.locator("li[data-jurisdiction]").evaluate_all(
            "items => items.map(i => [i.dataset.jurisdiction, i.querySelector('.dates').textContent])")
        assert sorted(j for j, _ in shown) == sorted(d["jurisdiction"] for d in listings), org["org_id"]
        for _, dates in shown:
            assert re.fullmatch(r"(since \d{4}-\d\d-\d\d|listed as of \d{4}-\d\d-\d\d \(start not published\))"
                                r"( until \d{4}-\d\d-\d\d)?(, gone by \d{4}-\d\d-\d\d)?", dates), dates
    claims = record["designations"]["claims"]
    assert claims, "the seed states where the IG is recognised as terrorist"
    shown = await page.locator("#claims li").evaluate_all(
        "items => items.map(i => [i.dataset.jurisdiction, i.dataset.verdict])")
    assert shown == [[c["jurisdiction"], c["verdict"]] for c in claims]
    isis = page.locator('#designations li[data-org="islamic-state"]')
    assert {"RU", "US", "GB", "UN"} <= set(await isis.locator("li[data-jurisdiction]").evaluate_all(
        "items => items.map(i => i.dataset.jurisdiction)"))


async def test_keyboard_moves_through_the_list(page: Page, url: str) -> None:
    await page.goto(url)
    ids = await page.locator("#articles li").evaluate_all("items => items.map(item => item.dataset.id)")
    assert len(ids) == len(SAMPLES.read_bytes().splitlines())
    article = page.locator("#article")
    await expect(article).to_have_attribute("data-article-id", ids[0])
    for key, expected in [("j", 1), ("ArrowDown", 2), ("k", 1), ("ArrowUp", 0), ("k", 0)]:
        await page.keyboard.press(key)
        await expect(article).to_have_attribute("data-article-id", ids[expected])
        await expect(page.locator("#articles li.selected")).to_have_attribute("data-id", ids[expected])


async def test_entity_search_filters_the_list(page: Page, url: str) -> None:
    await page.goto(url)
    await expect(page.locator("#articles li")).to_have_count(len(SAMPLES.read_bytes().splitlines()))
    await page.keyboard.press("/")
    await expect(page.locator("#search")).to_be_focused()
    await page.keyboard.type("Hollande")
    await expect(page.locator("#articles li")).to_have_count(1)
    await expect(page.locator("#articles li")).to_have_attribute("data-id", SEED)
    await expect(page.locator("#article")).to_have_attribute("data-article-id", SEED)
    await page.locator("#search").fill("no such entity anywhere")
    await expect(page.locator("#articles")).to_have_text("No article matches.")


async def test_dead_letters_are_listed_with_their_reasons(page: Page, url: str) -> None:
    await page.goto(url)
    letter = page.locator("#dead-letters li")
    await expect(letter).to_have_count(1)
    await expect(letter.locator(".error-class")).to_have_text("NotJson")
    await expect(letter.locator(".reason")).to_contain_text("not a JSON document")


RUSSIAN_SAMPLE = "ws-sample-ru-004"
RUSSIAN_QUOTE = "Мы не будем комментировать детали"


async def test_russian_article_shows_guillemet_quotes_and_cyrillic_entities(page: Page, url: str) -> None:
    record = await open_article(page, url, RUSSIAN_SAMPLE)
    assert record["clean"]["language"]["code"] == "ru" and record["skipped_stages"] == []
    text = await page.locator(".text").text_content()
    assert f"«{RUSSIAN_QUOTE}»" in (text or ""), text  # the marks are shown as the agency wrote them
    quotes = await page.evaluate(QUOTES_ON_PAGE)
    [quote] = [q for q in quotes.values() if q["text"] == RUSSIAN_QUOTE]
    assert quote["speaker"] == "Дмитрий Песков", quote
    assert quote["colour"] not in ("rgba(0, 0, 0, 0)", "transparent"), quote
    await expect(page.locator("#quotes li", has_text=RUSSIAN_QUOTE).locator(".speaker")).to_have_text("Дмитрий Песков")
    panel_quote = page.locator("#quotes li", has_text=RUSSIAN_QUOTE).locator("q")
    assert (await panel_quote.evaluate("q => getComputedStyle(q).quotes")).startswith('"«" "»"')
    mentions = sorted(m["text"] for e in record["entities"] for m in e["mentions"])
    assert {"Дмитрий Песков", "Кремль"} <= set(mentions)
    assert sorted(await page.locator(".text .ent").all_text_contents()) == mentions
    peskov = page.locator(".text .ent-PERSON", has_text="Дмитрий Песков")
    await expect(peskov).to_have_attribute("title", "Дмитрий Песков (PERSON)")
    SCREENSHOT.parent.mkdir(exist_ok=True)
    await page.screenshot(path=SCREENSHOT.with_name("review-page-ru.png"))

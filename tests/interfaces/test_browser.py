"""End to end in a real browser: Debian's Chromium, headless, driven by Playwright against the
web app served by uvicorn on 127.0.0.1 (tests/conftest.py), at laptop and phone widths.

Screenshots go to $TIELINE_SCREENSHOTS (else a temporary folder); look at them after a change
to the templates or the stylesheet.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import WEB_TOKEN, LiveServer

LAPTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}

HOSTILE_PAGE = """<!doctype html>
<html><head><title>Japan &lt;script&gt;window.__pwned=1&lt;/script&gt; aids Cambodia</title>
<meta name="author" content="&lt;img src=x onerror=window.__pwned=2&gt;"></head>
<body><article><h1>Japan &lt;script&gt;window.__pwned=1&lt;/script&gt; aids Cambodia</h1>
<p>Japan &lt;img src=x onerror="window.__pwned=3"&gt; pledged new aid to Cambodia for rural
roads on Tuesday, the Japanese embassy in Phnom Penh said in a statement.</p>
<p>Cambodian Prime Minister Hun Manet thanked Japan for its long support of the Kingdom's
development and said the two countries would sign a loan agreement next month.</p>
</article></body></html>
"""


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport=LAPTOP)
    opened = context.new_page()
    dialogs: list[str] = []
    opened.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    opened.dialogs = dialogs
    yield opened
    context.close()


def shoot(page: Any, folder: Path, name: str) -> Path:
    path = folder / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def no_sideways_scroll(page: Any) -> bool:
    return bool(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"))


def test_pair_page_shows_the_ladder_and_leads_to_the_article(
    page: Any, live_server: LiveServer, screenshots: Path
):
    page.goto(live_server.url("/dyads/KHM/JPN"))
    ladder = page.locator("ol.ladder")
    assert ladder.get_by_text("Comprehensive Strategic Partnership").first.is_visible()
    assert page.locator("svg.chart rect").count() > 0
    assert page.locator("table.events tbody tr").count() > 5
    assert page.locator("table.events mark.trigger").count() > 0
    shoot(page, screenshots, "pair-laptop")
    link = page.locator("table.events td.evidence .src a[href^='/articles/']").first
    target = link.get_attribute("href")
    link.click()
    page.wait_for_url(re.compile(r"/articles/[0-9a-f]+#ev-"))
    assert page.url.endswith(target)
    event = page.locator(f"#{target.split('#')[1]}")
    assert event.is_visible()
    assert page.locator(".body .event-sentence").count() > 0
    assert page.locator(".body mark.actor").count() > 0
    event.get_by_role("link", name="in the text").click()
    assert page.evaluate("location.hash").startswith("#s-body-")
    shoot(page, screenshots, "article-laptop")


def test_home_and_country_pages(page: Any, live_server: LiveServer, screenshots: Path):
    page.goto(live_server.url("/"))
    assert page.get_by_role("heading", name="Most active pairs").is_visible()
    shoot(page, screenshots, "home-laptop")
    page.get_by_label("Search countries and actors").fill("japan")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"\?q=japan"))
    page.get_by_role("link", name=re.compile("^Japan")).first.click()
    page.wait_for_url(re.compile(r"/countries/JPN$"))
    assert page.locator("table.partners").get_by_text("Cambodia").first.is_visible()
    shoot(page, screenshots, "country-laptop")


def test_keyboard_reaches_the_content_first(page: Any, live_server: LiveServer):
    page.goto(live_server.url("/dyads/KHM/JPN"))
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused == "Skip to content"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"  # a visible focus ring
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('main') !== null")


@pytest.mark.parametrize("path", ["/", "/dyads/KHM/JPN", "/countries/KHM", "/ingest"])
def test_phone_width_has_no_sideways_scroll(
    browser: Any, live_server: LiveServer, screenshots: Path, path: str
):
    context = browser.new_context(viewport=PHONE, is_mobile=True, device_scale_factor=2)
    try:
        phone = context.new_page()
        phone.goto(live_server.url(path))
        assert no_sideways_scroll(phone), path
        name = path.strip("/").replace("/", "-") or "home"
        shoot(phone, screenshots, f"{name}-phone")
    finally:
        context.close()


def test_article_page_at_phone_width(browser: Any, live_server: LiveServer, screenshots: Path):
    context = browser.new_context(viewport=PHONE, is_mobile=True, device_scale_factor=2)
    try:
        phone = context.new_page()
        phone.goto(live_server.url("/dyads/KHM/JPN"))
        href = phone.locator("td.evidence .src a[href^='/articles/']").first.get_attribute("href")
        phone.goto(live_server.url(href.split("#")[0]))
        assert phone.locator(".body").is_visible()
        assert no_sideways_scroll(phone)
        shoot(phone, screenshots, "article-phone")
    finally:
        context.close()


def test_ingest_a_page_and_see_it_appear(
    page: Any, live_server: LiveServer, screenshots: Path, tmp_path: Path
):
    hostile = tmp_path / "japan-aid.html"
    hostile.write_text(HOSTILE_PAGE, encoding="utf-8")
    page.goto(live_server.url("/ingest"))
    page.get_by_label("Token").fill(WEB_TOKEN)
    page.get_by_label("Publication date").fill("2024-06-04")
    page.locator("#files").set_input_files(str(hostile))
    assert "japan-aid.html" in page.locator("#chosen").text_content()
    page.get_by_role("button", name="Ingest").click()
    stored = page.locator("#progress a[href^='/articles/']")
    stored.first.wait_for(timeout=60_000)
    # the stored article's link can appear a poll before the job reports itself done
    page.locator("#progress", has_text="done").wait_for(timeout=60_000)
    assert "done" in page.locator("#progress").text_content()
    assert "stored" in page.locator("#progress").text_content()
    shoot(page, screenshots, "ingest-laptop")
    stored.first.click()
    page.wait_for_url(re.compile(r"/articles/[0-9a-f]+$"))
    title = page.locator("h1").text_content()
    assert "<script>window.__pwned=1</script>" in title  # shown as text, not run
    assert page.evaluate("window.__pwned") is None
    assert page.locator("img").count() == 0
    assert page.dialogs == []
    shoot(page, screenshots, "ingested-article-laptop")
    page.goto(live_server.url("/api/articles?since=2024-06-01"))
    assert "aids Cambodia" in page.text_content("body")


def test_ingest_refuses_a_wrong_token_with_a_message(page: Any, live_server: LiveServer):
    page.goto(live_server.url("/ingest"))
    page.get_by_label("Token").fill("wrong")
    page.get_by_label("Page, feed or sitemap URLs").fill("https://example.org/story.html")
    page.get_by_role("button", name="Ingest").click()
    message = page.locator("#progress .outcome-failed")
    message.wait_for()
    assert "Bearer" in message.text_content()

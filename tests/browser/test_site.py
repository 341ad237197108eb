"""The built site: pages at their fixed URLs, nav, links, sitemap, 404.

Here: the built site in Chromium (tests/browser/). The same feature's other
layers: tests/site/test_site.py, tests/unit/test_site.py."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect


@pytest.mark.parametrize("scheme,expected", [("light", "default"), ("dark", "slate")])
def test_the_page_is_light_or_dark_as_the_device_is_and_follows_it_with_a_bold_title(browser, server, scheme, expected):
    context = browser.new_context(color_scheme=scheme)
    tab = context.new_page()
    tab.goto(server.root + "safety/")
    expect(tab.locator("body")).to_have_attribute("data-md-color-scheme", expected)
    # #35.9: the title bold, in the text's own colour (Material's light grey,
    # thin title read as a placeholder).
    title = tab.locator("article.md-content__inner h1")
    expect(title).to_have_css("font-weight", "700")
    expect(title).to_have_css("color", tab.evaluate(
        "getComputedStyle(document.querySelector('article.md-content__inner > p')).color"))
    tab.emulate_media(color_scheme="dark" if scheme == "light" else "light")
    expect(tab.locator("body")).to_have_attribute("data-md-color-scheme", "slate" if scheme == "light" else "default")
    context.close()

"""What a person does, in a real headless Chromium: browse by the nav and
find pages through search."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from sitebuild import PAGES


def test_reach_every_page_through_the_nav(page, server):
    page.goto(server.root)
    expect(page.locator("article.md-content__inner h1")).to_contain_text(PAGES[0][2])
    for url, label, h1 in PAGES[1:]:
        page.locator("nav.md-nav--primary").get_by_role("link", name=label, exact=True).click()
        expect(page).to_have_url(server.root + url)
        expect(page.locator("article.md-content__inner h1")).to_contain_text(h1)


def search(page, query: str):
    """Open Material's search, type the query, and return the result links."""
    box = page.locator("input.md-search__input")
    box.click()
    expect(box).to_be_focused()
    box.press_sequentially(query)  # keystrokes, as a person types
    results = page.locator("li.md-search-result__item > a.md-search-result__link")
    expect(results.first).to_be_visible()
    return results


@pytest.mark.parametrize("query,url", [("PTSD", "mental-health/"), ("consultation", "booking/")])
def test_search_finds_and_opens_the_page(page, server, query, url):
    page.goto(server.root)
    results = search(page, query)
    hit = results.filter(has=page.locator(f'xpath=self::a[contains(@href, "{url}")]')).first
    expect(hit).to_be_visible()
    hit.click()
    expect(page).to_have_url(re.compile(re.escape(server.root + url)))
    expect(page.locator("article.md-content__inner h1")).to_contain_text(dict((u, h) for u, _, h in PAGES)[url])


def test_search_highlights_the_query_on_the_page_it_opens(page, server):
    page.goto(server.root)
    search(page, "PTSD").first.click()
    expect(page).to_have_url(re.compile(r"/mental-health/\?h=ptsd"))
    expect(page.locator("article.md-content__inner mark").first).to_have_text(re.compile("PTSD"))


@pytest.mark.parametrize("width,shown", [(390, True), (1280, False)])
def test_the_list_of_sections_shows_on_a_phone_and_gives_way_to_the_table_of_contents(browser, server, width, shown):
    context = browser.new_context(viewport={"width": width, "height": 844})
    tab = context.new_page()
    tab.goto(server.root + "safety/")
    contents = tab.locator("article nav.page-contents")
    if shown:
        expect(contents).to_be_visible()
        contents.get_by_role("link", name="Monitoring").click()
        expect(tab).to_have_url(re.compile(r"/safety/#monitoring$"))
    else:
        expect(contents).to_be_hidden()
        expect(tab.locator(".md-sidebar--secondary nav.md-nav--secondary")).to_be_visible()
    context.close()

"""Readable and tappable (the first-minute issue, WCAG 2.2 2.5.8): on a
390 px phone, in every edition, every control that is not a link inside a
sentence is at least 24 x 24 px, footnote numbers included, and the crisis
and booking links at least 44 x 44 px."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from kbsite.editions import folder
from sitebuild import LANGUAGES, PHONE, ends_with_a_call_to_book

PREFIXES = ["" if code == LANGUAGES[0] else folder(code) + "/" for code in LANGUAGES]
# The heaviest page (footnotes), the home page and booking; and a topic
# page, with its button to book after the Key points (kb:book).
URLS = [prefix + url for prefix in PREFIXES for url in ("safety/", "", "booking/")] + ["physical-relief/"]

MEASURE = """() => {
  const on = el => { const r = el.getBoundingClientRect(), s = getComputedStyle(el);
    return r.width > 1 && r.height > 1 && s.visibility !== "hidden" && r.right > 0 && r.left < innerWidth; };
  const size = el => { const r = el.getBoundingClientRect(); return [Math.round(r.width), Math.round(r.height)]; };
  const name = el => (el.className || el.tagName) + " " + (el.textContent || "").trim().slice(0, 30);
  const controls = [...document.querySelectorAll('a[href], button, label[for], summary')]
    .filter(on)
    // A link inside a sentence may be as small as its text (2.5.8's exception).
    .filter(el => !el.matches('article :is(p, li, td, dd, figcaption) a:not(.footnote-ref, .md-button, .headerlink)'));
  return {
    small: controls.filter(el => { const [w, h] = size(el); return w < 24 || h < 24; }).map(el => [name(el), ...size(el)]),
    footnotes: [...document.querySelectorAll("a.footnote-ref")].filter(on).length,
    large: [...document.querySelectorAll(".crisis-bar__link, article .md-button--primary")].filter(on)
      .map(el => [name(el), ...size(el)]),
  };
}"""


@pytest.mark.parametrize("url", URLS, ids=lambda u: u or "home")
def test_every_control_is_big_enough_to_tap(shared_tab, server, url):
    tab = shared_tab(viewport=PHONE, is_mobile=True, has_touch=True)
    tab.goto(server.root + url, wait_until="networkidle")
    found = tab.evaluate(MEASURE)
    if url.endswith("safety/"):
        assert found["footnotes"] >= 20, "this test's assumption: the safety page's footnote numbers are measured"
    assert found["small"] == [], f"/{url}: smaller than 24 x 24 px: {found['small']}"
    # The crisis links, and the call to book unless the page ends without
    # one (Safety: no call to book right after the risks, #32).
    assert len(found["large"]) >= (3 if ends_with_a_call_to_book(url) else 2), found["large"]
    assert [c for c in found["large"] if c[1] < 44 or c[2] < 44] == [], f"/{url}: crisis and booking under 44 px"


@pytest.mark.parametrize("width", [360, 390])
@pytest.mark.parametrize("prefix", PREFIXES, ids=lambda p: p or "en")
def test_the_site_name_is_whole_and_skip_to_content_leaves_it_clear(shared_tab, server, prefix, width):
    tab = shared_tab(viewport={"width": width, "height": 844}, is_mobile=True, has_touch=True)
    tab.goto(server.root + prefix, wait_until="networkidle")
    name = tab.locator(".md-header__topic:first-child .md-ellipsis")
    whole = name.evaluate("e => e.scrollWidth <= e.clientWidth + 1 && e.scrollHeight <= e.clientHeight + 1")
    assert whole, f"/{prefix} at {width} px: the site's name is cut: {name.text_content()!r}"
    tab.keyboard.press("Tab")
    expect(tab.locator("a.md-skip")).to_be_focused()
    skip, title = tab.locator("a.md-skip").bounding_box(), name.bounding_box()
    apart = (skip["y"] >= title["y"] + title["height"] or skip["x"] >= title["x"] + title["width"]
             or skip["x"] + skip["width"] <= title["x"])
    assert apart, f"/{prefix}: Skip to content covers the site's name"


@pytest.mark.parametrize("edition", ["", "zh-hant/"])
def test_a_glossary_tooltip_is_at_the_body_size_in_its_weight(browser, server, edition):
    """Material draws them at 10 px bold; a reader in pain needs the body's
    size (at least 14 px) and weight, in Chinese above all."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.goto(server.root + edition + "safety/")
    term = tab.locator("article abbr[title]").first
    term.scroll_into_view_if_needed()
    term.hover()
    inner = tab.locator("[role=tooltip] > .md-tooltip2__inner").first
    expect(inner).to_be_visible()
    size, weight = inner.evaluate("e => [parseFloat(getComputedStyle(e).fontSize), getComputedStyle(e).fontWeight]")
    context.close()
    assert size >= 14 and weight == "400", (size, weight)

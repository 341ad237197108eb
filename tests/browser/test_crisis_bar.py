"""The crisis line (overrides/partials/crisis-bar.html): in the header on
every page of every edition, in that edition's language, one tap away on a
phone wherever the reader has scrolled, without JavaScript, with targets
of at least 44 x 44 px, its words wrapping rather than running together on
the narrowest phones (320 px); and the same line in the search panel
(tests/browser/test_search.py checks it there in every state).

Here: the built site in Chromium (tests/browser/). The same feature's other
layers: tests/site/test_crisis_bar.py, tests/unit/test_crisis_bar.py."""

from __future__ import annotations

import pytest

from sitebuild import LANGUAGES, LAYOUT_PAGES, PAGES
from crisis_bar_helpers import edition_prefix


# The line's markup is the same on every page of an edition, and its words
# are the edition's: each edition on the home page and the longest page
# (LAYOUT_PAGES) at each width, with and without JavaScript; every page of
# the first edition at the common phone width, for what a page's own
# content could do to the header.
LAYOUTS = [({"width": 390, "height": 844}, True), ({"width": 320, "height": 640}, True),
           ({"width": 360, "height": 740}, True), ({"width": 390, "height": 844}, False),
           ({"width": 360, "height": 740}, False)]
PHONE_RUNS = [(code, viewport, javascript, [url for url, _, _ in PAGES] if code == LANGUAGES[0] and index == 0
               else LAYOUT_PAGES) for code in LANGUAGES for index, (viewport, javascript) in enumerate(LAYOUTS)]


# What the checks below read of a page, in one call each (read element by
# element through Playwright, the same took about four times as long: a
# round trip each): the line's links (text, box, shown), its parts' boxes,
# how far each part's text runs out of its box, and how wide the page
# scrolls. Read at the top of the page, and again once scrolled to its end.
# (Without JavaScript the page's timers never run: the wait between the two
# is Playwright's, not the page's.)
MEASURE_JS = """() => {
    const bar = 'header.md-header > .crisis-bar';
    const box = e => { const r = e.getBoundingClientRect(); return {x: r.x, y: r.y, width: r.width, height: r.height}; };
    return {
        links: [...document.querySelectorAll(bar + ' a')].map(a => ({
            text: a.innerText, box: box(a),
            shown: a.checkVisibility({visibilityProperty: true}) && a.getClientRects().length > 0})),
        parts: [...document.querySelectorAll(bar + ' a, ' + bar + ' .crisis-bar__label')].map(e => ({
            text: e.innerText, box: box(e), overflow: e.scrollWidth - e.clientWidth})),
        pageWidth: document.documentElement.scrollWidth};
}"""


@pytest.mark.parametrize("code,viewport,javascript,urls", PHONE_RUNS,
                         ids=[f"{code}-{v['width']}{'' if js else '-no-js'}{'-every-page' if len(urls) > 2 else ''}"
                              for code, v, js, urls in PHONE_RUNS])
def test_on_a_phone_the_crisis_line_is_on_screen_and_tappable(shared_tab, server, code, viewport, javascript, urls):
    tab = shared_tab(viewport=viewport, has_touch=True, java_script_enabled=javascript)
    for url in urls:
        tab.goto(server.root + edition_prefix(code) + url)
        seen = {"top": tab.evaluate(MEASURE_JS)}
        tab.evaluate("window.scrollTo(0, document.body.scrollHeight)")
        tab.wait_for_timeout(50)
        seen["bottom"] = tab.evaluate(MEASURE_JS)
        for where, links in ((where, seen[where]["links"]) for where in ("top", "bottom")):
            assert links, f"{code}/{url} ({where}): no link in the crisis line"
            for link in links:
                box = link["box"]
                assert link["shown"] and box["width"] > 0, f"{code}/{url} ({where}): {link['text']} not shown"
                assert box["width"] >= 44 and box["height"] >= 44, f"{code}/{url}: {link['text']} is {box}"
                assert 0 <= box["y"] and box["y"] + box["height"] <= viewport["height"], f"{code}/{url} ({where}): {box}"
                assert 0 <= box["x"] and box["x"] + box["width"] <= viewport["width"], f"{code}/{url}: {box}"
        # One line: its parts side by side, never over each other (a part may
        # wrap its own words), each part's text inside its box, and the page
        # does not scroll sideways.
        last = seen["bottom"]
        boxes = [part["box"] for part in last["parts"]]
        assert len({round(b["y"] + b["height"] / 2) for b in boxes}) == 1, f"{code}/{url}: {boxes}"
        for left, right in zip(boxes, boxes[1:]):
            assert left["x"] + left["width"] <= right["x"], f"{code}/{url}: overlapping {boxes}"
        for part in last["parts"]:
            assert part["overflow"] <= 0, f"{code}/{url}: {part['text']!r} runs out of its box by {part['overflow']} px"
        assert last["pageWidth"] <= viewport["width"], f"{code}/{url}"


def test_a_section_link_lands_clear_of_the_header(browser, server):
    """Material measures the header for section links and the sidebars;
    the crisis line makes it taller, and a linked heading must still show."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True)
    tab = context.new_page()
    tab.goto(server.root + "safety/#who-should-not")
    tab.wait_for_timeout(300)
    header = tab.locator("header.md-header").bounding_box()
    heading = tab.locator("#who-should-not").bounding_box()
    assert heading["y"] >= header["y"] + header["height"], (heading, header)
    context.close()

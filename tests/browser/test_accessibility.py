"""WCAG 2.2 AA in a real browser: axe-core on every page, in both palettes,
at phone and desktop widths, and with the search dialog open; and a
keyboard-only journey from home to the booking button."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import TimeoutError as PlaywrightTimeout, expect

from settle import settle_animations
from kbsite.editions import folder
from sitebuild import TRANSLATIONS, edition_runs

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
# Rules we switch off, each with its reason. Keep this list short.
AXE_DISABLED_RULES: dict[str, str] = {}
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}

_axe = Axe()


def axe_violations(tab) -> list[str]:
    # axe measures colours as they are at that instant: a tooltip half-way
    # through its fade-in has a faded colour no one reads.
    settle_animations(tab)
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS},
               "rules": {rule: {"enabled": False} for rule in AXE_DISABLED_RULES},
               "resultTypes": ["violations"]}
    results = _axe.run(tab, options=options)
    return [f"{v['id']} ({v['impact']}): {v['help']} -> "
            + "; ".join(" ".join(node["target"]) for node in v["nodes"][:5])
            for v in results.response["violations"]]


@pytest.fixture(params=["light", "dark"])
def scheme(request):
    return request.param


@pytest.fixture(params=list(VIEWPORTS))
def viewport(request):
    return VIEWPORTS[request.param]


# The first edition's layout pages in both palettes at both widths, its
# other pages in both palettes on a phone (a desktop lays out the same
# markup in the same colours; its layout is checked on the layout pages),
# each translation's layout pages on a phone in the light palette (its
# markup and colours are its English page's; what is its own is its words
# and their language), and the 404 page (GitHub Pages serves the root's for
# a missing /es/ address too).
COMBINATIONS = [(scheme, width) for width in VIEWPORTS for scheme in ("light", "dark")]
ON_A_PHONE = [(scheme, width) for scheme, width in COMBINATIONS if width == "phone"]
RUNS = edition_runs(COMBINATIONS, every_page=ON_A_PHONE, translations=[("light", "phone")]) + [
    ("no-such-page/", c) for c in COMBINATIONS] + [
    (folder(code) + "/no-such-page/", COMBINATIONS[0]) for code in TRANSLATIONS]


@pytest.mark.parametrize("url,scheme,viewport", [(url, s, VIEWPORTS[w]) for url, (s, w) in RUNS],
                         ids=[f"{s}-{w}-{url}" for url, (s, w) in RUNS])
def test_axe_finds_no_violations(shared_tab, server, url, scheme, viewport):
    tab = shared_tab(viewport=viewport, color_scheme=scheme)
    tab.goto(server.root + url)
    expect(tab.locator("body")).to_have_attribute("data-md-color-scheme", "slate" if scheme == "dark" else "default")
    violations = axe_violations(tab)
    assert not violations, "\n".join(violations)


def test_axe_with_the_search_dialog_open(browser, server, scheme, viewport):
    context = browser.new_context(viewport=viewport, color_scheme=scheme)
    tab = context.new_page()
    tab.goto(server.root)
    tab.locator('label.md-header__button[for="__search"], input.md-search__input').locator("visible=true").first.click()
    box = tab.locator("input.md-search__input")
    expect(box).to_be_focused()
    box.press_sequentially("ketamine pain")
    expect(tab.locator("li.md-search-result__item").first).to_be_visible()
    violations = axe_violations(tab)
    context.close()
    assert not violations, "\n".join(violations)


FOCUS_VISIBLE_JS = """() => {
    let el = document.activeElement;
    if (!el || el === document.body) return false;
    // Material's palette radio is visually hidden; the label after it shows the focus.
    if (el.getBoundingClientRect().width === 0 && el.nextElementSibling?.tagName === "LABEL")
        el = el.nextElementSibling;
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow && style.boxShadow !== 'none';
    const rect = el.getBoundingClientRect();
    return (outline || shadow) && rect.width > 0 && rect.height > 0;
}"""


def _focused_is_visible(tab) -> bool:
    """The focused element shows a visible focus indicator (outline or box-shadow),
    allowing up to 2 s for transitions and for scripts that move focus."""
    try:
        tab.wait_for_function(FOCUS_VISIBLE_JS, timeout=2000)
        return True
    except PlaywrightTimeout:
        return False


def _wait_until_still(tab, quiet_ms: int = 400) -> None:
    """Wait until the page stops changing, as a person waits for it to respond.
    (Material rewrites parts of the page after an in-page jump: it removes the
    search highlight and its tooltips. Tabbing during that rewrite can land on
    a node that is being replaced.)"""
    tab.evaluate("""quiet => new Promise(resolve => {
        let timer = setTimeout(done, quiet);
        const observer = new MutationObserver(() => { clearTimeout(timer); timer = setTimeout(done, quiet); });
        function done() { observer.disconnect(); resolve(); }
        observer.observe(document.body, {childList: true, subtree: true, attributes: true});
    })""", quiet_ms)


def _tab_until(tab, selector_js: str, limit: int = 60) -> None:
    """Press Tab until the focused element matches; focus must be visible at every step."""
    for _ in range(limit):
        tab.keyboard.press("Tab")
        assert _focused_is_visible(tab), "focus not visible on " + tab.evaluate(
            "document.activeElement.outerHTML.slice(0, 120)")
        if tab.evaluate(f"document.activeElement.matches({selector_js!r})"):
            return
    raise AssertionError(f"Tab never reached {selector_js}")


def test_keyboard_only_journey_to_booking(browser, server, config):
    context = browser.new_context(viewport=VIEWPORTS["desktop"])
    tab = context.new_page()
    tab.goto(server.root)
    # 1. The first Tab reaches the skip link, which shows.
    tab.keyboard.press("Tab")
    skip = tab.locator("a.md-skip")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    assert _focused_is_visible(tab)
    # 2. Tab on to the search box and search for booking.
    _tab_until(tab, "input.md-search__input")
    tab.keyboard.type("book a consultation")
    expect(tab.locator("li.md-search-result__item").first).to_be_visible()
    _wait_until_still(tab)  # results render as each letter is typed; wait for the last
    # 3. Arrow down through the results to the booking page, and open it.
    for _ in range(10):
        tab.keyboard.press("ArrowDown")
        if "booking/" in tab.evaluate("document.activeElement.getAttribute('href') || ''"):
            break
    assert "booking/" in tab.evaluate("document.activeElement.getAttribute('href') || ''"), \
        "the booking page is among the first results"
    assert _focused_is_visible(tab)
    tab.keyboard.press("Enter")
    expect(tab.locator("article.md-content__inner h1")).to_contain_text("Book a consultation")
    # 4. On the booking page the skip link jumps past the header and nav.
    tab.keyboard.press("Tab")
    if not tab.evaluate("document.activeElement.matches('a.md-skip')"):
        tab.goto(tab.url)  # instant navigation keeps focus where it was; start the page afresh
        tab.keyboard.press("Tab")
    # Material marks the search words in the page once it has loaded the index, rewriting
    # the text (and dropping focus inside it); a reader sees that happen before tabbing on.
    expect(tab.locator("article.md-content__inner mark").first).to_be_attached()
    expect(tab.locator("a.md-skip")).to_be_focused()
    tab.keyboard.press("Enter")
    assert tab.evaluate("location.hash") == "#booking"
    _wait_until_still(tab)
    # 5. Tab to the booking button, focus visible at every step, and press it.
    _tab_until(tab, "a.clinic-contact__book")
    website = config["extra"]["clinic"]["website"]
    tab.route(website, lambda route: route.fulfill(body="the clinic's website"))
    with tab.expect_navigation(url=website):
        tab.keyboard.press("Enter")
    context.close()


def test_the_closed_search_panel_is_out_of_the_tab_order(browser, server):
    """Material leaves the results' scroll area focusable while the panel is
    closed and unseen; extra.css hides it, so Tab never lands on nothing."""
    context = browser.new_context(viewport=VIEWPORTS["desktop"])
    tab = context.new_page()
    tab.goto(server.root)
    focusable = "() => { const el = document.querySelector('.md-search__scrollwrap'); el.focus(); return document.activeElement === el; }"
    assert tab.evaluate(focusable) is False, "closed: the scroll area takes focus"
    tab.locator("input.md-search__input").click()
    tab.keyboard.type("ketamine")
    expect(tab.locator("li.md-search-result__item").first).to_be_visible()
    assert tab.evaluate(focusable) is True, "open: the results can be scrolled from the keyboard"
    context.close()

"""kbsite/postbuild/unused_css.py: Material's stylesheet, trimmed to what the
site uses: the trimming on small stylesheets, and the proof that matters:
in Chromium, every element of every page (and the search dialog with
results) has the same computed style with the trimmed file as with
Material's whole file.

Here: the built site in Chromium (tests/browser/). The same feature's other
layers: tests/site/test_unused_css.py, tests/unit/test_unused_css.py."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect
from settle import settle_animations
from sitebuild import MATERIAL_CSS, edition_runs


# Every element's computed style, and its ::before and ::after, as one
# string; then the same with Material's whole stylesheet swapped in; the
# differences (at most 20) come back. Custom properties (--md-...) are
# skipped: unread ones are meant to go, and read ones show in what reads them.
# The properties are read by name, from one list of every standard property
# (the same for every element and pseudo-element), and each box's values
# joined into one string, compared whole and split only where they differ:
# walking each style's own list (every custom property Material sets on
# :root included) and comparing value by value made this about 2.5 times
# slower, over a second a page.
# Every <details> is opened first: its content's styles are compared too,
# and Chrome skips layout inside a closed one (sizes there read 0px at
# random until something forces a layout). The same elements both times:
# search, getting ready when opened or once the page is quiet (not in the
# shared tab, whose connection asks to save data), adds its scripts to
# <head>, which would shift every element after them by one.
COMPARE_JS = """async original => {
    document.querySelectorAll('details').forEach(details => { details.open = true; });
    const elements = [...document.querySelectorAll('*')];
    const names = [...getComputedStyle(document.documentElement)].filter(name => !name.startsWith('--'));
    const snapshot = () => elements.flatMap(el =>
        [null, '::before', '::after'].map(pseudo => {
            const style = getComputedStyle(el, pseudo);
            const values = pseudo && style.content === 'none' ? 'content:none'   // no such box
                : names.map(name => style.getPropertyValue(name)).join('\\n');
            return [el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className && el.className.baseVal === undefined ? '.' + el.className.trim().split(/\\s+/).join('.') : '') + (pseudo || ''), values];
        }));
    const link = document.querySelector('link[rel=stylesheet][href*="assets/stylesheets/main."]');
    const before = snapshot();
    const trimmedRules = link.sheet.cssRules.length;
    await new Promise((resolve, reject) => { link.onload = resolve; link.onerror = reject; link.href = original; });
    const after = snapshot();
    const diffs = [];
    before.forEach(([name, values], i) => {
        const other = after[i][1];
        if (values === other || diffs.length >= 20) return;
        if (values === 'content:none' || other === 'content:none') { diffs.push(name + ' ' + values.slice(0, 80) + ' | whole file: ' + other.slice(0, 80)); return; }
        const mine = values.split('\\n'), whole = other.split('\\n');
        names.forEach((prop, j) => { if (mine[j] !== whole[j] && diffs.length < 20) diffs.push(name + ' ' + prop + ':' + mine[j] + ' | whole file: ' + prop + ':' + whole[j]); });
    });
    return {diffs, elements: before.length, trimmedRules, originalRules: link.sheet.cssRules.length};
}"""


def _compare(tab) -> dict:
    settle_animations(tab)
    result = tab.evaluate(COMPARE_JS, "__material-whole-main.css")
    # The comparison saw a real page and Material's whole file did load.
    assert result["elements"] > 300 and result["originalRules"] > result["trimmedRules"], result
    return result


def whole_stylesheets(site) -> bytes:
    """What the pages would load untrimmed: Material's whole main.css, then
    the palette and extra.css the hook appends (their files stay in the site)."""
    styles = site / "assets" / "stylesheets"
    [palette] = styles.glob("palette.*.min.css")
    return b"\n".join([MATERIAL_CSS.read_bytes(), palette.read_bytes(), (styles / "extra.min.css").read_bytes()])


def _serve_whole_material_css(context, site) -> None:
    whole = whole_stylesheets(site)
    context.route("**/__material-whole-main.css",
                  lambda route: route.fulfill(body=whole, content_type="text/css"))


def _tab_with_whole_material_css(browser, site, scheme):
    context = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme=scheme)
    _serve_whole_material_css(context, site)
    return context, context.new_page()


@pytest.fixture(params=["light", "dark"])
def tab_with_whole_material_css(browser, server, site, request):
    context, tab = _tab_with_whole_material_css(browser, site, request.param)
    yield tab
    context.close()


# Every page of the first edition, each translation's layout pages
# (edition_runs): one stylesheet per edition, trimmed by the words of all
# its pages, and a translation's markup is its English page's. The other
# pages of the first edition in the light palette only: trimming touches
# Material's main.css alone, whose rules apply in both palettes but for a
# few on [data-md-color-scheme=default] (light); the dark palette's rules
# (palette.css) are not trimmed. The first edition's layout pages check
# both; a translation's are checked in the light palette, with its own
# stylesheet, trimmed by its own words.
RUNS = edition_runs(["light", "dark"], every_page=["light"], translations=["light"])


@pytest.mark.parametrize("url,scheme", RUNS, ids=[f"{s}-{u}" for u, s in RUNS])
def test_every_element_looks_the_same_as_with_materials_whole_stylesheet(shared_tab, server, site, url, scheme):
    tab = shared_tab(viewport={"width": 390, "height": 844}, color_scheme=scheme,
                     prepare=lambda context: _serve_whole_material_css(context, site))
    tab.goto(server.root + url)
    result = _compare(tab)
    assert not result["diffs"], f"/{url}: computed styles differ:\n" + "\n".join(result["diffs"])


def test_the_search_dialog_with_results_looks_the_same(tab_with_whole_material_css, server):
    tab = tab_with_whole_material_css
    tab.goto(server.root)
    tab.locator('label.md-header__button[for="__search"]').click()
    tab.locator("input.md-search__input").press_sequentially("ketamine pain")
    expect(tab.locator("li.md-search-result__item").first).to_be_visible()
    # On a phone, Material locks the page's scrolling once the dialog is open.
    expect(tab.locator("body")).to_have_attribute("data-md-scrolllock", "")
    result = _compare(tab)
    assert not result["diffs"], "search dialog: computed styles differ:\n" + "\n".join(result["diffs"])

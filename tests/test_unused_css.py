"""kbsite/postbuild/unused_css.py: Material's stylesheet, trimmed to what the
site uses. Unit tests of the trimming on small stylesheets, then the proof
that matters: in Chromium, every element of every page (and the search
dialog with results) has the same computed style with the trimmed file as
with Material's whole file."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from settle import settle_animations
from sitebuild import edition_runs

import material
from kbsite.postbuild import unused_css

MATERIAL_CSS = next((Path(material.__file__).parent / "templates" / "assets" / "stylesheets").glob("main.*.min.css"))


# ---- Unit tests -------------------------------------------------------------

def test_keeps_rules_whose_classes_are_used_and_drops_the_rest():
    css = ".a{color:red}.a .b{color:blue}.c{color:green}#d{top:0}[data-x]{left:0}[data-y=z]{left:1px}p{margin:0}"
    assert unused_css.trim(css, {"a", "d", "data-y"}) == ".a{color:red}#d{top:0}[data-y=z]{left:1px}p{margin:0}"


def test_a_selector_list_keeps_only_the_selectors_that_can_match():
    assert unused_css.trim(".a,.b,p{color:red}", {"a"}) == ".a,p{color:red}"


def test_not_never_removes_a_rule_and_is_needs_one_alternative():
    css = ".a:not(.unused){color:red}.a :is(.b,.unused){color:blue}.a :is(.x,.y){color:green}"
    assert unused_css.trim(css, {"a", "b"}) == ".a:not(.unused){color:red}.a :is(.b,.unused){color:blue}"


def test_media_blocks_are_trimmed_and_dropped_when_empty():
    css = "@media print{.a{color:red}.b{color:blue}}@media screen{.b{color:blue}}@keyframes k{0%{opacity:0}}"
    assert unused_css.trim(css, {"a"}) == "@media print{.a{color:red}}@keyframes k{0%{opacity:0}}"


def test_custom_properties_nothing_reads_are_dropped_with_their_chains():
    css = (":root{--icon:url('data:image/svg+xml;charset=utf-8,<svg/>');--used:1px;--chain:var(--icon);"
           "--js:2}.a{margin:var(--used)}.gone{mask-image:var(--chain)}")
    assert unused_css.trim(css, {"a"}, read_elsewhere={"--js"}) == ":root{--used:1px;--js:2}.a{margin:var(--used)}"


def test_a_custom_property_stays_while_any_reader_stays():
    # --base is read by --gone (unread, so dropped) and by --kept (read by .a).
    css = ":root{--base:1px;--gone:var(--base);--kept:var(--base)}.a{margin:var(--kept)}"
    assert unused_css.drop_unread_custom_properties(css, set()) == ":root{--base:1px;--kept:var(--base)}.a{margin:var(--kept)}"
    # Two that read each other and nothing else reads: kept, as each is read.
    loop = ":root{--x:var(--y);--y:var(--x)}"
    assert unused_css.drop_unread_custom_properties(loop, set()) == loop


def test_escaped_selectors_are_kept_rather_than_guessed():
    assert unused_css.trim(r".\31 0{color:red}", set()) == r".\31 0{color:red}"


# ---- The built site ---------------------------------------------------------

def test_a_component_that_needs_page_markup_keeps_its_rules_only_where_a_page_has_it():
    """Material's bundle names content tabs' classes whether or not a page
    has tabs; only a page's own markup keeps their rules."""
    css = ".tabbed-set{a:1}.tabbed-labels{b:2}.md-search{c:3}"
    scripts = 'e.classList.add("tabbed-labels","md-search")'
    assert unused_css.trim(css, unused_css.words_in("<p>text</p>", scripts)) == ".md-search{c:3}"
    assert unused_css.trim(css, unused_css.words_in('<div class="tabbed-set"><div class="tabbed-labels">', scripts)) == css
    # This test's assumption: Material's bundle does name them.
    bundle = next((MATERIAL_CSS.parents[1] / "javascripts").glob("bundle.*.min.js")).read_text(encoding="utf-8")
    assert all(word in bundle for word in ("tabbed-labels", "md-annotation", "md-code__nav", "md-version"))


def test_pages_link_one_stylesheet_trimmed_and_smaller(site, pages):
    trimmed = list((site / "assets" / "stylesheets").glob("main.*.min.css"))
    assert len(trimmed) == 1 and trimmed[0].name != MATERIAL_CSS.name
    assert len(trimmed[0].read_bytes()) < 0.8 * len(MATERIAL_CSS.read_bytes())
    for url, soup in pages.items():
        # One stylesheet request: Material's trimmed, with the palette and ours appended.
        hrefs = [link["href"] for link in soup.select('link[rel="stylesheet"]')]
        assert [h.rsplit("/", 1)[-1] for h in hrefs] == [trimmed[0].name], url
    styles = site / "assets" / "stylesheets"
    [palette] = styles.glob("palette.*.min.css")
    combined = trimmed[0].read_text(encoding="utf-8")
    assert combined.endswith(palette.read_text(encoding="utf-8") + "\n" + (styles / "extra.min.css").read_text(encoding="utf-8"))


# Every element's computed style, and its ::before and ::after, as one
# string; then the same with Material's whole stylesheet swapped in; the
# differences (at most 20) come back. Custom properties (--md-...) are
# skipped: unread ones are meant to go, and read ones show in what reads them.
# Every <details> is opened first: its content's styles are compared too,
# and Chrome skips layout inside a closed one (sizes there read 0px at
# random until something forces a layout). The same elements both times:
# search, getting ready once the page is quiet, adds its scripts to <head>
# between the two, which shifted every element after them by one.
COMPARE_JS = """async original => {
    document.querySelectorAll('details').forEach(details => { details.open = true; });
    const elements = [...document.querySelectorAll('*')];
    const snapshot = () => elements.flatMap(el =>
        [null, '::before', '::after'].map(pseudo => {
            const style = getComputedStyle(el, pseudo);
            const props = [];
            if (pseudo && style.content === 'none') props.push('content:none');  // no such box
            else for (let i = 0; i < style.length; i++)
                if (!style[i].startsWith('--')) props.push(style[i] + ':' + style.getPropertyValue(style[i]));
            return [el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className && el.className.baseVal === undefined ? '.' + el.className.trim().split(/\\s+/).join('.') : '') + (pseudo || ''), props];
        }));
    const link = document.querySelector('link[rel=stylesheet][href*="assets/stylesheets/main."]');
    const before = snapshot();
    const trimmedRules = link.sheet.cssRules.length;
    await new Promise((resolve, reject) => { link.onload = resolve; link.onerror = reject; link.href = original; });
    const after = snapshot();
    const diffs = [];
    before.forEach(([name, props], i) => {
        const other = after[i][1];
        props.forEach((p, j) => { if (p !== other[j] && diffs.length < 20) diffs.push(name + ' ' + p + ' | whole file: ' + other[j]); });
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

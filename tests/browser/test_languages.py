"""The site in every language (kbsite/editions.py, the adapter's Editions and
kbsite/translation_status.py): the configuration and its messages, the
built editions' HTML, and what a reader does in Chromium.

The language-neutral checks (axe, CSP, budgets, no JavaScript, print QR
codes, computed styles, forms) run on every edition's pages through
sitebuild.EDITION_URLS in their own test files.

Here: the built site in Chromium (tests/browser/). The same feature's other
layers: tests/projects/test_languages.py, tests/site/test_languages.py,
tests/unit/test_languages.py."""

from __future__ import annotations

import re
import subprocess
import unicodedata
import pytest
from playwright.sync_api import expect
from sitebuild import LANGUAGES, ROOT, TRANSLATIONS, require_tool, switch_language
from kbsite.editions import folder
from languages_helpers import spanish_last_reviewed


@pytest.mark.parametrize("url", ["", "safety/", "es/", "es/safety/"])
def test_no_page_asks_for_a_sitemap(browser, server, url):
    """Material's language selector would ask for the sitemap beside every
    hreflang link (a 404 page beside most of them); nothing on our pages
    needs one (partials/alternate-sitemaps.html)."""
    context = browser.new_context()
    tab = context.new_page()
    requests = []
    tab.on("request", lambda r: requests.append(r.url))
    tab.goto(server.root + url, wait_until="networkidle")
    context.close()
    assert [u for u in requests if "sitemap" in u] == []


def test_switching_language_keeps_the_page_and_the_section(page, server):
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(server.root)
    # To a page, then to a section of it.
    page.locator("nav.md-nav--primary").get_by_role("link", name="Safety", exact=True).click()
    expect(page).to_have_url(server.root + "safety/")
    page.locator("article a[href$='#misuse']").first.click()
    expect(page).to_have_url(re.compile(r"/safety/#misuse$"))
    switch_language(page, "es")
    expect(page).to_have_url(server.root + "es/safety/#misuse")
    expect(page.locator("html")).to_have_attribute("lang", "es")
    expect(page.locator("article.md-content__inner h1")).to_contain_text("Seguridad")
    # Within the Spanish edition, then back to English.
    page.locator("nav.md-nav--primary").get_by_role("link", name="Qué esperar", exact=True).click()
    expect(page).to_have_url(server.root + "es/what-to-expect/")
    expect(page.locator("article.md-content__inner h1")).to_contain_text("Qué esperar")
    switch_language(page, "en")
    expect(page).to_have_url(server.root + "what-to-expect/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    # Material's language selector would fetch a sitemap beside every
    # hreflang link (a 404 page); none is sent.
    assert [u for u in requests if u.endswith("sitemap.xml")] == []


@pytest.mark.parametrize("width", [390, 1280])
def test_the_switch_keeps_the_section_scrolled_to_with_or_without_a_hash(browser, server, width):
    context = browser.new_context(viewport={"width": width, "height": 844})
    tab = context.new_page()
    # No # in the address: the reader scrolled to a section.
    tab.goto(server.root + "safety/")
    tab.locator("article h2#misuse").evaluate("h => window.scrollTo(0, h.getBoundingClientRect().top + scrollY - 150)")
    switch_language(tab, "es")
    expect(tab).to_have_url(server.root + "es/safety/#misuse")
    # A # from a link followed, then further reading: where the reader is wins.
    tab.goto(server.root + "es/safety/#misuse")
    tab.locator("article h2#references").evaluate("h => window.scrollTo(0, h.getBoundingClientRect().top + scrollY - 150)")
    switch_language(tab, "en")
    expect(tab).to_have_url(server.root + "safety/#references")
    # At the top of the page: the other page's top.
    tab.goto(server.root + "safety/#misuse")
    tab.evaluate("window.scrollTo(0, 0)")
    switch_language(tab, "es")
    expect(tab).to_have_url(server.root + "es/safety/")
    context.close()


@pytest.mark.parametrize("width", [360, 1280])
def test_the_language_switch_comes_early_in_tab_order(browser, server, width):
    """The usability review: it came after the whole menu and table of
    contents. Now it is in the header, before search; the keyboard reaches
    it before any link of the menu or the table of contents, and its name is
    the language's name in that language, on the narrowest phone too."""
    context = browser.new_context(viewport={"width": width, "height": 800})
    tab = context.new_page()
    tab.goto(server.root + "safety/")
    reached = []
    for _ in range(12):
        tab.keyboard.press("Tab")
        reached.append(tab.evaluate("""() => { const e = document.activeElement;
            return e.closest('.language-switch') ? 'switch' : e.closest('.md-sidebar') ? 'sidebar' : e.tagName; }"""))
        if reached[-1] == "switch":
            break
    assert reached[-1] == "switch" and "sidebar" not in reached, reached
    # What the keyboard reached: with two languages the other's chip, named
    # in its own language; with more, the menu's button, which names the
    # page's language.
    control = tab.locator(".language-switch :is(summary, a)").first
    expect(control).to_be_focused()
    expect(control).to_be_visible()
    expect(control).to_have_accessible_name("Español" if len(LANGUAGES) == 2 else re.compile(r"\bEnglish\b"))
    assert control.bounding_box()["height"] >= 24 and control.bounding_box()["width"] >= 24
    if len(LANGUAGES) > 2:   # the menu opens from the keyboard and lists every other language by its own name
        tab.keyboard.press("Enter")
        names = {code: tab.locator(f".language-switch a[hreflang={code}]") for code in TRANSLATIONS}
        for code, link in names.items():
            expect(link).to_be_visible()
            assert link.bounding_box()["height"] >= 24
    context.close()


@pytest.mark.parametrize("width", [320, 390, 1280, 1920])
def test_the_open_language_menu_leaves_the_crisis_line_uncovered_and_looks_like_a_menu(browser, server, width):
    """The usability review: open, the menu covered "Envíe AYUDA al 988".
    It now opens below the header's crisis line, whose links stay on top at
    every width; and its button carries an arrow, so it reads as a way to
    change the language, not a label."""
    if len(LANGUAGES) < 3:
        pytest.skip("two languages: a link, not a menu")
    context = browser.new_context(viewport={"width": width, "height": 800}, has_touch=width < 1000)
    tab = context.new_page()
    tab.goto(server.root + "es/safety/")
    summary = tab.locator(".language-switch__menu > summary")
    arrow = summary.evaluate("e => getComputedStyle(e, '::after').borderTopWidth")
    assert float(arrow.removesuffix("px")) > 0, "the button has an arrow"
    summary.click()
    listed = tab.locator(".language-switch__list")
    expect(listed).to_be_visible()
    # Under its button, not across the screen from it.
    button, box = summary.bounding_box(), listed.bounding_box()
    assert box["x"] < button["x"] + button["width"] and box["x"] + box["width"] > button["x"] - 200, (button, box)
    covered = tab.evaluate("""() => [...document.querySelectorAll('header.md-header > .crisis-bar a')].map(a => {
        const r = a.getBoundingClientRect();
        const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return a.contains(top) ? null : a.textContent.trim();
    }).filter(Boolean)""")
    context.close()
    assert covered == [], f"at {width} px the open menu covers {covered}"


def _cjk_families() -> set[str]:
    """The font families fontconfig has for Traditional Chinese (Debian's
    fonts-noto-cjk, which `make system` installs): the site loads no web fonts."""
    fc_list = require_tool("fc-list", "so the fonts for Chinese cannot be checked")
    listed = subprocess.run([fc_list, ":lang=zh-tw", "family"], capture_output=True, text=True, check=True).stdout
    return {family.strip() for line in listed.splitlines() for family in line.split(",") if family.strip()}


@pytest.mark.parametrize("code", [c for c in TRANSLATIONS if c.lower().startswith("zh")])
def test_chinese_shows_as_text_in_a_chinese_font_not_as_boxes(browser, server, code):
    """Every character of the page's title and first key point is drawn
    by a font that has Chinese, as Chromium reports the fonts it used."""
    families = _cjk_families()
    assert families, "no font for Chinese: install Debian's fonts-noto-cjk (`make system` does)"
    context = browser.new_context(viewport={"width": 390, "height": 844})
    tab = context.new_page()
    tab.goto(server.root + folder(code) + "/safety/")
    cdp = context.new_cdp_session(tab)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    for selector in ("article h1", ".key-points li"):
        node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
        text = tab.locator(selector).first.inner_text()
        fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
        han = len(re.findall(r"[\u3400-\u9fff]", text))
        drawn = sum(f["glyphCount"] for f in fonts if f["familyName"] in families)
        assert han and drawn >= han, f"{selector}: {han} Chinese characters, {drawn} drawn by a Chinese font: {fonts}"
    context.close()


def test_searching_a_spanish_page_finds_spanish_pages_only(page, server):
    from search_runner import open_search, search

    page.goto(server.root + "es/")
    open_search(page)
    outcome = search(page, server.root + "es/", "ketamina")
    assert outcome.links and all(link.startswith(server.root + "es/") for link in outcome.links), outcome.links
    expect(page.locator(".md-search-result__meta")).not_to_contain_text("Inicializando")
    # Material's own words in Spanish (theme.language: es), not English.
    assert page.locator("input.md-search__input").get_attribute("placeholder") not in ("", "Search")
    expect(page.locator("html")).to_have_attribute("lang", "es")


def test_a_spanish_handout_prints_in_spanish_with_its_own_address(page, server, config):
    import io

    from pypdf import PdfReader

    page.goto(server.root + "es/pain-overlap/")
    page.emulate_media(media="print")
    expect(page.locator("nav.language-switch")).to_be_hidden()
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in pdf.pages))
    assert config["site_url"] + "es/pain-overlap/" in text.replace(" ", "")
    assert spanish_last_reviewed("pain-overlap") in text
    assert "Esta página es una traducción" in text   # a handout says it is a translation
    assert "La página en inglés es la referencia" not in text, "without the link to the English page"
    # The crisis line on the first page (the footer's is on the last).
    assert "¿Está en crisis?" in re.sub(r"\s+", " ", pdf.pages[0].extract_text())
    assert "¿Está en crisis? Llame o envíe un mensaje de texto al 988" in text
    for chrome in ("¿Quiere saber si", "Copiar enlace", "Page last reviewed"):
        assert chrome not in text, chrome


@pytest.mark.parametrize("code", [c for c in TRANSLATIONS if c != "es"])
def test_every_other_translation_prints_in_its_language_with_its_own_address(page, server, config, code):
    """As the Spanish handout, in the edition's words (its interface.yml):
    its own address, its review date label, the translation note and the
    crisis line, and none of the English chrome."""
    import io

    from pypdf import PdfReader

    from kbsite.editions import load_interface

    words = load_interface(ROOT / "includes" / folder(code) / "interface.yml")
    page.goto(server.root + folder(code) + "/pain-overlap/")
    page.emulate_media(media="print")
    expect(page.locator("nav.language-switch")).to_be_hidden()
    pdf = PdfReader(io.BytesIO(page.pdf(format="Letter")))
    # NFKC: the Chinese font's map gives some characters as their Kangxi
    # radicals (⾴ for 頁), which NFKC writes as the characters themselves.
    text = unicodedata.normalize("NFKC", "".join(p.extract_text() for p in pdf.pages))
    flat = re.sub(r"\s+", "", text)
    expected = lambda words: re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(words)))  # noqa: E731
    assert config["site_url"] + folder(code) + "/pain-overlap/" in flat
    for key in ("Page last reviewed:", "This page is a translation.", "Crisis?"):
        assert expected(words[key]) in flat, key
    # A handout keeps the translation note, without its link to the English page.
    assert expected(words["The English page is the reference:"]) not in flat
    crisis = str(words["In crisis? Call or text {988} (Suicide & Crisis Lifeline). In an emergency, call {911}."])
    assert expected(crisis.split("{988}")[0]) in flat
    for chrome in ("Page last reviewed", "Copy link", "Want to know if"):
        assert chrome not in text, chrome

"""The site in every language (kbsite/editions.py, the adapter's Editions and
kbsite/translation_status.py): unit tests on small fixtures, checks of
the built editions' HTML, and what a reader does in Chromium.

The language-neutral checks (axe, CSP, budgets, no JavaScript, print QR
codes, computed styles, forms) run on every edition's pages through
sitebuild.EDITION_URLS in their own test files."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import unicodedata
import sys
from collections import Counter
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urljoin

import pytest
import yaml
from bs4 import BeautifulSoup
from kbsite.errors import SiteError
from playwright.sync_api import expect

import kbsite.editions
from kbsite import translation_status
from kbsite.front_matter import validate
from sitebuild import require_tool
from sitebuild import LANGUAGES, PAGES, ROOT, TRANSLATIONS, build, copy_project, page_meta, switch_language
from kbsite.editions import folder

URLS = [url for url, _, _ in PAGES]


def _config(language="en", site_url="https://example.org/kb/", entries=None, interface=None):
    """The parts of a MkDocs config the languages hook reads."""
    entries = entries if entries is not None else [
        {"code": "en", "name": "English", "locale": "en_US"}, {"code": "es", "name": "Español", "locale": "es_US"}]
    config = SimpleNamespace(extra={"languages": entries, "interface": interface or {}}, theme={"language": language},
                             site_url=site_url, config_file_path=str(ROOT / "mkdocs.yml"))
    return config


# ---- Unit tests of the hooks -------------------------------------------------------

def test_each_language_gets_its_address_from_the_build_it_is_in():
    english = _config()
    kbsite.editions.languages(english)
    assert [(kbsite.editions.edition_path(english, e), kbsite.editions.edition_url(english, e))
            for e in english.extra["languages"]] == [("", "https://example.org/kb/"), ("es/", "https://example.org/kb/es/")]
    spanish = _config("es", "https://example.org/kb/es/")
    kbsite.editions.languages(spanish)
    assert [kbsite.editions.edition_url(spanish, e) for e in spanish.extra["languages"]] == [
        "https://example.org/kb/", "https://example.org/kb/es/"]
    assert english.extra["languages"][1] == {"code": "es", "name": "Español", "locale": "es_US"}, "nothing written back"


@pytest.mark.parametrize("entries,says", [
    ([], "extra.languages should list the site's languages"),
    ([{"code": "en", "name": "English"}], "entry 1: field 'locale' is None"),
    ([{"code": "en", "name": "English", "locale": "en_US", "flag": "uk"}], "entry 1: unknown field 'flag'"),
    ([{"code": "en", "name": "English", "locale": "en_US"}] * 2, "entry 2: the language 'en' is listed twice"),
    ([{"code": "fr", "name": "Français", "locale": "fr_FR"}], "theme.language is 'en', which extra.languages does not list"),
    ([{"code": "en", "name": "English", "locale": "en_US", "interface_language": "tagalog words"}],
     "entry 1: field 'interface_language' is 'tagalog words'. Expected the name of Material's interface words"),
])
def test_a_bad_language_entry_names_the_field_and_the_fix(entries, says):
    with pytest.raises(SiteError, match=re.escape(says)):
        kbsite.editions.languages(_config(entries=[dict(e) for e in entries]))


def test_alternate_links_are_absolute_for_search_engines_and_relative_for_readers():
    english, spanish = _config(), _config("es", "https://example.org/kb/es/")
    kbsite.editions.languages(english), kbsite.editions.languages(spanish)
    page = SimpleNamespace(file=object(), url="safety/")
    home = SimpleNamespace(file=object(), url="")
    assert [(a["code"], a["url"], a["href"]) for a in kbsite.editions.alternates(english, page)] == [
        ("en", "https://example.org/kb/safety/", "../safety/"), ("es", "https://example.org/kb/es/safety/", "../es/safety/")]
    assert [a["href"] for a in kbsite.editions.alternates(spanish, page)] == ["../../safety/", "../../es/safety/"]
    assert [a["href"] for a in kbsite.editions.alternates(english, home)] == ["./", "es/"]
    assert [a["href"] for a in kbsite.editions.alternates(spanish, home)] == ["../", "../es/"]
    assert kbsite.editions.alternates(english, None) == []


def test_a_missing_interface_word_fails_naming_the_file_and_the_line_to_add():
    spanish = _config("es", "https://example.org/kb/es/", interface={"es": {"Copy link": "Copiar enlace"}})
    assert kbsite.editions.translate(spanish, "Copy link") == "Copiar enlace"
    assert kbsite.editions.translate(_config(), "Anything at all") == "Anything at all"
    with pytest.raises(SiteError) as error:
        kbsite.editions.translate(spanish, "Copy: link")
    assert "includes/es/interface.yml: no translation for 'Copy: link'" in str(error.value)
    assert "'Copy: link': <the es text>" in str(error.value)


def test_every_interface_word_in_the_templates_and_hooks_is_translated():
    """Each `words.t("...")` in a template (partials/words.html) has a line in
    every translation's interface.yml: the templates fall back to English,
    so this and make check are what keep English words out of an edition."""
    used = set(kbsite.editions.template_words(ROOT / "overrides"))
    assert len(used) >= 30 and "Book a consultation" in used, "this test's assumption: it finds the templates' words"
    for code in TRANSLATIONS:
        table = yaml.safe_load((ROOT / "includes" / folder(code) / "interface.yml").read_text(encoding="utf-8"))
        missing = sorted(used - set(table))
        assert not missing, f"includes/{folder(code)}/interface.yml lacks: {missing}"


VALID = {"title": "T", "description": "D.", "last_reviewed": dt.date(2026, 11, 25),
         "next_review": dt.date(2027, 11, 25)}
TRANSLATED = {**VALID, "translation_of": dt.date(2026, 11, 25), "translation_source": "3f2a9c1d0b7e"}


@pytest.mark.parametrize("meta,translation,says", [
    (VALID, True, "docs/es/p.md: front matter field 'translation_of' is missing"),
    ({**VALID, "translation_of": dt.date(2026, 11, 25)}, True, "field 'translation_source' is missing"),
    ({**TRANSLATED, "translation_source": 930890326614}, True, "not quoted text (YAML reads digits as a number)"),
    ({**TRANSLATED, "translation_source": "xyz"}, True, "field 'translation_source' is 'xyz'"),
    ({**TRANSLATED, "translation_of": "25 Nov"}, True, "field 'translation_of' is '25 Nov', not a date"),
    ({**VALID, "translation_of": dt.date(2026, 11, 25)}, False, "is only for translated pages"),
])
def test_translation_front_matter_errors_name_the_file_field_and_fix(meta, translation, says):
    errors = validate(meta, "es/p.md", translation=translation)
    assert any(says in e for e in errors), errors
    assert all("Expected" in e for e in errors)


def test_a_translation_is_behind_when_its_english_page_is_reviewed_or_changed(tmp_path):
    english = tmp_path / "p.md"
    english.write_text("---\nlast_reviewed: 2026-11-25\n---\n\n# Page\n\nText.\n")
    current = {"translation_of": dt.date(2026, 11, 25), "translation_source": translation_status.fingerprint(
        english.read_text())}
    assert translation_status.status(current, english) == {"reviewed_by": None, "behind": False, "reasons": []}
    english.write_text(english.read_text().replace("Text.", "Text, corrected."))
    changed = translation_status.status(current, english)
    assert changed["behind"] and "text has changed" in changed["reasons"][0]
    english.write_text("---\nlast_reviewed: 2027-01-10\n---\n\n# Page\n\nText.\n")
    reviewed = translation_status.status(current, english)
    assert reviewed["behind"] and "reviewed on 2027-01-10" in reviewed["reasons"][0]


# ---- The built editions ---------------------------------------------------------------

def _soup(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "lxml")


@pytest.fixture(scope="module")
def editions(site):
    """{code: {url: parsed page}} for every language."""
    return {code: {url: _soup(site, ("" if code == LANGUAGES[0] else folder(code) + "/") + url) for url in URLS}
            for code in LANGUAGES}


def _content(soup):
    return soup.select_one("article.md-content__inner")


def test_every_page_has_its_counterpart_with_the_same_section_ids(editions):
    for code in TRANSLATIONS:
        for url in URLS:
            ids = lambda soup: [h["id"] for h in _content(soup).select("h1, h2, h3, h4, h5, h6") if h.get("id")]
            assert ids(editions[code][url]) == ids(editions["en"][url]), f"/{code}/{url}: section ids differ"
            every = lambda soup: Counter(e["id"] for e in _content(soup).select("[id]"))
            assert every(editions[code][url]) == every(editions["en"][url]), f"/{code}/{url}: element ids differ"


def test_each_translation_has_the_same_headings_paragraphs_and_list_items(editions):
    """The same shape as the English page: nothing dropped, nothing added."""
    def shape(soup):
        article = _content(BeautifulSoup(str(soup), "lxml"))   # a copy: the fixture is shared
        # The crisis box says what is true in each language (Spanish: press 2,
        # text AYUDA; Chinese: ask for an interpreter, with its source), so its
        # shape is its own: test_every_crisis_box_has_the_lines checks it.
        for extra in article.select(".translation-note, .language-switch, aside.crisis-help"):
            extra.decompose()
        return {"headings": [h.name for h in article.select("h1, h2, h3, h4")],
                "paragraphs": len(article.select("p")), "list items": len(article.select("li")),
                "table rows": len(article.select("tr")), "links": len(article.select("a[href]"))}
    for code in TRANSLATIONS:
        for url in URLS:
            assert shape(editions[code][url]) == shape(editions["en"][url]), f"/{code}/{url}"


def test_every_crisis_box_has_the_lines(editions):
    """Wherever the English page has the crisis box, every edition's page has
    its own, with the lines that work in every language: call 988, text 988
    (English and Spanish) and call 911."""
    for url in URLS:
        if not editions["en"][url].select("aside.crisis-help"):
            continue
        for code in TRANSLATIONS:
            [box] = editions[code][url].select("article aside.crisis-help")
            links = {a["href"].split("?")[0] for a in box.select("a[href]")}
            assert {"tel:988", "sms:988", "tel:911"} <= links, f"/{code}/{url}: {links}"


# Words that only English uses: two or more in a paragraph, with none of the
# translation's own, means it was left in English. A language written in
# its own script (Chinese) has its own words wherever it has its characters.
ENGLISH = set("the and of to is are with for you your this that what when how which not from have".split())
OWN_WORDS = {"es": set("el la los las de del que y es son con para usted su sus por una un no se en".split()),
             "fil": set("ang ng mga sa na ay at ito para kung hindi inyong ninyo may".split())}
OWN_SCRIPT = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


def _in_its_own_language(code: str, text: str, words: list[str]) -> bool:
    return bool(OWN_SCRIPT.search(text)) or any(w in OWN_WORDS.get(code.split("-")[0], ()) for w in words)


def untranslated(english: BeautifulSoup, translated: BeautifulSoup, code: str = "es") -> list[str]:
    """Paragraphs, list items, headings and cells of a translated page that
    are still in English. Cited references stay as published (their titles
    are in the original language), and code is code."""
    def blocks(soup):
        article = _content(BeautifulSoup(str(soup), "lxml"))   # a copy: the fixture is shared
        for skip in article.select(".footnote, code, .review-dates__cite, svg"):
            skip.decompose()
        return [re.sub(r"\s+", " ", e.get_text(" ", strip=True))
                for e in article.select("p, li, h1, h2, h3, h4, td, th, figcaption, summary")]
    originals = {text for text in blocks(english) if len(text.split()) >= 3}
    found = []
    for text in blocks(translated):
        # An address is not prose: "what-to-expect" in a URL is no English sentence.
        words = re.findall(r"[a-záéíóúñü]+", re.sub(r"https?://\S+", " ", text).lower())
        if text in originals or (sum(w in ENGLISH for w in words) >= 2 and not _in_its_own_language(code, text, words)):
            found.append(text)
    return found


def test_no_paragraph_or_list_item_is_left_in_english(editions):
    for code in TRANSLATIONS:
        for url in URLS:
            left = untranslated(editions["en"][url], editions[code][url], code)
            assert not left, f"/{code}/{url} still has English text:\n  " + "\n  ".join(left)


def test_the_untranslated_check_can_fail(editions):
    spanish = BeautifulSoup(str(editions["es"]["safety/"]), "lxml")
    english_item = editions["en"]["safety/"].select_one("#who-should-not ~ ul li")
    spanish.select_one("#who-should-not ~ ul li").replace_with(BeautifulSoup(str(english_item), "lxml").li)
    assert untranslated(editions["en"]["safety/"], spanish) == [english_item.get_text(" ", strip=True)]


def test_an_edition_with_materials_words_under_another_name_keeps_its_own_lang(editions, config):
    """Filipino's page lang is fil; Material ships its words as Tagalog (tl):
    the pages say lang="fil" and show Material's Tagalog words, not English."""
    import yaml as _yaml

    material = ROOT / ".venv" / "lib"
    for entry in config["extra"]["languages"]:
        named = entry.get("interface_language")
        if not named:
            continue
        [words_file] = material.glob(f"python3*/site-packages/material/templates/partials/languages/{named}.html")
        skip = re.search(r'"action\.skip": "([^"]+)"', words_file.read_text(encoding="utf-8"))[1]
        soup = editions[entry["code"]]["safety/"]
        assert soup.html["lang"] == entry["code"]
        assert soup.select_one("a.md-skip").get_text(strip=True) == skip != "Skip to content"
        config_json = _yaml.safe_load(soup.select_one("#__config").string)
        assert config_json["translations"]["clipboard.copy"] != "Copy to clipboard"
    assert any(entry.get("interface_language") for entry in config["extra"]["languages"]), \
        "no edition uses interface_language: this test checks nothing"


def test_html_lang_canonical_hreflang_og_locale_and_structured_data(editions, config):
    import json

    root = config["site_url"]
    locales = {entry["code"]: entry["locale"] for entry in config["extra"]["languages"]}
    for code in LANGUAGES:
        prefix = "" if code == LANGUAGES[0] else folder(code) + "/"
        for url in URLS:
            soup = editions[code][url]
            assert soup.html["lang"] == code
            assert soup.select_one('link[rel="canonical"]')["href"] == root + prefix + url
            alternates = {link["hreflang"]: link["href"] for link in soup.select('link[rel="alternate"][hreflang]')}
            assert alternates == {"x-default": root + url,
                                  **{c: root + ("" if c == LANGUAGES[0] else folder(c) + "/") + url for c in LANGUAGES}}
            assert soup.select_one('meta[property="og:locale"]')["content"] == locales[code]
            [page] = [d for d in (json.loads(s.string) for s in soup.select('script[type="application/ld+json"]'))
                      if d["@type"] == "MedicalWebPage"]
            assert page["inLanguage"] == code and page["url"] == root + prefix + url


def test_every_sitemap_lists_its_pages_with_every_language(site, config):
    root = config["site_url"]
    for code in LANGUAGES:
        prefix = "" if code == LANGUAGES[0] else folder(code) + "/"
        sitemap = BeautifulSoup((site / prefix / "sitemap.xml").read_text(encoding="utf-8"), "xml")
        entries = sitemap.find_all("url")
        # <loc>: this edition's pages only (Material's instant navigation
        # treats every <loc> as a page of this build).
        assert sorted(e.loc.text for e in entries) == sorted(root + prefix + url for url in URLS)
        for entry in entries:
            url = entry.loc.text[len(root + prefix):]
            links = {link["hreflang"]: link["href"] for link in entry.find_all("link")}
            assert links == {"x-default": root + url,
                             **{c: root + ("" if c == LANGUAGES[0] else folder(c) + "/") + url for c in LANGUAGES}}


def test_every_page_switches_to_the_same_page_in_the_other_language(editions, config):
    for code in LANGUAGES:
        prefix = "" if code == LANGUAGES[0] else folder(code) + "/"
        for url in URLS:
            links = editions[code][url].select("nav.language-switch a")
            assert {a["hreflang"] for a in links} == set(LANGUAGES) - {code}, f"/{prefix}{url}"
            for a in links:
                other = "" if a["hreflang"] == LANGUAGES[0] else folder(a["hreflang"]) + "/"
                assert urljoin(config["site_url"] + prefix + url, a["href"]) == config["site_url"] + other + url
                assert a["lang"] == a["hreflang"] and a["target"] == "_self"


def test_suggest_a_change_opens_the_translation_itself(editions, config):
    for code in TRANSLATIONS:
        edit = editions[code]["safety/"].select_one(".md-copyright__edit a[href*='/edit/']")["href"]
        assert edit.endswith(f"/edit/main/docs/{folder(code)}/safety.md"), edit
    assert editions["en"]["safety/"].select_one(".md-copyright__edit a[href*='/edit/']")["href"].endswith(
        "/edit/main/docs/safety.md")


def test_translated_pages_are_marked_as_translations_until_reviewed(editions):
    for code in TRANSLATIONS:
        for url in URLS:
            note = editions[code][url].select_one("aside.translation-note")
            assert note is not None, f"/{code}/{url}: no translation note"
            assert not note.select(".translation-note__behind"), f"/{code}/{url}: says it is behind"
            assert note.select_one("a[hreflang=en]")
    assert not editions["en"][""].select("aside.translation-note")


MESES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
         "noviembre", "diciembre"]


def _spanish_last_reviewed(page: str) -> str:
    """What a Spanish page's review box says, from its front matter (a test
    that names the date breaks at every review)."""
    day = page_meta(f"es/{page}/")["last_reviewed"]
    return f"Última revisión de la página: {day.day} de {MESES[day.month - 1]} de {day.year}"


def test_spanish_review_dates_and_clinicians_table(editions, config):
    box = re.sub(r"\s+", " ", editions["es"]["safety/"].select_one("aside.review-dates").get_text(" "))
    assert _spanish_last_reviewed("safety") in box and "Próxima revisión:" in box
    table = editions["es"]["clinicians/"].select_one("table.section-links")
    assert [th.get_text() for th in table.select("th")] == ["Página", "Sección", "Enlace"]
    links = [a["href"] for a in table.select("a")]
    assert links and all(link.startswith(config["site_url"] + "es/") for link in links)
    assert "Mal uso y dependencia" in table.get_text()


def test_spanish_crisis_help_on_pages_and_in_search(editions):
    for url in ("mental-health/", "pain-overlap/", "about/"):
        box = editions["es"][url].select_one("aside.crisis-help")
        text = re.sub(r"\s+", " ", box.get_text(" "))
        assert "Llame o envíe un mensaje de texto al 988" in text and "oprima 2" in text and "AYUDA" in text
        assert "Llame al 911" in text
        hrefs = {a["href"] for a in box.select("a")}
        assert {"tel:988", "sms:988?&body=AYUDA", "tel:911", "https://988lifeline.org/es/"} <= hrefs
    # The search panel's Spanish help is the same box (search/crisis.json, test_crisis_words.py).
    footer = editions["es"][""].select_one("footer .md-copyright").get_text(" ")
    assert "oprima 2" in footer and "AYUDA" in footer


def test_the_404_page_speaks_every_language(site, config):
    soup = BeautifulSoup((site / "404.html").read_text(encoding="utf-8"), "lxml")
    for code in TRANSLATIONS:
        section = soup.select_one(f'section.not-found__language[lang="{code}"]')
        assert section.select_one("h2").get_text(strip=True)
        assert section.select_one("a")["href"] == config["site_url"] + folder(code) + "/"


# ---- Real builds of a changed copy of the site ---------------------------------------

def test_a_page_without_its_translation_fails_the_build(tmp_path):
    project = copy_project(tmp_path / "project", languages="all")
    (project / "docs" / "es" / "glossary.md").unlink()
    result = build(tmp_path / "site", project / "mkdocs.yml")
    assert result.returncode != 0
    assert "docs/es/glossary.md is missing: every page in docs/ needs its translation there" in result.stderr


def test_a_changed_english_page_flags_its_translation_in_the_build_the_page_and_the_audit(tmp_path):
    project = copy_project(tmp_path / "project")   # English and Spanish: the flag is the same in every edition
    page = project / "docs" / "safety.md"
    page.write_text(page.read_text().replace("Like every medicine, ketamine has risks.",
                                             "Like every medicine, ketamine has risks and benefits."))
    result = build(tmp_path / "site", project / "mkdocs.yml")
    assert result.returncode == 0, result.stderr   # a translation behind never blocks an English fix
    assert "docs/es/safety.md: behind docs/safety.md: the English page's text has changed" in result.stderr
    note = _soup(tmp_path / "site", "es/safety/").select_one("aside.translation-note .translation-note__behind")
    assert "no está al día" in note.get_text() and note.select_one("a[hreflang=en]")["href"] == "../../safety/"
    assert not _soup(tmp_path / "site", "es/glossary/").select(".translation-note__behind")
    audit = subprocess.run([sys.executable, "-m", "kbsite.translation_status", "docs"], cwd=project,
                           capture_output=True, text=True, check=True)
    assert "docs/es/safety.md: behind docs/safety.md" in audit.stdout
    fingerprint = translation_status.fingerprint(page.read_text())
    assert f'translation_source: "{fingerprint}"' in audit.stdout
    # The copy's one translation (Spanish): its safety page is behind.
    assert audit.stdout.strip().endswith("1 translated page(s) behind their English page.")


def test_the_audit_finds_no_translation_behind_today():
    audit = subprocess.run([sys.executable, "-m", "kbsite.translation_status", "docs"], cwd=ROOT,
                           capture_output=True, text=True, check=True)
    assert audit.stdout.strip() == "0 translated page(s) behind their English page."


# ---- In the browser ------------------------------------------------------------------

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
    assert _spanish_last_reviewed("pain-overlap") in text
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


# ---- Errors in a translation name the translation's file ------------------------

@pytest.mark.parametrize("page,text,says", [
    ("es/glossary.md", '\n<p><a href="#" onclick="window.__ran = 1">Clic</a></p>\n',
     "docs/es/glossary.md: inline event handler <a onclick=...>"),
    ("es/about.md", "\n<!-- kb:clinic-contacts -->\n", "docs/es/about.md: unknown marker <!-- kb:clinic-contacts -->"),
    ("es/safety.md", "\n[^sin-fecha]: Una página web sin fecha. [ejemplo](https://example.org/)\n",
     "docs/es/safety.md: reference [^sin-fecha] does not say when it was read"),
])
def test_an_error_on_a_spanish_page_names_the_spanish_file(tmp_path, page, text, says):
    """An editor opens the file the message names: the Spanish page, never
    its English original (the layers issue found docs/glossary.md named)."""
    from sitebuild import build_with_page_text

    result = build_with_page_text(tmp_path, page, text)
    assert result.returncode != 0
    assert says in result.stderr, result.stderr[-2000:]


@pytest.mark.parametrize("code,expected", [("es", "25 de noviembre de 2026"), ("zh-Hant", "2026年11月25日"),
                                           ("fil", "Nobyembre 25, 2026")])
def test_review_dates_in_each_language_from_its_code_as_html_writes_it(code, expected):
    """A language code as HTML and mkdocs.yml write it ("zh-Hant") reaches
    Babel as Babel spells it ("zh_Hant"); the layers issue found it raised."""
    from kbsite import review_dates

    assert review_dates.human(dt.date(2026, 11, 25), code) == expected


def test_a_nav_section_works_in_every_edition(tmp_path):
    """Nav groups: the translation keeps the section, titled from its
    interface.yml; a missing title names the line to add."""
    project = copy_project(tmp_path / "project", languages="all")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    grouped = text.replace("  - Glossary: glossary.md\n  - For clinicians: clinicians.md\n",
                           "  - Reference:\n      - Glossary: glossary.md\n      - For clinicians: clinicians.md\n")
    assert grouped != text, "this test's assumption: the nav lists the glossary, then the clinicians' page"
    config.write_text(grouped, encoding="utf-8")
    missing = build(tmp_path / "missing", config)
    assert missing.returncode != 0 and "includes/es/interface.yml: no translation for 'Reference'" in missing.stderr
    for code in TRANSLATIONS:   # every edition titles the group in its own words
        interface = project / "includes" / folder(code) / "interface.yml"
        title = "Referencia" if code == "es" else f"Reference ({code})"
        interface.write_text(interface.read_text(encoding="utf-8") + f"\nReference: {title}\n", encoding="utf-8")
    result = build(tmp_path / "site", config)
    assert result.returncode == 0, result.stderr[-3000:]
    nav = BeautifulSoup((tmp_path / "site" / "es" / "glossary" / "index.html").read_text(encoding="utf-8"), "lxml")
    assert "Referencia" in nav.select_one("nav.md-nav--primary").get_text(" ")


def test_make_audit_gives_a_new_translation_the_values_to_record(tmp_path):
    import shutil

    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    (docs / "aftercare.md").write_text("---\ntitle: Aftercare\nlast_reviewed: 2026-12-01\n---\n\n# Aftercare\n", "utf-8")
    (docs / "es" / "aftercare.md").write_text("---\ntitle: Cuidados después\n---\n\n# Cuidados después\n", "utf-8")
    lines = translation_status.audit(docs)
    [line] = [l for l in lines if "aftercare" in l]
    assert line.startswith(f"{(docs / 'es' / 'aftercare.md').as_posix()}: new translation of")
    assert re.search(r'translation_of: 2026-12-01 and translation_source: "[0-9a-f]{12}"', line)


# ---- Add a language, as EDITING.md#add-a-language says ----------------------

def test_adding_a_language_is_its_files_and_one_entry_in_the_configuration(tmp_path):
    """The steps of EDITING.md#add-a-language, one by one, in a copy of
    the project, for a language the site does not have yet (German: code
    de, folder de): no code changes, and every structural check holds for
    the new edition beside the others."""
    import shutil

    project = copy_project(tmp_path / "project", languages="all")
    # 1. Every page, with the same file names and heading ids; one of them
    #    translated here (the others stand in, copied from Spanish).
    shutil.copytree(project / "docs" / "es", project / "docs" / "de")
    page = project / "docs" / "de" / "booking.md"
    text = page.read_text(encoding="utf-8")
    title = re.search(r"^title: (.+)$", text, re.M)[0]
    page.write_text(text.replace(title, "title: Beratung buchen", 1), encoding="utf-8")
    # 2. includes/<folder>/, copied from includes/es/ (translated in real life).
    shutil.copytree(project / "includes" / "es", project / "includes" / "de")
    # 3. One entry under extra.languages.
    config = project / "mkdocs.yml"
    spanish = "    - {code: es, name: Español, locale: es_US}\n"
    assert spanish in config.read_text(encoding="utf-8"), "this test's assumption: the Spanish entry as written"
    config.write_text(config.read_text(encoding="utf-8").replace(
        spanish, spanish + "    - {code: de, name: Deutsch, locale: de_DE}\n"), encoding="utf-8")
    # 4. Crisis words of the language.
    with (project / "crisis-words.yml").open("a", encoding="utf-8") as words:
        words.write("\nde:\n  suicide: [selbstmord]\n  wish: [will]\n  death: [sterben]\n")
    # 6. make check, then the strict build.
    check = subprocess.run([sys.executable, "-m", "kbsite.source_checks", str(project)],
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    result = build(tmp_path / "site", config)
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    for url, _, _ in PAGES:
        english, german = _soup(site, url), _soup(site, "de/" + url)
        assert german.html["lang"] == "de", f"/de/{url}"
        ids = lambda soup: [h["id"] for h in soup.select("article :is(h1, h2, h3, h4)[id]")]  # noqa: E731
        assert ids(german) == ids(english), f"/de/{url}: the same section ids as /{url}"
        assert english.select_one("link[rel=alternate][hreflang=de]")["href"].endswith(f"/de/{url}")
        switch = {a["hreflang"]: a["href"] for a in german.select(".language-switch a")}
        up = "../" * (url.count("/") + 1)
        assert switch == {"en": up + url or "./", **{code: up + folder(code) + "/" + url for code in TRANSLATIONS}}
        # Three languages or more do not fit the header as chips on a phone: a menu that opens without JavaScript.
        menu = german.select_one(".language-switch details.language-switch__menu")
        # (its interface words here are the Spanish ones, copied in step 2)
        assert menu and " ".join(menu.summary.get_text().split()) == "Idioma: DE Deutsch"
    assert _soup(site, "de/booking/").title.string.startswith("Beratung buchen")
    assert "/de/safety/" in (site / "sitemap.xml").read_text(encoding="utf-8")
    assert (site / "de" / "sitemap.xml").is_file()
    assert json.loads((site / "de" / "search" / "search_index.json").read_text(encoding="utf-8"))["config"]["lang"] == ["de"]
    assert BeautifulSoup((site / "404.html").read_text(encoding="utf-8"), "lxml").select_one("section[lang=de]")
    assert "Content-Security-Policy" in (site / "de" / "safety" / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("code", TRANSLATIONS)
def test_each_translations_term_record_names_terms_its_pages_use(code):
    """includes/<folder>/terms.yml: the edition's standard medical terms and
    where each comes from (issue #22). A term the pages no longer use makes
    the record false: this fails, naming the file to fix."""
    import yaml as _yaml

    path = ROOT / "includes" / folder(code) / "terms.yml"
    records = _yaml.safe_load(path.read_text(encoding="utf-8"))
    assert records and all(set(r) == {"english", "ours", "source"} and all(r.values()) for r in records), \
        f"{path.relative_to(ROOT)}: each entry needs english:, ours: and source: (say 'None found.' when none was)"
    text = " ".join(p.read_text(encoding="utf-8") for p in [*(ROOT / "docs" / folder(code)).glob("*.md"),
                                                            *(ROOT / "includes" / folder(code)).glob("*.md")]).lower()
    unused = [term for r in records for term in (t.strip() for t in r["ours"].split(",")) if term.lower() not in text]
    assert not unused, f"{path.relative_to(ROOT)}: the pages no longer use {unused}; update the record"

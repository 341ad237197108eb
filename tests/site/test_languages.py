"""The site in every language (kbsite/editions.py, the adapter's Editions and
kbsite/translation_status.py): the configuration and its messages, the
built editions' HTML, and what a reader does in Chromium.

The language-neutral checks (axe, CSP, budgets, no JavaScript, print QR
codes, computed styles, forms) run on every edition's pages through
sitebuild.EDITION_URLS in their own test files.

Here: the session's build (tests/site/). The same feature's other layers:
tests/browser/test_languages.py, tests/projects/test_languages.py,
tests/unit/test_languages.py."""

from __future__ import annotations

import re
from collections import Counter
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup

from sitebuild import LANGUAGES, PAGES, ROOT, TRANSLATIONS
from kbsite.editions import folder
from languages_helpers import soup_of, spanish_last_reviewed

URLS = [url for url, _, _ in PAGES]


# ---- The built editions ---------------------------------------------------------------


@pytest.fixture(scope="module")
def editions(site):
    """{code: {url: parsed page}} for every language."""
    return {code: {url: soup_of(site, ("" if code == LANGUAGES[0] else folder(code) + "/") + url) for url in URLS}
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


def test_spanish_review_dates_and_clinicians_table(editions, config):
    box = re.sub(r"\s+", " ", editions["es"]["safety/"].select_one("aside.review-dates").get_text(" "))
    assert spanish_last_reviewed("safety") in box and "Próxima revisión:" in box
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


# ---- Add a language, as EDITING.md#add-a-language says ----------------------


def test_each_edition_s_link_preview_shows_its_own_image(site, config):
    """og:image and twitter:image: the edition's own picture (the guide's name
    in its language), at the edition's own address, 1200 x 630, on every page."""
    from PIL import Image

    for code in LANGUAGES:
        prefix = "" if code == LANGUAGES[0] else folder(code) + "/"
        image = f"{config['site_url']}{prefix}assets/images/share.png"
        for url, _, _ in PAGES:
            head = soup_of(site, prefix + url).head
            found = {(tag.get("property") or tag.get("name")): tag["content"]
                     for tag in head.select("meta[property^='og:image'], meta[name='twitter:image']")}
            assert found.get("og:image") == found.get("twitter:image") == image, f"/{prefix}{url}: {found}"
            assert (found.get("og:image:width"), found.get("og:image:height")) == ("1200", "630"), f"/{prefix}{url}"
            assert found.get("og:image:alt"), f"/{prefix}{url}: the image needs its alt text"
        with Image.open(site / prefix / "assets" / "images" / "share.png") as picture:
            assert picture.size == (1200, 630), code

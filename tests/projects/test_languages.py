"""The site in every language (kbsite/editions.py, the adapter's Editions and
kbsite/translation_status.py): the configuration and its messages, the
built editions' HTML, and what a reader does in Chromium.

The language-neutral checks (axe, CSP, budgets, no JavaScript, print QR
codes, computed styles, forms) run on every edition's pages through
sitebuild.EDITION_URLS in their own test files.

Here: builds of changed copies of the project (tests/projects/). The same
feature's other layers: tests/browser/test_languages.py,
tests/site/test_languages.py, tests/unit/test_languages.py."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import pytest
from bs4 import BeautifulSoup
from kbsite import translation_status
from sitebuild import PAGES, TRANSLATIONS, build, copy_project
from kbsite.editions import folder
from languages_helpers import soup_of


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
    note = soup_of(tmp_path / "site", "es/safety/").select_one("aside.translation-note .translation-note__behind")
    assert "no está al día" in note.get_text() and note.select_one("a[hreflang=en]")["href"] == "../../safety/"
    assert not soup_of(tmp_path / "site", "es/glossary/").select(".translation-note__behind")
    audit = subprocess.run([sys.executable, "-m", "kbsite.translation_status", "docs"], cwd=project,
                           capture_output=True, text=True, check=True)
    assert "docs/es/safety.md: behind docs/safety.md" in audit.stdout
    fingerprint = translation_status.fingerprint(page.read_text())
    assert f'translation_source: "{fingerprint}"' in audit.stdout
    # The copy's one translation (Spanish): its safety page is behind.
    assert audit.stdout.strip().endswith("1 translated page(s) behind their English page.")


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
    # 6. make share-images: the edition's link-preview image.
    images = subprocess.run([sys.executable, "-m", "kbsite.share_image"], cwd=project, capture_output=True, text=True)
    assert images.returncode == 0 and "docs/de/assets/images/share.png" in images.stdout, images.stdout + images.stderr
    # 7. make check, then the strict build.
    check = subprocess.run([sys.executable, "-m", "kbsite.source_checks", str(project)],
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    result = build(tmp_path / "site", config)
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    for url, _, _ in PAGES:
        english, german = soup_of(site, url), soup_of(site, "de/" + url)
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
    assert soup_of(site, "de/booking/").title.string.startswith("Beratung buchen")
    assert "/de/safety/" in (site / "sitemap.xml").read_text(encoding="utf-8")
    assert (site / "de" / "sitemap.xml").is_file()
    assert json.loads((site / "de" / "search" / "search_index.json").read_text(encoding="utf-8"))["config"]["lang"] == ["de"]
    assert BeautifulSoup((site / "404.html").read_text(encoding="utf-8"), "lxml").select_one("section[lang=de]")
    assert "Content-Security-Policy" in (site / "de" / "safety" / "index.html").read_text(encoding="utf-8")

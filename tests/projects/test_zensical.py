"""The Zensical canary: every edition built with Zensical (the newest that
installs from requirements.lock), from the same sources, by the one command
`python -m kbsite.zensical` (source checks, a build per edition, the
post-build layer). Material for MkDocs reaches end of life on 2027-05-05 and
Zensical, from the same team, runs no MkDocs hooks; this shows, every run,
what of the site already survives the move.

What must survive is asserted. Features that do not survive yet are
KNOWN_MISSING: a list that can only shrink. A feature that starts working
fails the test until it is taken off the list, and every run prints both
lists at the end (tests/conftest.py). What the move would cost, in a first
visit's bytes and in search, `make bench` measures (benchmarks/zensical.py).

Here: builds of changed copies of the project (tests/projects/). The same
feature's other layers: tests/unit/test_zensical.py."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from sitebuild import (BUILD_ENV, EDITION_URLS, LANGUAGES, PAGES, ROOT, Server, copy_project, local_site_url,
                       reserve_port, site_prefix)
from page_text import ARTICLE_SOURCE as SOURCE, site_text, split_article as article_units
from kbsite.editions import folder

EDITION_ROOTS = ["" if code == LANGUAGES[0] else folder(code) + "/" for code in LANGUAGES]

# Each feature and how to see it in a built site.
FEATURES = {
    # Markdown extensions (kbsite.markdown) and templates: generator-neutral.
    "copy-link buttons (kbsite.markdown.copy_link_buttons)":
        lambda site: bool(_soup(site, "safety/").select("article .copy-link")),
    "glossary tooltips on first use (kbsite.markdown.first_use_tooltips)":
        lambda site: bool(_soup(site, "safety/").select("article abbr[title]")),
    "footnote back-links named for screen readers (kbsite.markdown.footnote_backlinks)":
        lambda site: bool(_soup(site, "safety/").select("a.footnote-backref[aria-label]")),
    "crisis line in the header (partials/crisis-bar.html)":
        lambda site: bool(_soup(site, "es/safety/").select("header .crisis-bar a[href^='sms:988']")),
    "language switch (partials/language-switch.html)":
        lambda site: bool(_soup(site, "es/safety/").select(".language-switch a[hreflang=en]")),
    "hreflang links (main.html)":
        lambda site: bool(_soup(site, "safety/").select("link[rel=alternate][hreflang=es]")),
    "structured data (partials/structured-data.html)":
        lambda site: bool(_soup(site, "safety/").select("script[type='application/ld+json']")),
    "interface words in Spanish (partials/words.html)":
        lambda site: "Pida una consulta" in (site / "es" / "physical-relief" / "index.html").read_text(encoding="utf-8"),
    # The post-build layer (kbsite.postbuild).
    "Content Security Policy with script hashes": lambda site: all(
        "Content-Security-Policy" in (site / url / "index.html").read_text(encoding="utf-8") for url in EDITION_URLS),
    "QR codes for printed handouts": lambda site: all((site / url / "qr.png").is_file() for url in EDITION_URLS),
    "print addresses of links": lambda site: bool(_soup(site, "safety/").select("article a[data-print-url]")),
    "stylesheet trimmed and joined into one": lambda site: len(_soup(site, "safety/").select("link[rel=stylesheet]")) == 1,
    # Each edition's generated configuration (kbsite.editions.write_configs).
    "review dates (kbsite.page_context, in the generated configuration)":
        lambda site: bool(_soup(site, "safety/").select("article .review-dates")),
    "translation note (kbsite.page_context, in the generated configuration)":
        lambda site: bool(_soup(site, "es/safety/").select("article .translation-note")),
    "glossary page (kbsite.markdown.markers, kb:glossary)":
        lambda site: bool(_soup(site, "es/glossary/").select("article dl dt")),
    "the clinic's name in a sentence (kbsite.markdown.markers, kb:clinic-name)":
        lambda site: "publica Avid Sports Medicine," in _soup(site, "es/about/").get_text(" "),
    "clinicians' table of sections (kbsite.markdown.markers, kb:section-links)":
        lambda site: bool(_soup(site, "clinicians/").select("article table a[href*='#']")),
    "clinic contact block on the booking page (kbsite.markdown.markers, kb:clinic-contact)":
        lambda site: bool(_soup(site, "booking/").select("article .clinic-contact"))
        and bool(_soup(site, "es/booking/").select("article .clinic-contact a.md-button")),
    "a way to report a mistake (kbsite.markdown.markers, kb:report-issue)":
        lambda site: bool(_soup(site, "about/").select("article li a[href$='/issues']")),
    "crisis words and help for search, an edition each (post-build step crisis_data, search/crisis.json)":
        lambda site: all(_crisis_data(site, url) for url in EDITION_ROOTS),
    # Markup only; test_crisis_help_shows_in_zensical_s_search_dialog sees it work.
    "crisis help in the search panel (partials/search.html, or zensical-search.html for Zensical's dialog; crisis.js)":
        lambda site: all(_soup(site, url).select(".md-search [data-search-crisis] + .crisis-bar--search")
                         or any(template.select("[data-search-crisis] + .crisis-bar--search")  # (selectors skip a
                                for template in _soup(site, url).select("template"))             # template's content)
                         for url in EDITION_ROOTS),
    "patients' words, corrections and calm results in the search panel (search.js, on Material's search worker)":
        lambda site: all("MATERIAL=true" in (site / url / "index.html").read_text(encoding="utf-8").replace(" ", "")
                         for url in EDITION_ROOTS),   # lazy-search.html loads search.js only then
    "patients' words in the search index (the post-build step search_additions)":
        lambda site: all("vocabulary" in _search_config(site, url) for url in EDITION_ROOTS),
    "page keywords in the search index (the post-build step search_additions, from front-matter keywords)":
        lambda site: all(any(doc.get("tags") for doc in _search_docs(site, url)) for url in EDITION_ROOTS),
    "a search index per edition (an edition per build, kbsite.editions.write_configs)":
        lambda site: all(_search_docs(site, url) for url in EDITION_ROOTS)
        and not any(doc["location"].startswith("es/") for doc in _search_docs(site)),
}

# Not there yet with Zensical 0.0.73: what Zensical itself does not do. Take a
# name off when it starts to work.
# Zensical draws its own search dialog, from its bundle and its own worker,
# where Material's markup is not. Crisis help is copied into that dialog
# (crisis.js's startInDialog), but search.js, which puts the index's
# patients' words and keywords to use, corrects typos and calms the results
# under crisis help, speaks Material's worker protocol, so it does not run
# there, though its data is in the index. benchmarks/zensical.py measures
# what Zensical's own worker finds on that index (benchmarks/RESULTS.md).
KNOWN_MISSING = {
    "patients' words, corrections and calm results in the search panel (search.js, on Material's search worker)",
}


def _soup(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "lxml")


def _search_index(site: Path, url: str = "") -> dict:
    """The edition's index at `url`, in either format, as the post-build
    step search_additions finds it (Material's or Zensical's file)."""
    import json

    from kbsite.postbuild.search_additions import INDEXES

    for name in INDEXES:
        if (site / url / name).is_file():
            return json.loads((site / url / name).read_text(encoding="utf-8"))
    return {}


def _crisis_data(site: Path, url: str) -> bool:
    """The edition's search/crisis.json, with every site language's help."""
    import json

    path = site / url / "search" / "crisis.json"
    if not path.is_file():
        return False
    data = json.loads(path.read_text(encoding="utf-8"))
    return set(LANGUAGES) <= set(data.get("help", {})) and set(LANGUAGES) <= set(data.get("languages", {}))


def _search_config(site: Path, url: str = "") -> dict:
    return _search_index(site, url).get("config") or {}


def _search_docs(site: Path, url: str = "") -> list[dict]:
    from kbsite.postbuild.search_additions import entries

    index = _search_index(site, url)
    return entries(index) if index else []


@pytest.fixture(scope="module")
def zensical_port() -> int:
    """The port the Zensical site is built for: its Content Security Policy
    names the address it is served at, as the published site's does."""
    return reserve_port()


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory, zensical_port) -> tuple[Path, subprocess.CompletedProcess]:
    project = copy_project(tmp_path_factory.mktemp("zensical") / "project", languages="all")
    site = project.parent / "site"
    result = subprocess.run([sys.executable, "-m", "kbsite.zensical", str(site)], cwd=project, capture_output=True,
                            text=True, env={**os.environ, **BUILD_ENV, "SITE_URL": local_site_url(zensical_port)})
    assert result.returncode == 0, result.stdout + result.stderr
    return site, result


def test_the_strict_build_passes_after_the_source_checks(zensical_site):
    _, result = zensical_site
    from kbsite import project

    assert project.load(ROOT / "mkdocs.yml")["strict"] is True, "mkdocs.yml sets strict: true, which Zensical reads"
    assert "The sources are sound" in result.stdout


def test_every_edition_has_the_same_pages_in_its_language(zensical_site, site):
    built, _ = zensical_site
    for url in EDITION_URLS:
        assert (built / url / "index.html").is_file(), f"Zensical did not build /{url}"
    for code in LANGUAGES:
        prefix = "" if code == LANGUAGES[0] else folder(code) + "/"
        for url, _, _ in PAGES:
            assert _soup(built, prefix + url).html["lang"] == code, f"/{prefix}{url} is not lang={code}"


def _heading_ids(soup: BeautifulSoup) -> list[str]:
    return [h["id"] for h in soup.select("article h1[id], article h2[id], article h3[id], article h4[id]")]


def test_the_same_heading_ids_as_the_mkdocs_build(zensical_site, site):
    built, _ = zensical_site
    for url in EDITION_URLS:
        assert _heading_ids(_soup(built, url)) == _heading_ids(_soup(site, url)), f"/{url}"


def test_every_published_anchor_is_there(zensical_site):
    built, _ = zensical_site
    registry = yaml.safe_load((ROOT / "permalinks.yml").read_text(encoding="utf-8"))
    for code in LANGUAGES:
        prefix = "" if code == LANGUAGES[0] else folder(code) + "/"
        for page, anchors in registry["pages"].items():
            soup = _soup(built, prefix + page.strip("/") + ("/" if page != "/" else ""))
            missing = [a for a in anchors if not soup.find(id=a)]
            assert not missing, f"/{prefix}{page.lstrip('/')}: {missing}"


def test_the_article_is_there_word_for_word(zensical_site):
    built, _ = zensical_site
    text = site_text(built)
    missing = [unit for unit in article_units(SOURCE.read_text(encoding="utf-8")) if unit not in text]
    assert not missing, missing


def test_no_source_file_is_published(zensical_site):
    built, _ = zensical_site
    sources = [p.relative_to(built).as_posix() for p in built.rglob("*")
               if p.suffix in (".py", ".md", ".yml", ".yaml", ".pyc") or p.name == "hooks"]
    assert sources == []


def test_the_features_that_survive_and_the_known_missing_list_only_shrinks(zensical_site, request):
    built, _ = zensical_site
    surviving = [name for name, present in FEATURES.items() if present(built)]
    missing = [name for name in FEATURES if name not in surviving]
    cache = getattr(request.config, "cache", None)
    if cache is not None:   # printed at the end of the run (tests/conftest.py)
        cache.set("kbsite/zensical-canary", {"surviving": surviving, "missing": missing})
    for name in ("Content Security Policy with script hashes", "QR codes for printed handouts",
                 "print addresses of links"):
        assert name in surviving, f"the post-build layer must apply to Zensical's site: {name}"
    assert set(missing) <= KNOWN_MISSING, f"no longer works with Zensical: {sorted(set(missing) - KNOWN_MISSING)}"
    assert KNOWN_MISSING <= set(missing), (f"works with Zensical now, take it off KNOWN_MISSING: "
                                           f"{sorted(KNOWN_MISSING - set(missing))}")


def test_each_probe_sees_its_feature_in_the_mkdocs_build(site):
    """The probes' own assumptions: each finds its feature where it works,
    so a name on KNOWN_MISSING is missing for Zensical, not for the probe."""
    assert [name for name, present in FEATURES.items() if not present(site)] == []


def test_zensical_s_own_worker_finds_each_edition_s_pages_on_its_index(zensical_site, tmp_path):
    """benchmarks/zensical.py's driver of the worker Zensical ships: each
    edition's page titles, typed as queries, find their page in the top 3."""
    import json

    built, _ = zensical_site
    for url in EDITION_ROOTS:
        titles = {page: _soup(built, url + page).select_one("article h1").get_text(" ", strip=True).replace("¶", "").strip()
                  for page, _, _ in PAGES if page}
        queries = tmp_path / "queries.json"
        queries.write_text(json.dumps(list(titles.values())), encoding="utf-8")
        [worker] = (built / url).glob("assets/javascripts/workers/search.*.min.js")
        out = subprocess.run(["node", str(ROOT / "benchmarks" / "zensical_rank.mjs"), str(worker),
                              str(built / url / "search.json"), str(queries)],
                             capture_output=True, text=True, check=True)
        found = [json.loads(line)["pages"] for line in out.stdout.splitlines()]
        missed = [page for page, pages in zip(titles, found) if page not in pages]
        assert len(found) == len(titles) and not missed, f"/{url}: {missed}"


def _crisis_phrasing(code: str) -> str:
    """The edition's first crisis phrasing in the set we tune on."""
    return yaml.safe_load((ROOT / "tests" / "crisis_queries.yml").read_text(encoding="utf-8"))["crisis"][code][0]


def test_crisis_help_shows_in_zensical_s_search_dialog(zensical_site, zensical_port, browser):
    """What a person sees in Chromium on a phone, in every edition, in the
    dialog Zensical draws: the crisis line in the edition's language with
    44 px targets, detected help above it for a crisis phrasing, and only
    the line for an ordinary query; Zensical's own search still answers,
    and nothing breaks the Content Security Policy."""
    from playwright.sync_api import expect

    built, _ = zensical_site
    phone = {"width": 390, "height": 844}
    with Server(built, site_prefix(), port=zensical_port) as server:
        context = browser.new_context(viewport=phone, has_touch=True)
        tab = context.new_page()
        problems = []
        tab.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        tab.on("pageerror", lambda e: problems.append(str(e)))
        for code, home in zip(LANGUAGES, EDITION_ROOTS):
            tab.goto(server.root + home + "safety/")
            tab.locator('label[for="__search"]').first.click()
            box = tab.locator("dialog input")
            line = tab.locator("dialog .crisis-bar--search")
            detected = tab.locator("dialog [data-search-crisis]")
            expect(line).to_be_visible()
            # In the edition's language: the header's line, word for word.
            expect(line).to_have_text(tab.locator("header .crisis-bar").inner_text())
            for link in line.locator("a").all():
                size = link.bounding_box()
                assert size["width"] >= 44 and size["height"] >= 44, f"/{home}: {link.inner_text()} is {size}"
                assert 0 <= size["y"] and size["y"] + size["height"] <= phone["height"], f"/{home}: off screen {size}"
            box.fill(_crisis_phrasing(code))
            expect(detected.locator("aside.crisis-help").first).to_have_attribute("lang", code)
            expect(detected.locator('a[href="tel:988"]').first).to_be_visible()
            expect(detected.locator('a[href="tel:911"]').first).to_be_visible()
            assert detected.bounding_box()["y"] + detected.bounding_box()["height"] <= line.bounding_box()["y"] + 1
            box.fill("ketamine")
            expect(detected).to_be_hidden()
            expect(line).to_be_visible()
            expect(tab.locator("dialog ol[role=listbox] li").first).to_be_visible()
            tab.keyboard.press("Escape")
        context.close()
    assert problems == [], problems

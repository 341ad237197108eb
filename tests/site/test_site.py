"""The built site: pages at their fixed URLs, nav, links, sitemap, 404.

Here: the session's build (tests/site/). The same feature's other layers:
tests/browser/test_site.py, tests/unit/test_site.py."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from sitebuild import PAGES


@pytest.mark.parametrize("url,label,h1", PAGES)
def test_page_is_at_its_fixed_url_with_its_heading(pages, url, label, h1):
    h1_tag = pages[url].select_one("article h1")
    assert h1_tag.find(string=True, recursive=False).strip() == h1
    assert h1_tag.select_one("a.headerlink")["href"] == "#" + h1_tag["id"]
    assert pages[url].html["lang"] == "en"


def test_nav_lists_the_pages_in_order_with_short_labels(pages):
    for soup in pages.values():
        labels = [a.get_text(" ", strip=True) for a in
                  soup.select("nav.md-nav--primary > ul.md-nav__list > li.md-nav__item > a.md-nav__link")]
        # The current page is a <label> + <a> pair; its link text repeats the title.
        labels = [re.sub(r"\s+", " ", label) for label in labels]
        assert labels == [label for _, label, _ in PAGES]


def _internal_links(site: Path):
    """(page file, href, resolved file, fragment) for every internal link."""
    for html_file in sorted(site.rglob("*.html")):
        soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "lxml")
        page_url = "/" + html_file.relative_to(site).as_posix()
        for tag in soup.select("a[href]"):
            href = tag["href"]
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith(("mailto:", "tel:", "sms:")):
                continue
            if html_file.name == "404.html":
                continue  # checked by test_404_page_helps and the sub-path test
            target = urlsplit(urljoin(page_url, href))
            path = site / target.path.lstrip("/")
            if target.path.endswith("/") or path.is_dir():
                path = path / "index.html"
            yield html_file.relative_to(site), href, path, target.fragment


def test_every_internal_link_and_anchor_resolves(site):
    broken = []
    ids: dict[Path, set[str]] = {}
    for source, href, path, fragment in _internal_links(site):
        if not path.is_file():
            broken.append(f"{source}: {href} (no such file)")
            continue
        if fragment:
            if path not in ids:
                soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
                ids[path] = {tag["id"] for tag in soup.select("[id]")}
            if fragment not in ids[path]:
                broken.append(f"{source}: {href} (no #{fragment} in {path.relative_to(site)})")
    assert not broken, "Broken links:\n" + "\n".join(broken)


def _links_to(soup: BeautifulSoup, target_url: str, page_url: str) -> bool:
    content = soup.select_one("article.md-content__inner")
    for a in content.select("a[href]"):
        if urlsplit(urljoin("/" + page_url, a["href"])).path == "/" + target_url:
            return True
    return False


def test_overlap_page_leads_to_both_treatment_pages(pages):
    for target in ("physical-relief/", "mental-health/"):
        assert _links_to(pages["pain-overlap/"], target, "pain-overlap/")


@pytest.mark.parametrize("url", [url for url, _, _ in PAGES if url != "booking/"])
def test_every_page_leads_to_booking(pages, url):
    assert _links_to(pages[url], "booking/", url)


@pytest.mark.parametrize("url", [url for url, _, _ in PAGES])
def test_previous_next_footer(pages, url):
    footer = pages[url].select_one("nav.md-footer__inner")
    assert footer is not None
    rels = {cls.rsplit("--", 1)[1] for a in footer.select("a.md-footer__link")
            for cls in a["class"] if cls.startswith("md-footer__link--")}
    expected = {"prev"} if url == PAGES[-1][0] else {"next"} if url == "" else {"prev", "next"}
    assert rels == expected


def test_sitemap_lists_every_page(site, config):
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    locs = re.findall(r"<loc>(.*?)</loc>", sitemap)
    assert sorted(locs) == sorted(config["site_url"] + url for url, _, _ in PAGES)


def test_404_page_helps(site):
    soup = BeautifulSoup((site / "404.html").read_text(encoding="utf-8"), "lxml")
    assert soup.select_one('article label[for="__search"]'), "the 404 page offers search"
    links = [a["href"] for a in soup.select("article ul a")]
    # Absolute paths: GitHub serves this file at whatever URL was missing.
    assert all(href.startswith("/") for href in links)
    assert len(links) == len(PAGES)


def test_theme_loads_no_web_fonts_and_follows_the_devices_light_or_dark_setting(pages):
    """No palette toggle (its cost in blocking time: mkdocs.yml): the scheme
    is the device's, set before the header is parsed."""
    for soup in pages.values():
        html = str(soup)
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html
        assert not soup.select('form[data-md-component="palette"]')
        script = soup.body.find("script")
        assert script is not None and "prefers-color-scheme: dark" in script.string and '"slate"' in script.string
        assert script.find_next("header") is not None, "before the header"


def test_suggest_a_change_is_in_the_footer_not_beside_the_title(pages, config):
    """The usability review: an "Edit this page" pencil beside every title is
    an editor's tool in a patient's way."""
    for url, soup in pages.items():
        assert not soup.select("article .md-content__button"), f"{url}: no pencil beside the title"
        edit = soup.select_one("footer .md-copyright__edit a")
        page_file = (url.rstrip("/") or "index") + ".md"
        assert edit["href"] == config["repo_url"] + "/edit/main/docs/" + page_file, url
        assert edit.get_text(strip=True) == "Suggest a change"

"""Published links never break (kbsite/permalinks.py): the registry of section
ids, redirects for what was renamed or moved, and the built site's links.

Here: the session's build (tests/site/). The same feature's other layers:
tests/projects/test_permalinks.py, tests/unit/test_permalinks.py."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from kbsite.permalinks import load_registry
from kbsite.editions import folder
from sitebuild import PAGES, ROOT, TRANSLATIONS


def test_every_registered_link_resolves_in_the_built_site(site):
    registry = load_registry(ROOT / "permalinks.yml")
    for url, anchors in registry["pages"].items():
        soup = BeautifulSoup((site / url.lstrip("/") / "index.html").read_text(), "lxml")
        ids = {tag["id"] for tag in soup.select("article [id]")}
        assert set(anchors) <= ids, f"{url}: missing {set(anchors) - ids}"


def test_every_section_heading_has_a_registered_id(pages):
    registry = load_registry(ROOT / "permalinks.yml")
    for url, soup in pages.items():
        for heading in soup.select("article.md-content__inner :is(h1, h2, h3)"):
            assert heading.get("id") in registry["pages"]["/" + url], (url, heading.get_text())


def test_clinicians_table_lists_every_section_with_its_absolute_url(pages, config):
    registry = load_registry(ROOT / "permalinks.yml")
    links = {a["href"] for a in pages["clinicians/"].select("table.section-links a")}
    expected = set()
    for url, anchors in registry["pages"].items():
        expected.add(config["site_url"] + url.lstrip("/"))
        soup = pages[url.lstrip("/")]
        h1 = soup.select_one("article h1")["id"]
        expected |= {f"{config['site_url']}{url.lstrip('/')}#{a}" for a in anchors if a != h1}
    assert links == expected


def test_search_leaves_out_the_clinicians_table_but_finds_each_section_on_its_page(site):
    """The table lists every section beside its raw address; a patient's
    search showed it as a result, addresses and all (#35). It is not in
    any edition's index; the clinicians' own sections are, and the sections
    it lists are found on their own pages."""
    import json

    for code in [None, *TRANSLATIONS]:
        edition = site / folder(code) if code else site
        soup = BeautifulSoup((edition / "clinicians" / "index.html").read_text(encoding="utf-8"), "lxml")
        links = [a["href"] for a in soup.select("table.section-links a")]
        docs = json.loads((edition / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
        text = " ".join(doc["text"] for doc in docs)
        assert links and not [link for link in links if link in text], code
        locations = {doc["location"] for doc in docs}
        assert {"clinicians/#how-to-link", "clinicians/#how-to-cite"} <= locations, code
        # The sections themselves are there, on their own pages.
        assert {"safety/#who-should-not", "booking/"} <= locations, code


@pytest.mark.parametrize("url", [url for url, _, _ in PAGES])
def test_link_previews(pages, config, url):
    head = pages[url].head
    canonical = config["site_url"] + url

    def meta(attr, name):
        tag = head.find("meta", attrs={attr: name})
        assert tag and tag["content"].strip(), f"{url}: no {name}"
        return tag["content"]

    assert head.find("link", rel="canonical")["href"] == canonical
    description = meta("name", "description")
    assert meta("property", "og:description") == meta("name", "twitter:description") == description
    assert meta("property", "og:url") == canonical
    assert meta("property", "og:site_name") == config["site_name"]
    assert meta("property", "og:title") == meta("name", "twitter:title")
    assert meta("name", "twitter:card") == "summary_large_image"

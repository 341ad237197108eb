"""The crisis line (overrides/partials/crisis-bar.html): in the header on
every page of every edition, in that edition's language, one tap away on a
phone wherever the reader has scrolled, without JavaScript, with targets
of at least 44 x 44 px, its words wrapping rather than running together on
the narrowest phones (320 px); and the same line in the search panel
(tests/browser/test_search.py checks it there in every state).

Here: the session's build (tests/site/). The same feature's other layers:
tests/browser/test_crisis_bar.py, tests/unit/test_crisis_bar.py."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from sitebuild import LANGUAGES, PAGES
from crisis_bar_helpers import LABELS, edition_prefix


EVERY_PAGE = [(code, url) for code in LANGUAGES for url, _, _ in PAGES]


@pytest.mark.parametrize("code,url", EVERY_PAGE + [(code, "404.html") for code in LANGUAGES])
def test_every_page_has_the_crisis_line_in_its_header(site, code, url):
    path = site / edition_prefix(code) / (url if url.endswith(".html") else url + "index.html")
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
    label, call, text, sms = LABELS[code]
    for bar in (soup.select_one("header.md-header > .crisis-bar"), soup.select_one(".md-search .crisis-bar--search")):
        assert bar is not None, f"{path}: no crisis line in the header and in the search panel"
        assert bar.select_one(".crisis-bar__label").get_text(strip=True) == label
        links = {a["href"]: a.get_text(strip=True) for a in bar.select("a")}
        assert links == {"tel:988": call, sms: text}

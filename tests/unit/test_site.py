"""The built site: pages at their fixed URLs, nav, links, sitemap, 404.

Here: no build and no browser (tests/unit/). The same feature's other layers:
tests/browser/test_site.py, tests/site/test_site.py."""

from __future__ import annotations

from sitebuild import FIXED_URLS, PAGES


def test_every_published_url_is_a_page_in_the_nav():
    assert set(FIXED_URLS) <= {url for url, _, _ in PAGES}
    # The order patients meet them: the topics, what to do next, then
    # reference. A new page may go anywhere; these keep their order.
    order = ["", "pain-overlap/", "physical-relief/", "mental-health/", "safety/", "what-to-expect/",
             "booking/", "glossary/", "clinicians/", "about/"]
    nav = [url for url, _, _ in PAGES]
    assert [url for url in nav if url in order] == order

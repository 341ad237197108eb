"""GitHub project pages serve the site at /<repo>/. Serve the built site
under that prefix and follow every link and asset from every page."""

from __future__ import annotations

import urllib.error
import urllib.request
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

from sitebuild import PAGES


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name in ("href", "src"):
            if attrs.get(name) and not (tag == "link" and attrs.get("rel") in ("canonical", "alternate")):
                self.urls.append(attrs[name])


def _fetch(url: str) -> tuple[int, str]:
    """HTTP status and, for HTML, the body (the 404 page's too)."""
    try:
        response = urllib.request.urlopen(url, timeout=10)
    except urllib.error.HTTPError as error:
        response = error
    with response:
        body = response.read()
        html = response.headers.get_content_type() == "text/html"
        return response.status, body.decode("utf-8") if html else ""


def test_every_link_works_under_the_github_pages_sub_path(server):
    # The 404 page's links are followed too: GitHub serves it at the missing URL.
    missing = server.root + "this-page-does-not-exist/"
    queue = [server.root + url for url, _, _ in PAGES] + [missing]
    seen: set[str] = set()
    broken = []
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        status, html = _fetch(url)
        if status != 200 and url != missing:
            broken.append(f"{url}: HTTP {status}")
        parser = _Links()
        parser.feed(html)
        for link in parser.urls:
            target = urldefrag(urljoin(url, link)).url
            if urlsplit(target).netloc == urlsplit(server.origin).netloc and target not in seen:
                queue.append(target)
    assert not broken, "Broken under the sub-path:\n" + "\n".join(broken)
    # The crawl really ran: it reached the stylesheets and scripts too.
    assert {u.rsplit(".", 1)[-1] for u in seen} >= {"css", "js"}


def test_a_missing_page_gets_the_helpful_404(server):
    status, html = _fetch(server.root + "no/such/page/")
    assert status == 404
    assert "Page not found" in html

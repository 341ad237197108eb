"""Byte budgets (tests/budgets.yml), measured as a phone downloads a page:
a first visit in Chromium with an empty cache, every request until the
network is idle, each body counted as the server sent it (gzip, as GitHub
Pages serves text). The server counts, not the browser: it sees every
request, a web worker's included. How each page weighs against the same
page of a default Material build, and speed, are measured by `make bench`
(benchmarks/site.py), side by side in one run, never here.

Here: the built site in Chromium (tests/browser/). The same feature's other
layers: tests/site/test_budgets.py."""

from __future__ import annotations

import re

import pytest

from sitebuild import BUDGETS, EDITION_URLS, PHONE, FirstVisits


VISITS = EDITION_URLS + ["no-such-page/"]


@pytest.fixture(scope="session")
def served_gzip(server):
    return server   # conftest's server: gzip, as GitHub Pages serves


def describe(url: str, sent: list[tuple[str, str, int]]) -> str:
    heaviest = sorted(sent, key=lambda r: -r[2])
    return (f"/{url}: {sum(r[2] for r in sent):,} bytes gzip in {len(sent)} requests; heaviest:\n"
            + "\n".join(f"  {size:>7,}  {path}" for path, _, size in heaviest[:6]))


@pytest.fixture(scope="module")
def our_visits(browser, served_gzip):
    """Each page's first visit to our site, made once and read by both tests
    below (the budget and search's absence): the second would measure the
    same requests again."""
    made: dict[str, list] = {}
    visits = FirstVisits(browser)

    def visit(url: str) -> list[tuple[str, str, int]]:
        if url not in made:
            made[url] = visits(served_gzip, url)
        return made[url]
    yield visit
    visits.close()


# Every page of every edition is held to the budget.
@pytest.mark.parametrize("url", VISITS)
def test_first_visit_within_budget(our_visits, url):
    ours = our_visits(url)
    total = sum(r[2] for r in ours)
    limit = BUDGETS["first_visit_max_bytes"]
    assert total <= limit, f"over the budget of {limit:,} bytes. " + describe(url, ours)


def test_the_measure_sees_a_web_workers_download(browser, served_gzip):
    """Opened, search starts its worker, which fetches the index: the count
    must include both, which a browser-side count misses."""
    from search_runner import open_search

    context = browser.new_context(viewport=PHONE)
    tab = context.new_page()
    served_gzip.sent.clear()
    tab.goto(served_gzip.root, wait_until="networkidle")
    open_search(tab)
    tab.wait_for_load_state("networkidle")
    context.close()
    sent = list(served_gzip.sent)
    assert any(re.search(r"/workers/search\.[0-9a-f]+\.min\.js$", path) for path, _, _ in sent), sent
    assert any(path.endswith("/search/search_index.json") for path, _, _ in sent), sent


@pytest.mark.parametrize("url", VISITS)
def test_search_loads_nothing_on_a_pages_first_view(our_visits, url):
    """Search gets ready after the first view, once the page is quiet
    (overrides/partials/lazy-search.html), never during it."""
    sent = our_visits(url)
    search = [path for path, _, _ in sent if "/workers/search." in path or "search_index" in path]
    assert not search, f"/{url} downloads search on page load: {search}"



"""Byte budgets (tests/budgets.yml), measured as a phone downloads a page:
a first visit in Chromium with an empty cache, every request until the
network is idle, each body counted as the server sent it (gzip, as GitHub
Pages serves text). The server counts, not the browser: it sees every
request, a web worker's included. Each page is also weighed against the
same page of a default Material build, in the same run. Speed is measured
by `make bench`, never here."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from sitebuild import EDITION_URLS, PAGES, Server, baseline_project, build_baseline, edition_runs, first_visit, site_prefix

BUDGETS = yaml.safe_load((Path(__file__).parent / "budgets.yml").read_text())
VISITS = EDITION_URLS + ["no-such-page/"]


@pytest.fixture(scope="session")
def served_gzip(server):
    return server   # conftest's server: gzip, as GitHub Pages serves


@pytest.fixture(scope="session")
def default_served_gzip(tmp_path_factory, config):
    """Material's default build of the same pages (the benchmark's baseline)."""
    project = tmp_path_factory.mktemp("default-project")
    dest = tmp_path_factory.mktemp("default-site")
    result = build_baseline(dest, baseline_project(project))
    if result.returncode != 0:
        pytest.fail(f"default Material build failed:\n{result.stderr}", pytrace=False)
    with Server(dest, site_prefix(config), gzip=True) as running:
        yield running


def describe(url: str, sent: list[tuple[str, str, int]]) -> str:
    heaviest = sorted(sent, key=lambda r: -r[2])
    return (f"/{url}: {sum(r[2] for r in sent):,} bytes gzip in {len(sent)} requests; heaviest:\n"
            + "\n".join(f"  {size:>7,}  {path}" for path, _, size in heaviest[:6]))


@pytest.fixture(scope="module")
def our_visits(browser, served_gzip):
    """Each page's first visit to our site, made once and read by both tests
    below (the budget and search's absence): a visit is a fresh browser
    context, so the second would measure the same requests again."""
    made: dict[str, list] = {}

    def visit(url: str) -> list[tuple[str, str, int]]:
        if url not in made:
            made[url] = first_visit(browser, served_gzip, url)
        return made[url]
    return visit


# Every page is held to the budget. Lighter than the default build: every
# page of the first edition, each translation's layout pages (edition_runs;
# ours weigh 0.59 to 0.66 of the default's on every page, make bench).
COMPARED = {url for url, _ in edition_runs([None])} | {"no-such-page/"}


@pytest.mark.parametrize("url", VISITS)
def test_first_visit_within_budget_and_lighter_than_default(browser, our_visits, default_served_gzip, url):
    ours = our_visits(url)
    total = sum(r[2] for r in ours)
    limit = BUDGETS["first_visit_max_bytes"]
    assert total <= limit, f"over the budget of {limit:,} bytes. " + describe(url, ours)
    if url not in COMPARED:
        return
    default = first_visit(browser, default_served_gzip, url)
    default_total = sum(r[2] for r in default)
    print(describe(url, ours), f"\n  default Material: {default_total:,} bytes")
    assert total < default_total, (f"not lighter than the default Material build ({default_total:,} bytes). "
                                   + describe(url, ours) + "\n" + describe(url, default))


def test_the_measure_sees_a_web_workers_download(browser, default_served_gzip):
    """The default build starts its search worker on page load; the count
    must include the worker script, which a browser-side count misses."""
    sent = first_visit(browser, default_served_gzip, "")
    assert any(re.search(r"/workers/search\.[0-9a-f]+\.min\.js$", path) for path, _, _ in sent), sent
    assert any(path.endswith("/search/search_index.json") for path, _, _ in sent), sent


@pytest.mark.parametrize("url", VISITS)
def test_search_loads_nothing_until_opened(our_visits, url):
    sent = our_visits(url)
    search = [path for path, _, _ in sent if "/workers/search." in path or "search_index" in path]
    assert not search, f"/{url} downloads search on page load: {search}"


def test_no_web_fonts(site):
    fonts = [p for p in site.rglob("*") if p.suffix in (".woff", ".woff2", ".ttf", ".otf", ".eot")]
    font_faces = [p for p in site.rglob("*.css") if re.search(r"@font-face", p.read_text(encoding="utf-8"))]
    assert len(fonts) + len(font_faces) <= BUDGETS["web_fonts_max"], fonts + font_faces

"""Shared fixtures: one strict build per test session, a local server that
serves it the way GitHub Pages does, and a real headless Chromium."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from sitebuild import PAGES, SAVE_DATA, Server, build, load_config, local_site_url, reserve_port, site_prefix

# The site is built for the address the tests serve it at, as the Pages
# workflow builds it for its published address: its Content Security Policy
# allows scripts from the site's own address only (kbsite/postbuild/csp.py).
# Every build in this session (and `config`) sees this SITE_URL.
SERVER_PORT = reserve_port()
os.environ["SITE_URL"] = local_site_url(SERVER_PORT)

# Flags for Chromium in a container with no network but the registries.
# The background-networking flags stop it calling Google's services.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]


@pytest.fixture(scope="session")
def config() -> dict:
    return load_config()


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The site, built once per session with `mkdocs build --strict`."""
    dest = tmp_path_factory.mktemp("site")
    result = build(dest)
    if result.returncode != 0:
        pytest.fail(f"strict build failed:\n{result.stderr}", pytrace=False)
    return dest


@pytest.fixture(scope="session")
def pages(site) -> dict[str, BeautifulSoup]:
    """Parsed HTML of every page in the nav, keyed by URL ('' is home)."""
    return {url: BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "lxml")
            for url, _, _ in PAGES}


@pytest.fixture(scope="session")
def server(site, config):
    """The site, served as GitHub Pages serves it (gzip, under /<repo>/),
    at the address it was built for."""
    with Server(site, site_prefix(config), gzip=True, port=SERVER_PORT) as running:
        yield running


def _chromium_executable() -> str | None:
    """Debian's Chromium where present; None means Playwright's own browser."""
    for candidate in (os.environ.get("CHROMIUM_PATH"), shutil.which("chromium"), "/usr/bin/chromium"):
        if candidate and os.path.exists(candidate):
            return candidate
    return None


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import Error, sync_playwright

    executable = _chromium_executable()
    with sync_playwright() as p:
        if executable is None and not os.path.exists(p.chromium.executable_path):
            pytest.fail("No Chromium found: `make system` (.ci/system-packages) installs Debian's `chromium`, "
                        "or run `.venv/bin/playwright install chromium`. Browser tests never skip.", pytrace=False)
        try:
            instance = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        except Error as exc:
            pytest.fail(f"Chromium would not start: {exc}", pytrace=False)
        yield instance
        instance.close()


@pytest.fixture(scope="module")
def shared_tab(browser):
    """A tab for the given context options (viewport, colour scheme, touch,
    JavaScript), made once and kept for the module's tests: `shared_tab(
    viewport=PHONE)`. For tests that only load a page and read it: each
    goto loads the page afresh, with the same cookies, storage and cache
    as before. A new context costs Chromium a renderer process (about 0.3 s
    of CPU here), which a run of 40 page checks need not pay 40 times; a
    test of a first visit, of storage or of what a previous page left
    behind makes its own context.
    Its connection asks to save data (Save-Data), so search waits to be
    opened: otherwise it loaded in the background once a page had been
    quiet for 800 ms, at a different moment of each check, and its two
    workers took about a second of CPU each time, on a machine whose two
    cores the run keeps busy. How search loads is tested on its own, from
    a page as most readers get it (tests/browser/test_search.py,
    test_budgets.py)."""
    import json

    made: dict[str, object] = {}

    def tab(prepare=None, **options):
        """`prepare(context)` runs once, on a new tab's context (routes)."""
        key = json.dumps(options, sort_keys=True)
        if key not in made or made[key].is_closed():   # a tab that crashed is made again
            context = browser.new_context(**options)
            context.add_init_script(SAVE_DATA)
            if prepare:
                prepare(context)
            made[key] = context.new_page()
        return made[key]
    yield tab
    for kept in made.values():
        kept.context.close()


@pytest.fixture
def page(browser, server):
    """A fresh browser tab; fails the test on any uncaught page error."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    yield tab
    context.close()
    assert not errors, f"uncaught errors in the page: {errors}"


# ---- The order of the run ----------------------------------------------------

def pytest_collection_modifyitems(config, items):
    """The files of `long` tests first. pytest-xdist hands out whole files
    (--dist loadfile) in this order: a half-minute test handed out last
    kept one worker busy while the other waited at the end of the run."""
    long_files = {item.path for item in items if item.get_closest_marker("long")}
    items.sort(key=lambda item: item.path not in long_files)


# ---- The Zensical canary's report ----------------------------------------------

def pytest_terminal_summary(terminalreporter, exitstatus, config):
    """tests/projects/test_zensical.py's lists of what survives on Zensical and what
    does not yet, printed at the end of every run that ran it."""
    ran = any(report.nodeid.startswith("tests/projects/test_zensical.py::test_the_features")
              for reports in terminalreporter.stats.values() for report in reports if hasattr(report, "nodeid"))
    cache = getattr(config, "cache", None)
    report = cache.get("kbsite/zensical-canary", None) if cache is not None else None
    if not ran or not report:
        return
    terminalreporter.section("Zensical canary")
    terminalreporter.write_line(f"survives ({len(report['surviving'])}):")
    for name in report["surviving"]:
        terminalreporter.write_line(f"  + {name}")
    terminalreporter.write_line(f"not yet ({len(report['missing'])}, tests/projects/test_zensical.py KNOWN_MISSING):")
    for name in report["missing"]:
        terminalreporter.write_line(f"  - {name}")

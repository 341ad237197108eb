"""Build and serve the real site for tests: a strict MkDocs build, served
over HTTP under the same sub-path GitHub Pages uses (/<repo>/)."""

from __future__ import annotations

import datetime

import gzip
import http.server
import mimetypes
import os
import re
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import unquote, urlsplit

import material
import yaml
from mkdocs.utils.meta import get_data
from kbsite.editions import folder

ROOT = Path(__file__).resolve().parent.parent

# Published page URLs: they never change (README). Every one must be in the
# nav; tests/site/test_site.py checks it.
FIXED_URLS = ["", "pain-overlap/", "physical-relief/", "mental-health/", "booking/", "safety/",
              "glossary/", "clinicians/", "what-to-expect/", "about/"]


# Builds in tests see a fixed "today", so a page falling due for review
# never breaks CI (tests that need another day give on_day(...) themselves).
FIXED_TODAY = "2026-12-01"


def on_day(iso_date: str) -> dict[str, str]:
    """The environment of a build on that day: SOURCE_DATE_EPOCH, the build
    date that MkDocs writes into the sitemaps and the review dates read."""
    return {"SOURCE_DATE_EPOCH": str(int(datetime.datetime.fromisoformat(iso_date + "T12:00:00+00:00").timestamp()))}


# Every test build is of the same day, FIXED_TODAY, so two builds either
# side of midnight are the same. And jieba's import warning (the Makefile
# says why) is not in their output.
BUILD_ENV = {"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true", **on_day(FIXED_TODAY),
             "PYTHONWARNINGS": "ignore:pkg_resources is deprecated as an API:UserWarning"}


def load_config(path: Path = ROOT / "mkdocs.yml"):
    """mkdocs.yml as MkDocs reads it (its own loader: !ENV, defaults, the
    trailing slash on site_url), validated, without building."""
    import logging

    from mkdocs.config import load_config as mkdocs_load_config

    logging.getLogger("mkdocs").setLevel(logging.ERROR)   # its INFO lines would clutter test output
    return mkdocs_load_config(config_file=str(path))


def _pages_in_nav() -> list[tuple[str, str, str]]:
    """Every page in mkdocs.yml's nav, in order: (URL, nav label, the H1 of
    its Markdown). Tests iterate over these, so a new page is covered."""
    pages = []

    def walk(items):
        for item in items:
            [(label, src)] = item.items()
            if isinstance(src, list):   # a nav section: its pages, in order
                walk(src)
                continue
            url = "" if src == "index.md" else src.removesuffix(".md") + "/"
            text, _ = get_data((ROOT / "docs" / src).read_text(encoding="utf-8"))
            h1 = next(line for line in text.splitlines() if line.startswith("# "))
            pages.append((url, label, re.sub(r"\s*\{#[^}]*\}\s*$", "", h1[2:]).strip()))

    walk(load_config()["nav"])
    return pages


def site_prefix(config: dict | None = None) -> str:
    """The sub-path the site is published under, e.g. '/ketamine-knowledge-base/'."""
    return urlsplit((config or load_config())["site_url"]).path


def build(dest: Path, config_file: Path = ROOT / "mkdocs.yml", env: dict | None = None,
          extra_args: tuple[str, ...] = ()) -> subprocess.CompletedProcess:
    """Run a real build of every edition, one after another (make build),
    strict unless `extra_args` asks for --dirty (which MkDocs always warns
    about); return the finished process."""
    strict = ("--no-strict",) if "--dirty" in extra_args else ("--strict",)
    return subprocess.run(
        [sys.executable, "-m", "kbsite.mkdocs_build", "build", *strict, "--config-file", str(config_file), "--site-dir", str(dest),
         *extra_args],
        cwd=config_file.parent, capture_output=True, text=True, env={**os.environ, **BUILD_ENV, **(env or {})},
    )


PAGES = _pages_in_nav()


def page_meta(url: str) -> dict:
    """The front matter of the page at `url` ("", "safety/", "es/",
    "es/safety/"): its Markdown file under docs/."""
    path = url.rstrip("/")
    if path in {""} | {folder(code) for code in TRANSLATIONS}:
        path = f"{path}/index".lstrip("/")
    return get_data((ROOT / "docs" / f"{path}.md").read_text(encoding="utf-8"))[1]


def ends_with_a_call_to_book(url: str) -> bool:
    """A page ends with the booking box unless its front matter says
    `booking_cta: false` (Safety: no call to book right after the risks)."""
    return page_meta(url).get("booking_cta", True) is not False

# The site's languages (mkdocs.yml extra.languages): the first at the root,
# each other one under /<code>/ with the same page URLs.
LANGUAGES = [entry["code"] for entry in load_config()["extra"]["languages"]]
TRANSLATIONS = LANGUAGES[1:]
# Every page of every edition: "pain-overlap/", "es/pain-overlap/", ...
EDITION_URLS = [prefix + url for prefix in ["", *(folder(code) + "/" for code in TRANSLATIONS)] for url, _, _ in PAGES]


def edition_of(url: str) -> str:
    """The edition folder a built page is in ("es/"), or "" for the first."""
    first = url.split("/")[0]
    return first + "/" if first in {folder(code) for code in TRANSLATIONS} else ""

# Browser checks that run in every palette and at every screen width: each
# page of the first edition in every combination, and in each translation
# these pages in every combination: the home page (its topic cards) and the
# longest page, safety (lists, notes, footnotes, the crisis box). A
# translation has its English page's markup, block for block
# (tests/site/test_languages.py checks it), and one stylesheet per edition; what
# it adds is its text, which the text checks read on every page (nothing
# left in English, spelling, reading level, lang and hreflang). With four
# editions this is once per layout per edition, as issue #22 allows, and
# make test stays under its 5 minutes.
LAYOUT_PAGES = ["", "safety/"]


def edition_runs(combinations: list, every_page: list | None = None,
                 translations: list | None = None) -> list[tuple[str, object]]:
    """(url, combination) for each run of a browser check that multiplies
    by `combinations`: the first edition's LAYOUT_PAGES in every
    combination, its other pages in the combinations of `every_page`, and
    each translation's LAYOUT_PAGES in those of `translations` (all of them
    unless given: a check may give the palettes at one width, where a second
    width lays out the same markup and colours again)."""
    translated = tuple(folder(code) + "/" for code in TRANSLATIONS)
    runs = []
    for url in EDITION_URLS:
        prefix = next((p for p in translated if url.startswith(p)), "")
        if url[len(prefix):] in LAYOUT_PAGES:
            runs += [(url, combination) for combination in (translations or combinations if prefix else combinations)]
        elif not prefix:
            runs += [(url, combination) for combination in (every_page or combinations)]
    return runs


class _PagesHandler(http.server.BaseHTTPRequestHandler):
    """Serves the site only under `prefix`, 404.html for anything missing,
    and, when `gzip` is on, compressed text: the way GitHub Pages serves a
    project site."""

    prefix = "/"
    directory = "."
    gzip = False
    sent: list  # (path, Content-Type, body bytes as sent), one per response
    COMPRESSIBLE = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")

    def log_message(self, *args):  # keep test output readable
        pass

    def do_HEAD(self):
        self._respond(send_body=False)

    def do_GET(self):
        self._respond(send_body=True)

    def _respond(self, send_body: bool) -> None:
        path = unquote(urlsplit(self.path).path)
        target = Path(self.directory) / path[len(self.prefix):] if path.startswith(self.prefix) else None
        if target is not None and target.is_dir():
            if not path.endswith("/"):  # like Pages: /booking -> /booking/
                self.send_response(301)
                self.send_header("Location", path + "/")
                self.end_headers()
                return
            target = target / "index.html"
        status = 200
        if target is None or not target.is_file():
            status, target = 404, Path(self.directory) / "404.html"
        body = target.read_bytes()
        kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        self.send_response(status)
        self.send_header("Content-Type", kind + ("; charset=utf-8" if kind.startswith("text/") else ""))
        if self.gzip and kind.startswith(self.COMPRESSIBLE) and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(body, 6)
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if send_body:
            self.wfile.write(body)
        self.sent.append((path, kind, len(body) if send_body else 0))


def reserve_port() -> int:
    """A free TCP port on 127.0.0.1, to build a site for before serving it."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def local_site_url(port: int, config: dict | None = None) -> str:
    """The address a local server on `port` gives the site. A build for it
    (SITE_URL) carries a Content Security Policy that allows this address's
    scripts, as the published build allows the published address's."""
    return f"http://127.0.0.1:{port}{site_prefix(config)}"


class Server:
    """A static server for a built site on 127.0.0.1, on `port` (a free one
    by default). `sent` lists every response it has sent: what a browser
    downloaded."""

    def __init__(self, site_dir: Path, prefix: str, gzip: bool = False, port: int = 0):
        self.sent: list[tuple[str, str, int]] = []
        handler = type("Handler", (_PagesHandler,),
                       {"prefix": prefix, "directory": str(site_dir), "gzip": gzip, "sent": self.sent})
        http.server.ThreadingHTTPServer.allow_reuse_address = True
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
        self.origin = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.root = self.origin + prefix
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()


def baseline_project(dest: Path) -> Path:
    """The same pages with Material's defaults: no theme settings, overrides,
    hooks or extra plugins; only the Markdown extensions, so pages render.
    Each translation gets its own default build, as Material documents a
    second language (mkdocs.<code>.yml, its own search index, under /<code>/);
    build_baseline builds them all. Returns the first language's config."""
    import shutil

    config = load_config()
    shutil.copytree(ROOT / "docs", dest / "docs",
                    ignore=shutil.ignore_patterns("javascripts", "stylesheets"))
    shutil.copytree(ROOT / "includes", dest / "includes")
    # The partials the Markdown extension kbsite.markdown.markers renders the
    # clinic's contact block with (its `templates`), so the pages are the same;
    # the theme itself stays Material's.
    shutil.copytree(ROOT / "overrides" / "partials", dest / "overrides" / "partials")
    from kbsite import project
    from kbsite.editions import with_markers_options

    raw = project.load(ROOT / "mkdocs.yml")
    # Each extension with its settings, as written in mkdocs.yml, and the
    # markers extension's from the rest of the configuration, as each
    # edition's generated configuration gives them (kbsite.editions).
    written = [{name: config["mdx_configs"][name]} if name in config["mdx_configs"] else name
               for name in config["markdown_extensions"]]
    baseline = {
        "site_name": config["site_name"],
        "site_url": config["site_url"],
        "nav": config["nav"],
        "theme": {"name": "material"},
        "plugins": ["search"],
        "markdown_extensions": with_markers_options(written, raw, nav=config["nav"], docs_dir="docs",
                                                    url=config["site_url"], language=LANGUAGES[0]),
        # The translations are their own builds.
        "exclude_docs": "".join(f"/{folder(code)}/\n" for code in TRANSLATIONS),
    }
    (dest / "mkdocs.yml").write_text(yaml.safe_dump(baseline, sort_keys=False), encoding="utf-8")
    entries = {entry["code"]: entry for entry in config["extra"]["languages"]}
    for code in TRANSLATIONS:
        extensions = [{**e, "pymdownx.snippets": {**e["pymdownx.snippets"], "base_path": [
                          f"{base}/{folder(code)}" for base in e["pymdownx.snippets"]["base_path"]]}}
                      if isinstance(e, dict) and "pymdownx.snippets" in e else e
                      for e in written]
        extensions = with_markers_options(extensions, raw, nav=[next(iter(item.values())) for item in config["nav"]],
                                          docs_dir=f"docs/{folder(code)}", url=config["site_url"] + folder(code) + "/",
                                          language=code)
        translation = {**baseline, "docs_dir": f"docs/{folder(code)}", "site_url": config["site_url"] + folder(code) + "/",
                       "nav": [next(iter(item.values())) for item in config["nav"]],
                       # Material's name for the language's words (Filipino: tl)
                       "theme": {"name": "material", "language": entries[code].get("interface_language", code)},
                       # lunr's language, where it is not the code (zh-Hant: zh)
                       "plugins": [{"search": {"lang": entries[code].get("search", {}).get("lang", code)}}],
                       "markdown_extensions": extensions}
        del translation["exclude_docs"]
        (dest / f"mkdocs.{code}.yml").write_text(yaml.safe_dump(translation, sort_keys=False), encoding="utf-8")
    return dest / "mkdocs.yml"


def build_baseline(site: Path, config_file: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    """The default Material build of every edition (baseline_project), with
    plain `mkdocs build` (none of our steps): the first language into
    `site`, each translation into site/<code>/."""
    def plain(dest: Path, config: Path) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config),
                               "--site-dir", str(dest)], cwd=config.parent, capture_output=True, text=True,
                              env={**os.environ, **BUILD_ENV, **(env or {})})
    result = plain(site, config_file)
    for code in TRANSLATIONS:
        if result.returncode == 0:
            result = plain(site / folder(code), config_file.parent / f"mkdocs.{code}.yml")
    return result


PHONE = {"width": 390, "height": 844}
# A connection that asks to save data (Save-Data), as an init script: the
# page then loads search only when the reader opens it
# (overrides/partials/lazy-search.html).
SAVE_DATA = "Object.defineProperty(navigator, 'connection', {value: {saveData: true, effectiveType: '4g'}})"


def switch_language(tab, code: str) -> None:
    """Follow the header's link to the edition `code`: a chip with two
    languages, an item of the menu (opened first) with three or more; both
    work without JavaScript."""
    link = tab.locator(f"nav.language-switch a[hreflang={code}]")
    menu = tab.locator("nav.language-switch details.language-switch__menu")
    if menu.count() and not link.is_visible():
        menu.locator("summary").click()
    link.click()


class FirstVisits:
    """First visits on a phone, one after another in one tab: every
    response until the network is idle, (path, type, body bytes as sent),
    counted by the server, which sees every request, a web worker's
    included. Each visit starts with the HTTP cache (memory cache
    included) turned off and nothing stored, and ends on a blank page, as
    closing a context ends it (search starts 800 ms after the network goes
    quiet, and would download into the next count): the requests and bytes
    of an empty cache, as a new browser context gives, at a third of the
    CPU. A new context is a new renderer process (about 0.35 s of CPU here,
    and 0.5 s more to compile the scripts afresh), and the budgets make one
    visit to every page."""

    def __init__(self, browser):
        self.context = browser.new_context(viewport=PHONE)
        self.tab = self.context.new_page()
        self.devtools = self.context.new_cdp_session(self.tab)
        self.devtools.send("Network.enable")
        self.devtools.send("Network.setCacheDisabled", {"cacheDisabled": True})

    def __call__(self, server: Server, url: str) -> list[tuple[str, str, int]]:
        server.sent.clear()
        self.tab.goto(server.root + url, wait_until="networkidle")
        sent = list(server.sent)
        # What the page stored (session storage too, which the origin-wide
        # clearing below leaves), then the page itself, with its requests.
        self.tab.evaluate("() => { sessionStorage.clear(); localStorage.clear(); }")
        self.tab.goto("about:blank")
        origin = "/".join(server.root.split("/")[:3])
        self.devtools.send("Storage.clearDataForOrigin", {"origin": origin, "storageTypes": "all"})
        self.context.clear_cookies()
        return sent

    def close(self) -> None:
        self.context.close()


def copy_project(dest: Path, languages: str = "example") -> Path:
    """A copy of the site's sources (config, pages, overrides, registries,
    the site's code) to change in a test without touching the real ones.
    Builds run in the copy (`python -m mkdocs`, cwd the copy), so its
    kbsite/ comes first on the path, before the venv's.

    languages="example": the copy has the first language and the second,
    the tests' example of a translation (Spanish), and no other language's
    entry or folders. A test of how a page or a setting behaves builds two
    editions, not every one: the code is the same in each, and every
    edition is checked on the session's full build (tests/site/test_languages.py,
    and every check that runs per edition). languages="all": every edition,
    for the tests of editions themselves."""
    import shutil

    codes = [entry["code"] for entry in load_config()["extra"]["languages"]]
    kept_codes = codes[:2] if languages == "example" else codes
    others = {folder(code) for code in codes if code not in kept_codes}
    skip = shutil.ignore_patterns("__pycache__", *others)
    for name in ("docs", "overrides", "hooks", "includes", "kbsite"):
        if (ROOT / name).exists():
            shutil.copytree(ROOT / name, dest / name, ignore=lambda d, names: [n for n in skip(d, names)
                            if n == "__pycache__" or Path(d).name in ("docs", "includes")])
    for name in ("mkdocs.yml", "permalinks.yml", "crisis-words.yml", "crisis-model.json"):
        shutil.copy(ROOT / name, dest / name)
    if others:
        config = dest / "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        # Each entry is one line, `    - {code: ..., ...}` (mkdocs.yml keeps
        # them so); the others go.
        kept = re.sub(rf"^    - \{{code: (?!(?:{'|'.join(map(re.escape, kept_codes))})\b).*\n", "", text, flags=re.M)
        if kept.count("\n    - {code: ") != len(kept_codes):
            raise AssertionError("copy_project: could not keep only the languages "
                                 f"{kept_codes} in mkdocs.yml's extra.languages (one `- {{code: ...}}` line per language)")
        config.write_text(kept, encoding="utf-8")
    return dest


def build_with_page_text(tmp_path: Path, page: str, text: str) -> subprocess.CompletedProcess:
    """A strict build of a copy of the site with `text` added at the end of
    docs/`page`: how the tests show that bad input fails the build. Only
    the page's own edition is built (make build's EDITION=<code>): the
    others never read the page, and the build stops at the first edition
    that fails."""
    edition = next((code for code in TRANSLATIONS if page.split("/")[0] == folder(code)), LANGUAGES[0])
    # A page of a language beyond the example needs every edition's entry.
    beyond = edition in TRANSLATIONS[1:]
    project = copy_project(tmp_path / "project", languages="all" if beyond else "example")
    source = project / "docs" / page
    source.write_text(source.read_text(encoding="utf-8") + text, encoding="utf-8")
    return build(tmp_path / "site", project / "mkdocs.yml", extra_args=("--edition", edition))


def require_tool(name: str, why: str) -> str:
    """The path of a command the tests need. Missing, the test fails, on a
    laptop as in CI (a run that skips what CI checks is a weaker suite),
    naming the command that installs it."""
    import shutil

    import pytest

    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} is not installed, {why}. `make system` (.ci/system-packages) installs it, "
                    "or prints the command to run.", pytrace=False)
    return path


# What tests of more than one layer read (tests/unit, site, browser).
BUDGETS = yaml.safe_load((ROOT / "tests" / "budgets.yml").read_text(encoding="utf-8"))
VOCABULARY_FILES = {code: ROOT / "includes" / ("" if code == LANGUAGES[0] else folder(code)) / "search-vocabulary.yml"
                    for code in LANGUAGES}

# Material's whole stylesheet, as installed.
MATERIAL_CSS = next((Path(material.__file__).parent / "templates" / "assets" / "stylesheets").glob("main.*.min.css"))

"""Private by default: no request leaves the site, no cookies, and a strict
Content Security Policy that nothing the site does violates.

Here: the session's build (tests/site/). The same feature's other layers:
tests/browser/test_privacy.py, tests/projects/test_privacy.py."""

from __future__ import annotations

import base64
import hashlib
from urllib.parse import urlsplit
import pytest
from bs4 import BeautifulSoup
from sitebuild import EDITION_URLS, TRANSLATIONS, site_prefix
from kbsite.editions import folder


@pytest.mark.parametrize("path", [url + "index.html" for url in EDITION_URLS] + ["404.html"])
def test_every_page_carries_the_policy_before_any_script(site, config, path):
    # Each edition is its own site: /es/ pages allow scripts from /es/ only.
    edition = next((folder(code) + "/" for code in TRANSLATIONS if path.startswith(folder(code) + "/")), "")
    site_url, prefix = config["site_url"] + edition, site_prefix(config) + edition
    html = (site / path).read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "lxml")
    meta = soup.select_one('meta[http-equiv="Content-Security-Policy"]')
    policy = dict(d.strip().split(" ", 1) for d in meta["content"].split(";"))
    assert policy["default-src"] == policy["base-uri"] == policy["form-action"] == "'self'"
    # Scripts, workers and connections: the site's own address (its path
    # included), never 'self', which on GitHub Pages is every site of the owner.
    assert policy["worker-src"] == policy["connect-src"] == site_url
    sources = policy["script-src"].split()
    assert sources[0] == site_url and "'self'" not in sources and urlsplit(sources[0]).path != "/"
    assert policy["img-src"] == "'self' data:" and policy["object-src"] == "'none'"
    assert "unsafe-inline" not in meta["content"] and "unsafe-eval" not in meta["content"]
    assert html.count("Content-Security-Policy") == 1
    allowed = set(sources[1:])
    # Hash every inline script that runs, independently of the hook's own code.
    inline = [s.string or "" for s in soup.select("script:not([src])")
              if s.get("type") not in ("application/json", "application/ld+json")]
    assert inline, "Material writes inline scripts on every page"
    assert {"'sha256-" + base64.b64encode(hashlib.sha256(code.encode()).digest()).decode() + "'"
            for code in inline} == allowed
    assert html.index("Content-Security-Policy") < html.index("<script")
    # Material's scope is fixed from site_url, so every page has the same inline scripts.
    assert f'__md_scope=new URL("{prefix}",location)' in html


def test_no_analytics_or_external_assets_in_the_html(site):
    for path in site.rglob("*.html"):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        for tag in soup.select("script[src], link[href], img[src], iframe, source[src]"):
            ref = tag.get("src") or tag.get("href")
            if tag.name == "link" and tag.get("rel") in (["canonical"], ["alternate"]):
                continue
            assert not urlsplit(ref).netloc, f"{path}: {tag.name} loads {ref}"

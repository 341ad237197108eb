"""Inline scripts ship minified.

The theme's inline scripts (partials/lazy-search.html,
partials/alternate-sitemaps.html) are written readable, with comments; the
minifier of our script files (mkdocs-minify-plugin) does not reach scripts
inside a page. This step minifies each inline script that runs (not JSON or
JSON-LD data) with jsmin, before the CSP step hashes them. Material's own
inline scripts come minified, and jsmin leaves them as they are
(tests/test_postbuild.py), so every page keeps one set of hashes.

A step of the post-build layer (kbsite.postbuild); it replaces the `jsmin`
template filter, which only MkDocs had.
"""

from __future__ import annotations

import re

import jsmin

_SCRIPT = re.compile(r"<script(?P<attrs>\s[^>]*)?>(?P<code>.*?)</script>", re.S | re.I)
_DATA_TYPE = re.compile(r"""\btype=["']?application/(?:ld\+)?json""", re.I)


def minify(source: str) -> str:
    # quote_chars: jsmin treats backticks as string quotes only when asked.
    return jsmin.jsmin(source, quote_chars="'\"`").strip()


def minify_inline_scripts(html: str) -> str:
    def visit(match: re.Match) -> str:
        attrs = match["attrs"] or ""
        if re.search(r"\bsrc=", attrs) or _DATA_TYPE.search(attrs) or not match["code"].strip():
            return match[0]
        return f"<script{attrs}>{minify(match['code'])}</script>"
    return _SCRIPT.sub(visit, html)


def apply(site) -> None:
    for path, text in site.pages.items():
        site.pages[path] = minify_inline_scripts(text)

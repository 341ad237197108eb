"""Inline scripts ship minified.

The theme's inline scripts (partials/lazy-search.html,
partials/alternate-sitemaps.html) are written readable, with comments; the
minifier of our script files (mkdocs-minify-plugin) does not reach scripts
inside a page. This step minifies each inline script that runs (not JSON or
JSON-LD data) with jsmin, before the CSP step hashes them. Material's own
inline scripts come minified, and jsmin leaves them as they are
(tests/unit/test_postbuild.py), so every page keeps one set of hashes.

JSON and JSON-LD data (Material's configuration, our structured data)
come out of Jinja's `tojson` with every letter beyond ASCII escaped:
\u6c2f, six bytes for a Chinese character of three. This writes those
letters as themselves, which is the same JSON (tests/unit/test_postbuild.py)
and about 200 bytes less on a Chinese page after gzip. Escapes that keep
the data safe inside HTML (<, >, &, ') stay, and so do surrogate pairs and
U+2028/U+2029.

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


# \uXXXX after an even number of backslashes (an odd one is a literal "\u").
_ESCAPE = re.compile(r"(?<!\\)((?:\\\\)*)\\u([0-9a-fA-F]{4})")


def unescaped_json(code: str) -> str:
    """JSON text with its escaped letters beyond ASCII written as themselves."""
    def one(match: re.Match) -> str:
        point = int(match[2], 16)
        if point < 0x80 or 0xD800 <= point <= 0xDFFF or point in (0x2028, 0x2029):
            return match[0]
        return match[1] + chr(point)
    return _ESCAPE.sub(one, code)


def minify_inline_scripts(html: str) -> str:
    def visit(match: re.Match) -> str:
        attrs = match["attrs"] or ""
        if _DATA_TYPE.search(attrs):
            return f"<script{attrs}>{unescaped_json(match['code'])}</script>"
        if re.search(r"\bsrc=", attrs) or not match["code"].strip():
            return match[0]
        return f"<script{attrs}>{minify(match['code'])}</script>"
    return _SCRIPT.sub(visit, html)


def apply(site) -> None:
    for path, text in site.pages.items():
        site.pages[path] = minify_inline_scripts(text)

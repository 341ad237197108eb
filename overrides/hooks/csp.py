"""A strict Content Security Policy on every page, as a <meta> tag.

Scripts may come only from this site, plus the few small inline scripts
Material writes into every page, allowed by their SHA-256 hashes (computed
here, after the build, from the files as written). No 'unsafe-inline', no
'unsafe-eval'. Material's first inline script contains the site's "scope",
which by default differs with page depth ("..", "../.."); on_config fixes it
from site_url so every page has the same scripts and the same hashes, which
instant navigation needs (the first page's policy stays in force).
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError

# Data blocks (JSON, JSON-LD) are never executed, so they need no hash.
_INLINE_SCRIPT = re.compile(r"<script(?P<attrs>(?:(?!\bsrc=)[^>])*)>(?P<body>.*?)</script>", re.S)
_DATA_TYPES = re.compile(r"""type=["']?application/(?:ld\+)?json""")
# Minified HTML may drop the quotes.
_CHARSET = re.compile(r"""<meta charset=["']?utf-8["']?\s*/?>""", re.I)


def inline_script_hashes(html: str) -> set[str]:
    return {
        "'sha256-" + base64.b64encode(hashlib.sha256(m["body"].encode("utf-8")).digest()).decode() + "'"
        for m in _INLINE_SCRIPT.finditer(html) if not _DATA_TYPES.search(m["attrs"])
    }


def policy(script_hashes: set[str]) -> str:
    return "; ".join([
        "default-src 'self'",
        "script-src 'self' " + " ".join(sorted(script_hashes)),
        "style-src 'self'",
        "img-src 'self' data:",          # Material's icons are data: SVGs in its CSS
        "font-src 'self'",
        "connect-src 'self'",            # the search index and instant navigation
        "worker-src 'self'",             # the search worker
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ])


_serving = False


def on_startup(command, dirty):
    # `mkdocs serve` injects its own inline live-reload script into every page
    # it serves; a policy would block it and stop the preview from reloading.
    # The policy is for the published site, which `mkdocs build` makes.
    global _serving
    _serving = command == "serve"


def on_config(config):
    if not config.extra.get("scope"):
        config.extra["scope"] = urlsplit(config.site_url or "/").path or "/"


def on_post_build(config):
    if _serving:
        return
    pages = sorted(Path(config.site_dir).rglob("*.html"))
    texts = {path: path.read_text(encoding="utf-8") for path in pages}
    hashes = set().union(*(inline_script_hashes(text) for text in texts.values()))
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(hashes)}">'
    for path, text in texts.items():
        charset = _CHARSET.search(text)
        if not charset:
            raise PluginError(f'{path}: no <meta charset="utf-8"> to put the Content Security Policy '
                              "after. The policy must come before any script; check the page's template.")
        path.write_text(text[:charset.end()] + meta + text[charset.end():], encoding="utf-8")

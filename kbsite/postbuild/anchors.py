"""The built site against the permalink registry (permalinks.yml): every
published page and section id still there, or redirected, and every id the
content publishes listed (kbsite.permalinks.check).

The ids are read from each page's content (Material's <article>) as built,
so the check holds for whatever generator wrote the pages. A page is what
has a canonical link: not the 404 page, not a redirect.

A step of the post-build layer (kbsite.postbuild).
"""

from __future__ import annotations

import re
from pathlib import Path

from kbsite import permalinks
from kbsite.errors import SiteError
from kbsite.postbuild.print_qr import canonical_url

_ARTICLE = re.compile(r"<article\b[^>]*>(?P<content>.*)</article>", re.S | re.I)
_ID = re.compile(r"""\sid=(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""")


def published_ids(site) -> dict[str, list[str]]:
    """{"/safety/": [ids in its content, in order]} for every page."""
    published = {}
    for path, text in site.pages.items():
        article = _ARTICLE.search(text)
        if not canonical_url(text) or not article:
            continue
        ids = [next(v for v in m.groups() if v is not None) for m in _ID.finditer(article["content"])]
        published[site.page_key(path)] = list(dict.fromkeys(ids))
    return published


def apply(site, registry_path: Path, redirected_pages: set[str] = frozenset(), *,
          record_new: bool = False) -> dict[str, list[str]]:
    """Check the edition against the registry; with `record_new`, first add
    the ids it publishes that are not listed yet (`make permalinks`). A
    listed id that is gone still fails until it has a redirect. Returns the
    ids recorded."""
    registry = permalinks.load_registry(registry_path)
    published = published_ids(site)
    new = permalinks.unlisted(registry, published) if record_new else {}
    if new:
        registry_path.write_text(permalinks.record(registry_path.read_text(encoding="utf-8"), new), encoding="utf-8")
        for url, ids in new.items():
            registry["pages"].setdefault(url, []).extend(ids)
    sources = {url: site.source(url) for url in published}
    errors = permalinks.check(registry, {u: set(i) for u, i in published.items()}, set(redirected_pages), sources)
    if errors:
        raise SiteError("Permalink check failed:\n  - " + "\n  - ".join(errors))
    return new

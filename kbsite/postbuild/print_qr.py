"""A QR code of each page's published address, for printed handouts.

A patient given a printout can scan it to reach the live, current page.
The code is made with segno (pure Python, offline) as a small PNG beside
the page (qr.png), from the address in the page's canonical link: a page
without one (the 404 page, a redirect) gets none. The page shows it only in
print: the <img> is lazy and hidden on screen, so a screen never downloads
it (tests/browser/test_print_qr.py checks both sides).

A step of the post-build layer (kbsite.postbuild).
"""

from __future__ import annotations

import re
from pathlib import Path

import segno

FILE_NAME = "qr.png"
SCALE = 4    # pixels per module: sharp at print resolution, a few hundred bytes
BORDER = 4   # the quiet zone the QR standard asks for

_CANONICAL = re.compile(r"""<link\b(?=[^>]*\brel=["']?canonical\b)[^>]*\bhref=["']?(?P<url>[^"'\s>]+)""", re.I)


def write_qr(url: str, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    segno.make(url, error="m").save(path, kind="png", scale=SCALE, border=BORDER)


def canonical_url(html: str) -> str | None:
    found = _CANONICAL.search(html)
    return found["url"] if found else None


def apply(site) -> None:
    for path, text in site.pages.items():
        url = canonical_url(text)
        if url:
            write_qr(url, path.parent / FILE_NAME)

"""A QR code of each page's published address, for printed handouts.

A patient given a printout can scan it to reach the live, current page.
The code is made at build time with segno (pure Python, offline) as a small
PNG beside the page (qr.png). The page shows it only in print: the <img>
is lazy and hidden on screen, so a screen never downloads it
(tests/test_print_qr.py checks both sides).
"""

from __future__ import annotations

from pathlib import Path

import segno
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

FILE_NAME = "qr.png"
SCALE = 4    # pixels per module: sharp at print resolution, a few hundred bytes
BORDER = 4   # the quiet zone the QR standard asks for


def write_qr(url: str, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)   # MkDocs writes the page itself just after
    segno.make(url, error="m").save(path, kind="png", scale=SCALE, border=BORDER)


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    if page.canonical_url:
        write_qr(page.canonical_url, (Path(config.site_dir) / page.file.dest_uri).parent / FILE_NAME)
    return output

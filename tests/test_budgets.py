"""Deterministic byte budgets (tests/budgets.yml): each page's first view,
gzip-compressed, and no web fonts. Speed is measured by `make bench`."""

from __future__ import annotations

import gzip
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

from sitebuild import PAGES, site_prefix

BUDGETS = yaml.safe_load((Path(__file__).parent / "budgets.yml").read_text())


def first_view(site: Path, page: Path, prefix: str) -> dict[str, int]:
    """gzip size of the page and of each stylesheet and script it loads."""
    soup = BeautifulSoup(page.read_bytes(), "lxml")
    sizes = {page.relative_to(site).as_posix(): len(gzip.compress(page.read_bytes(), 9))}
    refs = [t["href"] for t in soup.select('link[rel="stylesheet"]')] + [t["src"] for t in soup.select("script[src]")]
    for ref in refs:
        assert not urlsplit(ref).netloc, f"{page}: loads {ref} from another site"
        ref_path = urlsplit(ref).path
        # The 404 page uses root-relative paths under the site's prefix.
        path = (site / ref_path[len(prefix):] if ref_path.startswith("/") else page.parent / ref_path).resolve()
        sizes[path.relative_to(site.resolve()).as_posix()] = len(gzip.compress(path.read_bytes(), 9))
    return sizes


@pytest.mark.parametrize("path", [url + "index.html" for url, _, _ in PAGES] + ["404.html"])
def test_first_view_within_budget(site, config, path):
    sizes = first_view(site, site / path, site_prefix(config))
    total = sum(sizes.values())
    print(f"{path}: {total:,} bytes gzip in {len(sizes)} files")
    assert total <= BUDGETS["first_view_max_bytes"], (
        f"{path}: first view is {total:,} bytes gzip, over the budget of {BUDGETS['first_view_max_bytes']:,}:\n"
        + "\n".join(f"  {size:>7,}  {name}" for name, size in sorted(sizes.items(), key=lambda i: -i[1])))


def test_no_web_fonts(site):
    fonts = [p for p in site.rglob("*") if p.suffix in (".woff", ".woff2", ".ttf", ".otf", ".eot")]
    font_faces = [p for p in site.rglob("*.css") if re.search(r"@font-face", p.read_text(encoding="utf-8"))]
    assert len(fonts) + len(font_faces) <= BUDGETS["web_fonts_max"], fonts + font_faces

"""The byte budget's other side (tests/browser/test_budgets.py measures every
first visit): a page asks for no web font, read from the built HTML."""

from __future__ import annotations

import re
from sitebuild import BUDGETS



def test_no_web_fonts(site):
    fonts = [p for p in site.rglob("*") if p.suffix in (".woff", ".woff2", ".ttf", ".otf", ".eot")]
    font_faces = [p for p in site.rglob("*.css") if re.search(r"@font-face", p.read_text(encoding="utf-8"))]
    assert len(fonts) + len(font_faces) <= BUDGETS["web_fonts_max"], fonts + font_faces

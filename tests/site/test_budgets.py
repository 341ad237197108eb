"""Byte budgets (tests/budgets.yml), measured as a phone downloads a page:
a first visit in Chromium with an empty cache, every request until the
network is idle, each body counted as the server sent it (gzip, as GitHub
Pages serves text). The server counts, not the browser: it sees every
request, a web worker's included. How each page weighs against the same
page of a default Material build, and speed, are measured by `make bench`
(benchmarks/site.py), side by side in one run, never here.

Here: the session's build (tests/site/). The same feature's other layers:
tests/browser/test_budgets.py."""

from __future__ import annotations

import re
from sitebuild import BUDGETS



def test_no_web_fonts(site):
    fonts = [p for p in site.rglob("*") if p.suffix in (".woff", ".woff2", ".ttf", ".otf", ".eot")]
    font_faces = [p for p in site.rglob("*.css") if re.search(r"@font-face", p.read_text(encoding="utf-8"))]
    assert len(fonts) + len(font_faces) <= BUDGETS["web_fonts_max"], fonts + font_faces

"""kbsite/postbuild/unused_css.py: Material's stylesheet, trimmed to what the
site uses: the trimming on small stylesheets, and the proof that matters:
in Chromium, every element of every page (and the search dialog with
results) has the same computed style with the trimmed file as with
Material's whole file.

Here: the session's build (tests/site/). The same feature's other layers:
tests/browser/test_unused_css.py, tests/unit/test_unused_css.py."""

from __future__ import annotations

from sitebuild import MATERIAL_CSS


def test_pages_link_one_stylesheet_trimmed_and_smaller(site, pages):
    trimmed = list((site / "assets" / "stylesheets").glob("main.*.min.css"))
    assert len(trimmed) == 1 and trimmed[0].name != MATERIAL_CSS.name
    assert len(trimmed[0].read_bytes()) < 0.8 * len(MATERIAL_CSS.read_bytes())
    for url, soup in pages.items():
        # One stylesheet request: Material's trimmed, with the palette and ours appended.
        hrefs = [link["href"] for link in soup.select('link[rel="stylesheet"]')]
        assert [h.rsplit("/", 1)[-1] for h in hrefs] == [trimmed[0].name], url
    styles = site / "assets" / "stylesheets"
    [palette] = styles.glob("palette.*.min.css")
    combined = trimmed[0].read_text(encoding="utf-8")
    assert combined.endswith(palette.read_text(encoding="utf-8") + "\n" + (styles / "extra.min.css").read_text(encoding="utf-8"))

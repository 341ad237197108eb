"""kbsite/postbuild/palette_css.py keeps the colours the site uses and the
schemes, and drops Material's other named colours.

Here: the session's build (tests/site/). The same feature's other layers:
tests/unit/test_palette_css.py."""


def test_built_palette_has_only_the_schemes_and_custom_colours(site, config):
    [css] = (site / "assets/stylesheets").glob("palette.*.min.css")
    text = css.read_text()
    assert "[data-md-color-scheme=slate]" in text
    assert "[data-md-color-primary=red]" not in text and "[data-md-color-accent=indigo]" not in text

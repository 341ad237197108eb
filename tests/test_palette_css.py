"""kbsite/postbuild/palette_css.py keeps the colours the site uses and the
schemes, and drops Material's other named colours."""

from kbsite.postbuild.palette_css import colours_in_pages, prune

CSS = ("@media screen{[data-md-color-scheme=slate]{--md-hue:232}}"
       "[data-md-color-primary=red]{--md-primary-fg-color:#ef5552}"
       "[data-md-color-accent=teal]{--md-accent-fg-color:#00bda4}"
       "[data-md-color-primary=custom]{--x:1}")


def test_prune_keeps_schemes_and_used_colours():
    assert prune(CSS, {"custom"}) == ("@media screen{[data-md-color-scheme=slate]{--md-hue:232}}"
                                      "[data-md-color-primary=custom]{--x:1}")
    assert "teal" in prune(CSS, {"teal"}) and "red" not in prune(CSS, {"teal"})


def test_the_colours_in_use_are_read_from_the_built_pages_quoted_or_not():
    """Material writes each palette entry's colours on <body> and on its
    toggle, its default accent (indigo) included when an entry names none."""
    pages = ['<body data-md-color-scheme=default data-md-color-primary=custom data-md-color-accent="indigo">',
             "<input data-md-color-primary='red' data-md-color-media=\"(prefers-color-scheme)\">"]
    assert colours_in_pages(pages) == {"custom", "red", "indigo"}


def test_built_palette_has_only_the_schemes_and_custom_colours(site, config):
    [css] = (site / "assets/stylesheets").glob("palette.*.min.css")
    text = css.read_text()
    assert "[data-md-color-scheme=slate]" in text
    assert "[data-md-color-primary=red]" not in text and "[data-md-color-accent=indigo]" not in text

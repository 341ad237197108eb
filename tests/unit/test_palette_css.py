"""kbsite/postbuild/palette_css.py keeps the colours the site uses and the
schemes, and drops Material's other named colours.

Here: no build and no browser (tests/unit/). The same feature's other layers:
tests/site/test_palette_css.py."""

from kbsite.postbuild.palette_css import colours_in_pages, prune

CSS = ("@media screen{[data-md-color-scheme=slate]{--md-hue:232}}"
       "[data-md-color-primary=red]{--md-primary-fg-color:#ef5552}"
       "[data-md-color-accent=teal]{--md-accent-fg-color:#00bda4}"
       "[data-md-color-primary=custom]{--x:1}")


def test_prune_keeps_schemes_and_used_colours():
    assert prune(CSS, {"custom"}) == ("@media screen{[data-md-color-scheme=slate]{--md-hue:232}}"
                                      "[data-md-color-primary=custom]{--x:1}")
    assert "teal" in prune(CSS, {"teal"}) and "red" not in prune(CSS, {"teal"})


def test_prune_drops_whole_selectors_so_no_scheme_joins_the_next_rule():
    """Material's dark scheme styles each named colour under
    [data-md-color-scheme=slate]: dropping only the colour's attribute left
    the scheme's, glued to the next selector, so `[data-md-color-switching] *`
    became `[data-md-color-scheme=slate][data-md-color-switching] *`."""
    css = ("[data-md-color-scheme=slate][data-md-color-primary=pink]{--a:#fff}"
           "[data-md-color-scheme=slate][data-md-color-primary=black],[data-md-color-scheme=slate]"
           "[data-md-color-primary=custom]{--b:#000}"
           "[data-md-color-switching] *,[data-md-color-switching] :after{transition-duration:0s!important}")
    assert prune(css, {"custom"}) == ("[data-md-color-scheme=slate][data-md-color-primary=custom]{--b:#000}"
                                      "[data-md-color-switching] *,[data-md-color-switching] :after"
                                      "{transition-duration:0s!important}")


def test_prune_leaves_material_s_own_file_valid_and_whole(tmp_path):
    """On Material's real palette.css: every rule left parses, every kept
    selector is one Material wrote, and the schemes and the switch stay."""
    import re
    from pathlib import Path

    import material
    import tinycss2

    [source] = (Path(material.__file__).parent / "templates/assets/stylesheets").glob("palette.*.min.css")
    css = source.read_text(encoding="utf-8")
    pruned = prune(css, {"custom", "indigo"})
    def selectors(text):
        found = set()
        for rule in tinycss2.parse_stylesheet(text, skip_whitespace=True, skip_comments=True):
            assert rule.type != "error", rule.message
            if rule.type == "at-rule" and rule.content:
                found |= selectors(tinycss2.serialize(rule.content))
            elif rule.type == "qualified-rule":
                found |= {s.strip() for s in tinycss2.serialize(rule.prelude).split(",")}
        return found
    kept, original = selectors(pruned), selectors(css)
    assert kept <= original, kept - original
    assert "[data-md-color-switching] *" in kept and "[data-md-color-scheme=slate]" in kept
    assert not re.search(r"data-md-color-(?:primary|accent)=(?!custom\]|indigo\])", pruned)
    assert len(pruned) < len(css) / 2


def test_the_colours_in_use_are_read_from_the_built_pages_quoted_or_not():
    """Material writes each palette entry's colours on <body> and on its
    toggle, its default accent (indigo) included when an entry names none."""
    pages = ['<body data-md-color-scheme=default data-md-color-primary=custom data-md-color-accent="indigo">',
             "<input data-md-color-primary='red' data-md-color-media=\"(prefers-color-scheme)\">"]
    assert colours_in_pages(pages) == {"custom", "red", "indigo"}



"""kbsite/postbuild/unused_css.py: Material's stylesheet, trimmed to what the
site uses: the trimming on small stylesheets, and the proof that matters:
in Chromium, every element of every page (and the search dialog with
results) has the same computed style with the trimmed file as with
Material's whole file.

Here: no build and no browser (tests/unit/). The same feature's other layers:
tests/browser/test_unused_css.py, tests/site/test_unused_css.py."""

from __future__ import annotations


from kbsite.postbuild import unused_css
from sitebuild import MATERIAL_CSS


# ---- Unit tests -------------------------------------------------------------

def test_keeps_rules_whose_classes_are_used_and_drops_the_rest():
    css = ".a{color:red}.a .b{color:blue}.c{color:green}#d{top:0}[data-x]{left:0}[data-y=z]{left:1px}p{margin:0}"
    assert unused_css.trim(css, {"a", "d", "data-y"}) == ".a{color:red}#d{top:0}[data-y=z]{left:1px}p{margin:0}"


def test_a_selector_list_keeps_only_the_selectors_that_can_match():
    assert unused_css.trim(".a,.b,p{color:red}", {"a"}) == ".a,p{color:red}"


def test_not_never_removes_a_rule_and_is_needs_one_alternative():
    css = ".a:not(.unused){color:red}.a :is(.b,.unused){color:blue}.a :is(.x,.y){color:green}"
    assert unused_css.trim(css, {"a", "b"}) == ".a:not(.unused){color:red}.a :is(.b,.unused){color:blue}"


def test_media_blocks_are_trimmed_and_dropped_when_empty():
    css = "@media print{.a{color:red}.b{color:blue}}@media screen{.b{color:blue}}@keyframes k{0%{opacity:0}}"
    assert unused_css.trim(css, {"a"}) == "@media print{.a{color:red}}@keyframes k{0%{opacity:0}}"


def test_custom_properties_nothing_reads_are_dropped_with_their_chains():
    css = (":root{--icon:url('data:image/svg+xml;charset=utf-8,<svg/>');--used:1px;--chain:var(--icon);"
           "--js:2}.a{margin:var(--used)}.gone{mask-image:var(--chain)}")
    assert unused_css.trim(css, {"a"}, read_elsewhere={"--js"}) == ":root{--used:1px;--js:2}.a{margin:var(--used)}"


def test_a_custom_property_stays_while_any_reader_stays():
    # --base is read by --gone (unread, so dropped) and by --kept (read by .a).
    css = ":root{--base:1px;--gone:var(--base);--kept:var(--base)}.a{margin:var(--kept)}"
    assert unused_css.drop_unread_custom_properties(css, set()) == ":root{--base:1px;--kept:var(--base)}.a{margin:var(--kept)}"
    # Two that read each other and nothing else reads: kept, as each is read.
    loop = ":root{--x:var(--y);--y:var(--x)}"
    assert unused_css.drop_unread_custom_properties(loop, set()) == loop


def test_escaped_selectors_are_kept_rather_than_guessed():
    assert unused_css.trim(r".\31 0{color:red}", set()) == r".\31 0{color:red}"


# ---- The built site ---------------------------------------------------------

def test_a_component_that_needs_page_markup_keeps_its_rules_only_where_a_page_has_it():
    """Material's bundle names content tabs' classes whether or not a page
    has tabs; only a page's own markup keeps their rules."""
    css = ".tabbed-set{a:1}.tabbed-labels{b:2}.md-search{c:3}"
    scripts = 'e.classList.add("tabbed-labels","md-search")'
    assert unused_css.trim(css, unused_css.words_in("<p>text</p>", scripts)) == ".md-search{c:3}"
    assert unused_css.trim(css, unused_css.words_in('<div class="tabbed-set"><div class="tabbed-labels">', scripts)) == css
    # This test's assumption: Material's bundle does name them.
    bundle = next((MATERIAL_CSS.parents[1] / "javascripts").glob("bundle.*.min.js")).read_text(encoding="utf-8")
    assert all(word in bundle for word in ("tabbed-labels", "md-annotation", "md-code__nav", "md-version"))



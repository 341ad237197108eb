"""The post-build layer (kbsite/postbuild/) on its own: its steps on small
built folders, and `python -m kbsite.postbuild` on a site that MkDocs built
without our post-build hook, which must come out byte for byte the site
`make build` makes.

Here: no build and no browser (tests/unit/). The same feature's other layers:
tests/projects/test_postbuild.py, tests/site/test_postbuild.py."""

from __future__ import annotations

import json

from pathlib import Path

import pytest

from kbsite.errors import SiteError
from kbsite.postbuild import Site, csp, print_qr, print_urls

CANONICAL = '<link rel=canonical href=https://example.org/guide/safety/>'


def _page(body: str, head: str = CANONICAL) -> str:
    return f'<!doctype html><html><head><meta charset=utf-8>{head}</head><body><article class="md-content__inner">{body}</article></body></html>'


def _site(tmp_path: Path, pages: dict[str, str], **options) -> Site:
    for name, text in pages.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    return Site(tmp_path, "https://example.org/guide/", **options)


# ---- Steps on small folders ---------------------------------------------------

def test_an_edition_leaves_the_other_editions_folders_to_their_own_run(tmp_path):
    site = _site(tmp_path, {"index.html": _page(""), "safety/index.html": _page(""), "es/index.html": _page("")},
                 exclude=("es",))
    assert sorted(p.relative_to(tmp_path).as_posix() for p in site.pages) == ["index.html", "safety/index.html"]
    assert site.page_key(tmp_path / "safety/index.html") == "/safety/"
    assert site.page_url(tmp_path / "safety/index.html") == "https://example.org/guide/safety/"
    assert site.source("/safety/") == "docs/safety.md" and site.source("/") == "docs/index.md"


def test_print_addresses_go_on_content_links_only_minified_or_not(tmp_path):
    body = ('<p><a href=../booking/>book</a> <a href="../glossary/#nmda">NMDA</a> <a href=#misuse>misuse</a></p>'
            '<aside class=booking-cta data-search-exclude><aside><a href=../booking/>inner</a></aside>'
            '<a href=../booking/>still inside</a></aside><a href=../about/>after</a>')
    site = _site(tmp_path, {"safety/index.html": _page(body), "404.html": _page("<a href=../x/>x</a>", head="")})
    print_urls.apply(site)
    text = site.pages[tmp_path / "safety/index.html"]
    assert "<a href=../booking/ data-print-url=https://example.org/guide/booking/>book</a>" in text
    assert '<a href="../glossary/#nmda" data-print-url="https://example.org/guide/glossary/#nmda">' in text
    assert "<a href=#misuse data-same-page>misuse</a>" in text
    # Inside the theme's boxes around the content (hidden in print), nested or not: nothing.
    assert "<a href=../booking/>inner</a>" in text and "<a href=../booking/>still inside</a>" in text
    assert "<a href=../about/ data-print-url=https://example.org/guide/about/>after</a>" in text
    # A page without a canonical link (the 404 page) is never printed.
    assert "data-print-url" not in site.pages[tmp_path / "404.html"]
    print_urls.apply(site)
    assert site.pages[tmp_path / "safety/index.html"] == text, "a second run must change nothing"


def test_qr_codes_only_for_pages_with_a_canonical_address(tmp_path):
    site = _site(tmp_path, {"safety/index.html": _page(""), "404.html": _page("", head="")})
    print_qr.apply(site)
    assert (tmp_path / "safety" / print_qr.FILE_NAME).stat().st_size > 100
    assert not (tmp_path / print_qr.FILE_NAME).exists()
    assert print_qr.canonical_url('<link href="https://a.example/x/" rel="canonical">') == "https://a.example/x/"


def test_the_scope_is_the_same_absolute_path_on_every_page():
    """Material writes base_url ("..", "../..") into its first inline
    script; one hash for every page needs one text."""
    for relative in ("..", "../..", "."):
        html = f'<script>__md_scope=new URL("{relative}",location),__md_hash=1</script>'
        assert csp.same_scope(html, "https://example.org/guide/es/") == \
            '<script>__md_scope=new URL("/guide/es/",location),__md_hash=1</script>'


def test_the_policy_hashes_the_final_scripts_and_is_never_doubled(tmp_path):
    site = _site(tmp_path, {"index.html": _page("", head=CANONICAL + "<script>var a=1</script>")})
    csp.apply(site)
    once = site.pages[tmp_path / "index.html"]
    assert once.count("Content-Security-Policy") == 1
    assert f"'{csp.inline_script_hashes('<script>var a=1</script>').pop()[1:-1]}'" in once
    assert "script-src https://example.org/guide/ " in once
    csp.apply(site)
    assert site.pages[tmp_path / "index.html"] == once


def test_a_stylesheet_the_theme_s_bundle_writes_is_allowed_by_its_hash_and_nothing_else(tmp_path):
    """Zensical's bundle writes its search dialog's styles into a <style>
    (a string in the bundle); the policy allows that text, as the browser
    reads it (escapes undone), by its hash. Material's bundle writes none."""
    import base64
    import hashlib

    css = ".r{content:'\u2715'}\n.a{color:red}"
    zensical = r"""var Tc='.r{content:\'\u2715\'}\n.a{color:red}';function Sc(){o.appendChild(C("style",{},Tc.toString()))}"""
    expected = "'sha256-" + base64.b64encode(hashlib.sha256(css.encode()).digest()).decode() + "'"
    assert csp.bundle_style_hashes(zensical) == {expected}
    assert csp.bundle_style_hashes('var Tc=".a{}";document.createElement("div")') == set()
    site = _site(tmp_path, {"index.html": _page(""), "assets/javascripts/bundle.1.min.js": zensical})
    csp.apply(site)
    assert f"style-src 'self' {expected};" in site.pages[tmp_path / "index.html"]
    # Escaped surrogate pairs are one character, as the browser reads them.
    assert csp._js_string(r"a\uD83D\uDE00b") == "a\U0001F600b"
    # A style whose text cannot be read fails the build, naming the step.
    with pytest.raises(SiteError, match="bundle_style_hashes"):
        csp.bundle_style_hashes('let a=1,Tc=".r{}";o.appendChild(C("style",{},Tc.toString()))')
    (tmp_path / "assets/javascripts/bundle.1.min.js").write_text("var a=1", encoding="utf-8")
    csp.apply(site)
    assert "style-src 'self';" in site.pages[tmp_path / "index.html"]


# ---- Issue #32: honest labels, checked after the build ----------------------------

_CITED = '<h2 id="evidence">Evidence</h2><p>Fact.<sup><a class="footnote-ref" href="#fn:1">1</a></sup></p>'
_ARTICLE = ('<h2 id="claims">Claims</h2><div class="admonition quote clinic-article" data-clinic-label="C’s article:">'
            '<p class="admonition-title">From C’s promotional article.</p><p>It works.</p>'
            '<p class="clinic-article__end">End of C’s promotional article.</p></div>')
_PLAIN = '<h2 id="plain">Plain</h2><p>No source here.</p>'


def _box(points: str, classes: str = "admonition abstract key-points") -> str:
    return f'<div class="{classes}"><p class="admonition-title">Key points</p><ul>{points}</ul></div>'


@pytest.mark.parametrize("points,classes,says", [
    ('<li><a href="#plain">A claim</a> with no source.</li>', "admonition abstract key-points",
     "docs/safety.md: the key point “A claim with no source.” leads to no source"),
    ('<li>No link at all.</li>', "admonition abstract key-points", "“No link at all.” leads to no source"),
    ('<li><a href="#claims">It works</a>.</li>', "admonition abstract key-points",
     "every key point sums up the clinic's article, and the box does not say so"),
])
def test_a_key_point_with_no_source_and_no_summary_note_fails(tmp_path, points, classes, says):
    from kbsite.errors import SiteError
    from kbsite.postbuild import key_points

    site = _site(tmp_path, {"safety/index.html": _page(_box(points, classes) + _CITED + _ARTICLE + _PLAIN)})
    errors = key_points.check(site)
    assert len(errors) == 1 and says in errors[0], errors
    with pytest.raises(SiteError, match="Key points"):
        key_points.apply(site)


@pytest.mark.parametrize("points,classes", [
    ('<li><a href="#evidence">A fact</a>.</li><li><a href="../other/#claims">Their claim</a>.</li>',
     "admonition abstract key-points"),
    ('<li><a href="#claims">It works</a>.</li>', "admonition abstract key-points article-summary"),
])
def test_key_points_that_lead_to_a_source_or_say_they_sum_up_the_article_pass(tmp_path, points, classes):
    from kbsite.postbuild import key_points

    site = _site(tmp_path, {"safety/index.html": _page(_box(points, classes) + _CITED + _ARTICLE),
                            "other/index.html": _page(_ARTICLE)})
    assert key_points.check(site) == []


def _index(tmp_path: Path, texts: list[str]) -> Path:
    path = tmp_path / "search" / "search_index.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"config": {"lang": ["en"]}, "docs": [{"location": f"p/#{i}", "text": t, "title": ""}
                                                                    for i, t in enumerate(texts)]}), "utf-8")
    return path


def test_search_marks_every_block_of_the_clinics_article_and_nothing_else(tmp_path):
    from kbsite.postbuild import search_labels

    inside = ("<p>From C’s promotional article.</p> <p>It works.</p> <ul> <li>Fast.</li> </ul> "
              "<p>End of C’s promotional article.</p>")
    index = _index(tmp_path, ["<p>Ours before.</p> " + inside + " <p>Ours after.</p>", "<p>Ours only.</p>",
                              # Chinese, as Material's search plugin splits it into words
                              "<p>\u200b以下\u200b摘自 C</p>"])
    site = _site(tmp_path, {"p/index.html": _page(_ARTICLE)})
    search_labels.apply(site)
    data = json.loads(index.read_text("utf-8"))
    first = data["docs"][0]["text"]
    assert first == ("<p>Ours before.</p> <p data-clinic-article>It works.</p> <ul data-clinic-article> "
                     "<li data-clinic-article>Fast.</li> </ul> <p>Ours after.</p>"), \
        "every block marked; the label and the end line, whose words matched every passage, left out"
    assert data["docs"][1]["text"] == "<p>Ours only.</p>"
    assert data["config"]["clinic_article"] == {"label": "From C’s promotional article.",
                                                "end": "End of C’s promotional article.", "short": "C’s article:"}
    search_labels.apply(site)
    assert json.loads(index.read_text("utf-8"))["docs"][0]["text"] == first, "a second run changes nothing"


def test_search_labels_need_the_passages_words(tmp_path):
    from kbsite.errors import SiteError
    from kbsite.postbuild import search_labels

    _index(tmp_path, ["<p>x</p>"])
    site = _site(tmp_path, {"p/index.html": _page('<div class="admonition clinic-article"><p>No label.</p></div>')})
    with pytest.raises(SiteError, match="p/index.html: a clinic-article passage without its label"):
        search_labels.apply(site)

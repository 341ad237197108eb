"""The site's Python-Markdown extensions (kbsite/markdown/), called as any
generator would: `markdown.markdown(text, extensions=[...])`. Markdown in,
HTML out, in the style of pymdown-extensions' tests."""

from __future__ import annotations

import textwrap

import markdown
import pytest


def check(source: str, expected: str, extensions: list, configs: dict | None = None) -> None:
    """The HTML of `source` is exactly `expected` (both dedented)."""
    html = markdown.markdown(textwrap.dedent(source).strip(), extensions=extensions, extension_configs=configs or {})
    assert html == textwrap.dedent(expected).strip(), html


TOC = {"toc": {"permalink": True, "permalink_title": "Link to this section"}}


def test_each_section_and_subsection_gets_a_copy_link_button_named_by_its_heading():
    check(
        """
        # Title {#t}

        ## Risks & "side" *effects* {#risks}

        #### Deep {#deep}
        """,
        '<h1 id="t">Title<a class="headerlink" href="#t" title="Link to this section">&para;</a></h1>\n'
        '<h2 id="risks">Risks &amp; "side" <em>effects</em><a class="headerlink" href="#risks" '
        'title="Link to this section">&para;</a><button type="button" class="copy-link" '
        'aria-label="Copy link to section: Risks &amp; &quot;side&quot; effects" data-search-exclude>Copy link</button></h2>\n'
        '<h4 id="deep">Deep<a class="headerlink" href="#deep" title="Link to this section">&para;</a></h4>\n'
        '<div hidden data-copy-link-words="{&quot;copy&quot;: &quot;Copy link&quot;, &quot;copied&quot;: &quot;Copied&quot;, '
        '&quot;done&quot;: &quot;Link copied:&quot;, &quot;failed&quot;: &quot;Could not copy. The link is selected:&quot;, '
        '&quot;field&quot;: &quot;Link to this section&quot;}"></div>',
        ["toc", "attr_list", "kbsite.markdown.copy_link_buttons"], TOC)


def test_copy_link_buttons_speak_the_language_they_are_given():
    html = markdown.markdown("## Riesgos {#risks}\n\n### Sub {#sub data-search-exclude}\n",
                             extensions=["toc", "attr_list", "kbsite.markdown.copy_link_buttons"],
                             extension_configs={**TOC, "kbsite.markdown.copy_link_buttons": {
                                 "copy": "Copiar enlace", "label": "Copiar enlace a la sección: {title}"}})
    assert '<button type="button" class="copy-link" aria-label="Copiar enlace a la sección: Riesgos" ' \
           'data-search-exclude>Copiar enlace</button></h2>' in html
    assert 'aria-label="Copiar enlace a la sección: Sub"' in html and html.count("<button") == 2


def test_a_page_without_sections_gets_no_buttons_and_no_words():
    check("# Only a title {#t}\n\nText.", '<h1 id="t">Only a title<a class="headerlink" href="#t" '
          'title="Link to this section">&para;</a></h1>\n<p>Text.</p>',
          ["toc", "attr_list", "kbsite.markdown.copy_link_buttons"], TOC)


def test_footnote_back_links_are_named_by_aria_label_not_title():
    check(
        """
        Text.[^a]

        [^a]: One.
        """,
        '<p>Text.<sup id="fnref:a"><a class="footnote-ref" href="#fn:a">1</a></sup></p>\n'
        '<div class="footnote">\n<hr />\n<ol>\n<li id="fn:a">\n'
        '<p>One.&#160;<a class="footnote-backref" href="#fnref:a" aria-label="Back to text">&#8617;</a></p>\n'
        '</li>\n</ol>\n</div>',
        ["footnotes", "kbsite.markdown.footnote_backlinks"], {"footnotes": {"BACKLINK_TITLE": "Back to text"}})


def test_a_note_cited_three_times_has_one_back_link_to_its_first_citation():
    check(
        """
        One.[^a] Two.[^a] Three.[^a] Four.[^b]

        [^a]: Source.
        [^b]: Other.
        """,
        '<p>One.<sup id="fnref:a"><a class="footnote-ref" href="#fn:a">1</a></sup> '
        'Two.<sup id="fnref2:a"><a class="footnote-ref" href="#fn:a">1</a></sup> '
        'Three.<sup id="fnref3:a"><a class="footnote-ref" href="#fn:a">1</a></sup> '
        'Four.<sup id="fnref:b"><a class="footnote-ref" href="#fn:b">2</a></sup></p>\n'
        '<div class="footnote">\n<hr />\n<ol>\n<li id="fn:a">\n'
        '<p>Source.&#160;<a class="footnote-backref" href="#fnref:a" aria-label="Back to text">&#8617;</a></p>\n'
        '</li>\n<li id="fn:b">\n'
        '<p>Other.&#160;<a class="footnote-backref" href="#fnref:b" aria-label="Back to text">&#8617;</a></p>\n'
        '</li>\n</ol>\n</div>',
        ["footnotes", "kbsite.markdown.footnote_backlinks"], {"footnotes": {"BACKLINK_TITLE": "Back to text"}})


def test_without_the_extension_python_markdown_titles_the_back_links():
    """This test's assumption about Python-Markdown: the title is its own."""
    html = markdown.markdown("Text.[^a]\n\n[^a]: One.", extensions=["footnotes"],
                             extension_configs={"footnotes": {"BACKLINK_TITLE": "Back to text"}})
    assert 'title="Back to text"' in html
    assert html.count("footnote-backref") == 1
    several = markdown.markdown("A.[^a] B.[^a]\n\n[^a]: One.", extensions=["footnotes"])
    assert several.count('class="footnote-backref"') == 2, "and one back-link per citation"


def test_a_glossary_term_is_a_tooltip_on_its_first_use_only():
    check(
        """
        CRPS is rare. CRPS hurts.

        - CRPS again.

        *[CRPS]: Complex regional pain syndrome.
        """,
        '<p><abbr title="Complex regional pain syndrome.">CRPS</abbr> is rare. CRPS hurts.</p>\n'
        "<ul>\n<li>CRPS again.</li>\n</ul>",
        ["abbr", "kbsite.markdown.first_use_tooltips"])


def test_without_the_extension_every_use_is_a_tooltip():
    """This test's assumption about Python-Markdown's abbr extension."""
    html = markdown.markdown("CRPS and CRPS.\n\n*[CRPS]: Pain.", extensions=["abbr"])
    assert html.count("<abbr") == 2


def test_a_chinese_term_is_a_tooltip_inside_a_run_of_chinese():
    """Chinese has no spaces: 纖維肌痛症 inside 例如纖維肌痛症和背痛 is still a
    word, and a Latin term keeps its word boundaries (NMDAX is not NMDA)."""
    check(
        """
        例如纖維肌痛症和背痛。纖維肌痛症很常見。NMDA 受體，不是 NMDAX。

        *[纖維肌痛症]: 一種長期的病。
        *[NMDA]: 一種受體。
        """,
        '<p>例如<abbr title="一種長期的病。">纖維肌痛症</abbr>和背痛。纖維肌痛症很常見。'
        '<abbr title="一種受體。">NMDA</abbr> 受體，不是 NMDAX。</p>',
        ["abbr", "kbsite.markdown.first_use_tooltips"])


def test_without_the_extension_a_chinese_term_inside_chinese_is_no_tooltip():
    """This test's assumption about Python-Markdown's abbr: it wants a word
    boundary on each side, which never comes between two Chinese characters."""
    html = markdown.markdown("例如纖維肌痛症和背痛。\n\n*[纖維肌痛症]: 病。", extensions=["abbr"])
    assert "<abbr" not in html


# ---- kbsite.markdown.markers ---------------------------------------------------

def test_the_glossary_marker_becomes_the_glossary_as_a_definition_list(tmp_path):
    (tmp_path / "glossary.md").write_text("*[NMDA]: A receptor in the brain.\n*[CRPS]: A pain condition.\n")
    check("""
        # Glossary {#glossary}

        <!-- kb:glossary -->
    """, """
        <h1 id="glossary">Glossary</h1>
        <dl>
        <dt>CRPS</dt>
        <dd>A pain condition.</dd>
        <dt>NMDA</dt>
        <dd>A receptor in the brain.</dd>
        </dl>
    """, ["attr_list", "def_list", "kbsite.markdown.markers"],
        {"kbsite.markdown.markers": {"base_path": [str(tmp_path / "missing"), str(tmp_path)]}})


def test_a_value_marker_becomes_its_text_escaped_inside_a_sentence():
    check("Published by <!-- kb:clinic-name -->, a clinic.",
          "<p>Published by Avid &amp; Co, a clinic.</p>",
          ["kbsite.markdown.markers"], {"kbsite.markdown.markers": {"values": {"clinic-name": "Avid & Co"}}})


def test_an_unknown_marker_is_left_as_it_is():
    check("<!-- kb:not-a-marker -->", "<!-- kb:not-a-marker -->", ["kbsite.markdown.markers"])


def _pages(folder) -> None:
    (folder / "index.md").write_text("---\ntitle: Welcome page\n---\n# Welcome {#welcome}\n\n## Find it {#topics}\n")
    (folder / "safety.md").write_text(textwrap.dedent("""\
        ---
        title: Safety
        ---
        # Safety & "side" effects {#safety}

        ```markdown
        ## Not a heading {#no}
        ```

        ## Who should not {#who}

        ### Heart disease {#heart}

        #### Too deep for the table {#deep}
        """))


def test_the_section_links_marker_becomes_every_section_of_every_page_in_nav_order(tmp_path):
    _pages(tmp_path)
    check("<!-- kb:section-links -->", """\
        <div class="md-typeset__scrollwrap"><div class="md-typeset__table"><table class="section-links" data-search-exclude><thead><tr>
        <th>Page</th>
        <th>Section</th>
        <th>Link</th>
        </tr></thead>
        <tbody>
        <tr>
        <td>Home</td>
        <td class="section-links__title">Welcome</td>
        <td><a href="https://x.example/" data-print-plain><code>https://x.example/</code></a></td>
        </tr>
        <tr>
        <td>Home</td>
        <td class="section-links__title">Find it</td>
        <td><a href="https://x.example/#topics" data-print-plain><code>https://x.example/#topics</code></a></td>
        </tr>
        <tr>
        <td>Safety</td>
        <td class="section-links__title">Safety &amp; "side" effects</td>
        <td><a href="https://x.example/safety/" data-print-plain><code>https://x.example/safety/</code></a></td>
        </tr>
        <tr>
        <td>Safety</td>
        <td class="section-links__title">Who should not</td>
        <td><a href="https://x.example/safety/#who" data-print-plain><code>https://x.example/safety/#who</code></a></td>
        </tr>
        <tr>
        <td>Safety</td>
        <td class="section-links__title section-links__sub">Heart disease</td>
        <td><a href="https://x.example/safety/#heart" data-print-plain><code>https://x.example/safety/#heart</code></a></td>
        </tr>
        </tbody></table></div></div>""", ["kbsite.markdown.markers"], {"kbsite.markdown.markers": {
            "pages": [["index.md", "Home"], ["safety.md", None]], "docs_dir": str(tmp_path),
            "site_url": "https://x.example/"}})


def test_the_section_links_headers_speak_the_edition_language(tmp_path):
    _pages(tmp_path)
    (tmp_path / "interface.yml").write_text("Page: Página\nSection: Sección\nLink: Enlace\n")
    html = markdown.markdown("<!-- kb:section-links -->", extensions=["kbsite.markdown.markers"], extension_configs={
        "kbsite.markdown.markers": {"pages": [["index.md", None]], "docs_dir": str(tmp_path),
                                    "site_url": "https://x.example/es/", "base_path": [str(tmp_path)]}})
    assert "<th>Página</th>\n<th>Sección</th>\n<th>Enlace</th>" in html
    assert "<td>Welcome page</td>" in html, "without a nav title, the page's own title"


def test_the_section_links_marker_without_its_pages_names_the_command():
    from kbsite.errors import SiteError

    with pytest.raises(SiteError, match=r"no pages or site_url.*make build"):
        markdown.markdown("<!-- kb:section-links -->", extensions=["kbsite.markdown.markers"])


A_CLINIC = {"name": "Avid & Co", "website": "https://avid.example/", "phone": "(415) 555-0100",
          "email": "book@avid.example", "feedback_url": "https://avid.example/report"}


def test_the_report_marker_becomes_every_way_the_clinic_gives_inside_a_sentence():
    check("- <!-- kb:report-issue -->", """
        <ul>
        <li><a href="https://github.com/o/r/issues">open an issue on GitHub</a> (you need a free GitHub account), \
or email <a href="mailto:book@avid.example">book@avid.example</a>, \
<a href="https://avid.example/report">or use the clinic&#x27;s form</a>.</li>
        </ul>
    """.replace("\\\n", ""), ["kbsite.markdown.markers"],
          {"kbsite.markdown.markers": {"clinic": A_CLINIC, "repo_url": "https://github.com/o/r/"}})


def test_the_report_marker_speaks_the_edition_language_from_its_interface_words(tmp_path):
    (tmp_path / "interface.yml").write_text('open an issue on GitHub: abra un aviso en GitHub\n'
                                            '"(you need a free GitHub account)": (necesita una cuenta)\n')
    check("<!-- kb:report-issue -->",
          '<p><a href="https://github.com/o/r/issues">abra un aviso en GitHub</a> (necesita una cuenta).</p>',
          ["kbsite.markdown.markers"], {"kbsite.markdown.markers": {
              "clinic": {"name": "Avid"}, "repo_url": "https://github.com/o/r", "base_path": [str(tmp_path)]}})


# A Key points box, as written and as rendered (admonition).
KEY_POINTS = '!!! abstract key-points "Key points"\n\n    - A point.\n\n'
KEY_POINTS_HTML = ('<div class="admonition abstract key-points">\n<p class="admonition-title">Key points</p>\n'
                   '<ul>\n<li>A point.</li>\n</ul>\n</div>\n')


def test_the_book_marker_becomes_a_button_to_the_booking_page_out_of_the_search_index(tmp_path):
    (tmp_path / "interface.yml").write_text("Book a consultation: Pida una consulta\n")
    check(KEY_POINTS + "<!-- kb:book -->\n\nText.",
          KEY_POINTS_HTML + '<p class="booking-link" data-search-exclude><a class="md-button md-button--primary" '
          'href="reservar.md">Pida una consulta</a></p>\n<p>Text.</p>',
          ["admonition", "attr_list", "kbsite.markdown.markers"],
          {"kbsite.markdown.markers": {"base_path": [str(tmp_path)], "booking_page": "reservar.md"}})


def test_a_translation_without_a_word_a_block_shows_names_the_file_and_the_line_to_add(tmp_path):
    from kbsite.errors import SiteError

    (tmp_path / "interface.yml").write_text("open an issue on GitHub: abra un aviso en GitHub\n")
    with pytest.raises(SiteError, match=r"interface.yml: no translation for '\(you need a free GitHub account\)'"):
        markdown.markdown("<!-- kb:report-issue -->", extensions=["kbsite.markdown.markers"], extension_configs={
            "kbsite.markdown.markers": {"repo_url": "https://github.com/o/r", "base_path": [str(tmp_path)]}})


def test_the_contact_marker_becomes_the_theme_partial_as_a_block_search_can_read():
    from sitebuild import ROOT

    html = markdown.markdown("Book here:\n\n<!-- kb:clinic-contact -->\n\nAfter.", extensions=["kbsite.markdown.markers"],
                             extension_configs={"kbsite.markdown.markers": {
                                 "clinic": {**A_CLINIC, "hours": ["Mo-Fr 09:00-17:30"]},
                                 "templates": [str(ROOT / "overrides")]}})
    assert html.startswith('<p>Book here:</p>\n<div class="clinic-contact">') and html.endswith("</div>\n\n<p>After.</p>")
    assert 'href="tel:+14155550100">(415) 555-0100</a>' in html
    assert 'href="mailto:book@avid.example">book@avid.example</a>' in html
    assert "<li>Monday to Friday: 9:00 am to 5:30 pm</li>" in html
    assert "Book on Avid &amp; Co's website" in html, "the clinic's name escaped, as the theme does"


def test_without_templates_the_contact_marker_is_left_as_it_is():
    check("<!-- kb:clinic-contact -->", "<!-- kb:clinic-contact -->", ["kbsite.markdown.markers"])


def test_a_glossary_that_is_not_there_names_the_setting(tmp_path):
    from kbsite.errors import SiteError

    with pytest.raises(SiteError, match="kbsite.markdown.markers: the glossary 'glossary.md' is not in any base_path"):
        markdown.markdown("<!-- kb:glossary -->", extensions=["kbsite.markdown.markers"],
                          extension_configs={"kbsite.markdown.markers": {"base_path": [str(tmp_path)]}})


# ---- kbsite.markdown.explicit_ids -----------------------------------------------

IDS = ["attr_list", "toc", "pymdownx.superfences", "kbsite.markdown.explicit_ids"]


def test_headings_with_their_own_ids_pass_as_they_are():
    check("""
        # Safety {#safety}

        Side effects {#side-effects}
        ----------------------------

        ```text
        # not a heading
        ```
    """, """
        <h1 id="safety">Safety</h1>
        <h2 id="side-effects">Side effects</h2>
        <div class="highlight"><pre><span></span><code># not a heading
        </code></pre></div>
    """, IDS)


def test_a_heading_without_its_own_id_is_an_error_naming_it():
    from kbsite.errors import SiteError

    with pytest.raises(SiteError, match=r"these headings have no explicit id(.|\n)*\n  Side effects$"):
        markdown.markdown("# Safety {#safety}\n\n## Side *effects*\n", extensions=IDS)


def test_a_build_can_collect_the_headings_instead_to_name_the_file():
    missing = []
    markdown.markdown("## Risks\n\n### Who {#who}\n\nAfter\n=====\n", extensions=IDS,
                      extension_configs={"kbsite.markdown.explicit_ids": {"report": missing.extend}})
    assert missing == ["Risks", "After"]


# ---- The clinic's article, labelled as its promotion (#32) --------------------------

CLINIC = {"kbsite.markdown.clinic_article": {"clinic": "Avid Sports Medicine"}}


def test_a_short_passage_is_labelled_at_its_top_and_ends_for_screen_readers():
    check(
        """
        !!! quote clinic-article "Whatever title the page gave"

            Ketamine provides a reset.
        """,
        '<div class="admonition quote clinic-article" data-clinic-label="Avid Sports Medicine’s promotional article:">\n'
        '<p class="admonition-title">From Avid Sports Medicine’s promotional article. Avid Sports Medicine provides this '
        'treatment and is paid for it.</p>\n'
        '<p>Ketamine provides a reset.</p>\n'
        '<p class="clinic-article__end visually-hidden">End of Avid Sports Medicine’s promotional article.</p>\n'
        '</div>',
        ["admonition", "kbsite.markdown.clinic_article"], CLINIC)


def test_a_long_passage_shows_where_it_ends_and_the_words_come_from_the_options():
    html = markdown.markdown('!!! quote clinic-article ""\n\n    One.\n\n    Two.\n\n    Three.\n',
                             extensions=["admonition", "kbsite.markdown.clinic_article"],
                             extension_configs={"kbsite.markdown.clinic_article": {
                                 "clinic": "C", "label": "Del artículo promocional de {clinic}.",
                                 "end": "Fin del artículo de {clinic}.", "short": "Artículo de {clinic}:"}})
    assert '<p class="admonition-title">Del artículo promocional de C.</p>' in html
    assert '<p class="clinic-article__end">Fin del artículo de C.</p>' in html
    assert 'data-clinic-label="Artículo de C:"' in html


def test_a_key_points_box_that_sums_up_the_article_says_so_and_ours_does_not():
    source = '!!! abstract key-points{} "Key points"\n\n    - A point.\n'
    extensions = ["admonition", "kbsite.markdown.clinic_article"]
    summary = markdown.markdown(source.format(" article-summary"), extensions=extensions, extension_configs=CLINIC)
    assert summary.endswith('<p class="key-points__note">These points sum up Avid Sports Medicine’s article on this '
                            'page. They are not independent evidence.</p>\n</div>'), summary
    assert "key-points__note" not in markdown.markdown(source.format(""), extensions=extensions,
                                                       extension_configs=CLINIC)


def test_without_the_extension_a_passage_carries_no_label():
    html = markdown.markdown('!!! quote clinic-article ""\n\n    Ketamine provides a reset.\n', extensions=["admonition"])
    assert "promotional" not in html and "admonition-title" not in html


def test_a_page_with_key_points_lists_its_sections_after_them_and_after_the_button_to_book():
    check(KEY_POINTS + "<!-- kb:book -->\n\n## One {#one}\n\n## Two `code` {#two}\n\n## Three {#three}",
          KEY_POINTS_HTML + '<p class="booking-link" data-search-exclude><a class="md-button md-button--primary" '
          'href="booking.md">Book a consultation</a></p>\n'
          '<nav aria-label="En esta página" class="page-contents" data-search-exclude=""><p aria-hidden="true" '
          'class="page-contents__title">En esta página</p><ul><li><a href="#one">One</a></li><li><a href="#two">Two '
          'code</a></li><li><a href="#three">Three</a></li></ul></nav>\n'
          '<h2 id="one">One</h2>\n<h2 id="two">Two <code>code</code></h2>\n<h2 id="three">Three</h2>',
          ["admonition", "attr_list", "kbsite.markdown.markers", "kbsite.markdown.page_contents"],
          {"kbsite.markdown.page_contents": {"title": "En esta página"}})


@pytest.mark.parametrize("source", [
    "## One {#one}\n\n## Two {#two}\n\n## Three {#three}",                                    # no Key points
    '!!! abstract key-points "Key points"\n\n    - A.\n\n## One {#one}\n\n## Two {#two}',   # two sections
])
def test_no_list_without_key_points_or_with_few_sections(source):
    html = markdown.markdown(source, extensions=["admonition", "attr_list", "kbsite.markdown.page_contents"])
    assert "page-contents" not in html


def test_a_glossary_term_in_a_heading_keeps_its_tooltip_in_the_text_not_in_the_list():
    source = textwrap.dedent("""
        !!! abstract key-points "Key points"

            - A point.

        ## About CRPS {#crps}

        ## Two {#two}

        ## Three {#three}

        *[CRPS]: Complex regional pain syndrome.
    """)
    html = markdown.markdown(source, extensions=["admonition", "attr_list", "abbr", "kbsite.markdown.first_use_tooltips",
                                                 "kbsite.markdown.page_contents"])
    assert '<a href="#crps">About CRPS</a>' in html
    assert '<h2 id="crps">About <abbr title="Complex regional pain syndrome.">CRPS</abbr></h2>' in html


def test_each_extension_of_kbsite_markdown_is_listed_in_mkdocs_yml(config):
    """Read from the package, so a new extension cannot be left out of the
    build unnoticed."""
    import importlib
    import pkgutil

    import kbsite.markdown

    modules = [f"kbsite.markdown.{module.name}" for module in pkgutil.iter_modules(kbsite.markdown.__path__)]
    extensions = [name for name in modules if hasattr(importlib.import_module(name), "makeExtension")]
    listed = [next(iter(entry)) if isinstance(entry, dict) else entry for entry in config["markdown_extensions"]]
    assert len(extensions) >= 7, extensions
    assert [name for name in extensions if name not in listed] == []

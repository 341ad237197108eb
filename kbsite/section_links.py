"""Build the "every linkable section" table on the clinicians' page.

The page marks the spot with <!-- kb:section-links --> (kbsite/markers.py). The table is made from
each page's table of contents at build time, never kept by hand: MkDocs
renders every page's Markdown before it writes any page, so by the time
this page's template context is made, every page's headings are known.
"""

from __future__ import annotations

import html

MAX_LEVEL = 3  # page titles (h1), sections (h2) and subsections (h3)


def _sections(items):
    """Table-of-contents items down to MAX_LEVEL, in page order."""
    for item in items:
        if item.level <= MAX_LEVEL:
            yield item
            yield from _sections(item.children)


def section_table(pages, translate=lambda text: text) -> str:
    """`translate`: the headers in the build's language (languages.py)."""
    rows = []
    for page in pages:
        for item in _sections(page.toc):
            url = f"{page.canonical_url}#{item.id}" if item.level > 1 else page.canonical_url
            indent = " section-links__sub" if item.level > 2 else ""
            rows.append(
                f'<tr><td>{html.escape(page.title)}</td>'
                f'<td class="section-links__title{indent}">{item.title}</td>'
                # data-print-plain: the text is the address, so print does not add it again.
                f'<td><a href="{html.escape(url)}" data-print-plain><code>{html.escape(url)}</code></a></td></tr>')
    return ('<div class="md-typeset__scrollwrap" data-search-exclude><div class="md-typeset__table">'
            '<table class="section-links"><thead><tr>'
            + "".join(f"<th>{html.escape(translate(name))}</th>" for name in ("Page", "Section", "Link"))
            + '</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table></div></div>')


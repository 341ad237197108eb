"""Give every link in a page's content its absolute address for print.

A printed handout cannot be clicked, so print CSS writes the address of
each link to another page or site after its text (not of a link to a section
of the same page, a footnote or a back-link, nor of a link whose text is
its address: a reference's "doi:10.1056/X"). CSS can only print an
attribute as written, and our own links are relative ("../booking/"), so
this step resolves them against the page's published URL (a[data-print-url]);
links to other sites print their href as it is.

A step of the post-build layer (kbsite.postbuild): it reads built pages,
minified or not, and touches only a page's own content: Material's
<article>, less what Material's search also leaves out (an element marked
data-search-exclude: the theme's boxes around the content, such as the
language switch and the booking box, which print hides). A page is what
has a canonical link: the 404 page is never printed.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

# Any start or end tag. Minified HTML may drop the quotes around an
# attribute's value.
_TAG = re.compile(r"<(?P<end>/?)(?P<name>[a-zA-Z][\w-]*)(?P<attrs>[^>]*)>")
_EXCLUDED = re.compile(r"(?<![\w-])data-search-exclude(?![\w-])")
# href itself, not data-href or xlink:href
_HREF = re.compile(r"""(?<![\w:-])href=(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s"'=<>`]+))""")
_ARTICLE = re.compile(r"<article\b[^>]*>(?P<content>.*)</article>", re.S | re.I)
_CANONICAL = re.compile(r"""<link\b[^>]*\brel=["']?canonical\b""", re.I)
# A value that HTML allows without quotes (as a minifier writes it).
_BARE_VALUE = re.compile(r"[^\s\"'=<>`]+")


def _says_its_address(href: str, text: str) -> bool:
    """The link's text already is its address: "doi:10.1056/X" for
    https://doi.org/10.1056/X, or the address itself (a reference, or the
    clinicians' table of section links, would print it twice)."""
    def bare(value: str) -> str:
        return value.lower().removeprefix("https://").removeprefix("http://").rstrip("/")

    text = bare(" ".join(re.sub(r"<[^>]*>", "", text).split()))
    address = bare(href)
    return bool(text) and text in (address, "doi:" + address.removeprefix("doi.org/"))


def _mark(tag: str, attrs: str, page_url: str, text: str = "") -> str:
    found = _HREF.search(attrs)
    if not found:
        return tag
    href = next(v for v in found.groups() if v is not None)
    end = len("<a") + found.end()
    if href.startswith(("https:", "http:")) and _says_its_address(href, text):
        return f"{tag[:end]} data-print-plain{tag[end:]}"
    # A link to a section of the same page prints no address: on paper it
    # says where to look. Material's JavaScript makes every href absolute,
    # so print CSS cannot tell these from links to other sites; they are
    # marked here (footnote links by their own classes).
    if href.startswith("#") and "footnote-" not in attrs and "headerlink" not in attrs:
        return f"{tag[:end]} data-same-page{tag[end:]}"
    # Permalinks (¶), and phone, text and email links (their text already
    # is the number or address) print as they are. An absolute address
    # needs no copy: print CSS shows its href.
    if href.startswith(("#", "tel:", "sms:", "mailto:", "https:", "http:")) or "headerlink" in attrs:
        return tag
    if "data-print-url" in attrs:   # already given (the step ran before)
        return tag
    address = urljoin(page_url, href)
    value = address if _BARE_VALUE.fullmatch(address) and found["bare"] is not None else f'"{address}"'
    return f"{tag[:end]} data-print-url={value}{tag[end:]}"


def absolute_print_urls(html: str, page_url: str) -> str:
    """`html` (a page's content) with each link marked for print."""
    excluded: list = []   # [tag name, depth] of the data-search-exclude element we are in

    def visit(match: re.Match) -> str:
        name = match["name"].lower()
        if excluded:
            if name == excluded[0]:
                excluded[1] += -1 if match["end"] else 1
                if excluded[1] == 0:
                    excluded.clear()
            return match[0]
        if not match["end"] and _EXCLUDED.search(match["attrs"]):
            excluded[:] = [name, 1]
            return match[0]
        if name != "a" or match["end"] or "data-same-page" in match["attrs"] or "data-print-plain" in match["attrs"]:
            return match[0]
        closing = html.find("</a>", match.end())
        return _mark(match[0], match["attrs"], page_url, html[match.end():closing] if closing >= 0 else "")

    return _TAG.sub(visit, html)


def apply(site) -> None:
    """Every page's content in one edition, resolved against its own address."""
    for path, text in site.pages.items():
        article = _ARTICLE.search(text)
        if article and _CANONICAL.search(text):
            marked = absolute_print_urls(article["content"], site.page_url(path))
            site.pages[path] = text[:article.start("content")] + marked + text[article.end("content"):]

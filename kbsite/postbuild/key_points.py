"""Every key point says where it comes from.

A page's "Key points" box (an admonition of class `key-points`) is what a
hurried reader takes away, so each point must lead to its source: one of
its links goes to a section that cites a source (a footnote) or that holds
the clinic's article (a passage of class `clinic-article`). A box whose
points all lead only to the clinic's article must say so to the reader: it
is marked `article-summary` (kbsite.markdown.clinic_article writes the note
that its points sum up the clinic's article, not independent evidence).
A point that leads nowhere sourced fails the build, naming the page's file,
the point and the fix.

A step of the post-build layer (kbsite.postbuild), over the built pages:
a point's link may lead to another page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from kbsite.errors import SiteError


@dataclass
class _Section:
    level: int
    cites: bool = False
    article: bool = False


@dataclass
class _Point:
    text: str = ""
    links: list[str] = field(default_factory=list)


@dataclass
class _Box:
    summary: bool
    points: list[_Point] = field(default_factory=list)


class _Page(HTMLParser):
    """A page's sections (by heading id: does it cite a source, does it
    hold the clinic's article) and its key-points boxes."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.sections: dict[str, _Section] = {}
        self.open: list[_Section] = []
        self.page = _Section(0)
        self.boxes: list[_Box] = []
        self._box_depth: int | None = None
        self._depth = 0
        self._point: _Point | None = None
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        classes = (attributes.get("class") or "").split()
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6") and attributes.get("id") and self._box_depth is None:
            level = int(tag[1])
            self.open = [s for s in self.open if s.level < level]
            section = _Section(level)
            self.sections[attributes["id"]] = section
            self.open.append(section)
        if tag == "a" and "footnote-ref" in classes:
            for section in self.open + [self.page]:
                section.cites = True
        if tag == "div":
            self._depth += 1
            if "clinic-article" in classes:
                for section in self.open + [self.page]:
                    section.article = True
            if "key-points" in classes and self._box_depth is None:
                self._box_depth = self._depth
                self.boxes.append(_Box(summary="article-summary" in classes))
        if self._box_depth is not None:
            if tag == "li":
                self._point = _Point()
                self.boxes[-1].points.append(self._point)
            if tag == "a" and self._point is not None and attributes.get("href"):
                self._point.links.append(attributes["href"])

    def handle_endtag(self, tag):
        if tag == "div":
            if self._box_depth == self._depth:
                self._box_depth = None
                self._point = None
            self._depth -= 1
        if tag == "li":
            self._point = None

    def handle_data(self, data):
        if self._point is not None:
            self._point.text += data


def _target(page_url: str, href: str) -> tuple[str, str]:
    """(the target page's URL path, the section id or "")."""
    parts = urlsplit(urljoin(page_url, href))
    return parts.path, parts.fragment


def check(site) -> list[str]:
    """Every key point that leads to no source: a message each."""
    pages = {}
    for path, html in site.pages.items():
        pages[urlsplit(site.page_url(path)).path] = (path, _Page(html))
    errors = []
    for path, parsed in pages.values():
        key = site.page_key(path)
        for box in parsed.boxes:
            kinds = []
            for point in box.points:
                sourced = article = False
                for href in point.links:
                    target_path, section_id = _target(site.page_url(path), href)
                    if target_path not in pages:
                        continue
                    target = pages[target_path][1]
                    section = target.sections.get(section_id) if section_id else target.page
                    if section is None:
                        continue
                    sourced = sourced or section.cites
                    article = article or section.article
                kinds.append("source" if sourced else "article" if article else None)
                if kinds[-1] is None:
                    errors.append(f"{site.source(key)}: the key point “{' '.join(point.text.split())}” leads to no "
                                  "source. Link it to the section that cites its source (a footnote), or to the "
                                  "clinic's article it sums up.")
            if kinds and all(kind == "article" for kind in kinds) and not box.summary:
                errors.append(f"{site.source(key)}: every key point sums up the clinic's article, and the box does "
                              "not say so. Mark it: !!! abstract key-points article-summary \"Key points\" (the "
                              "box then tells readers its points are the clinic's, not independent evidence).")
    return errors


def apply(site) -> None:
    errors = check(site)
    if errors:
        raise SiteError("Key points:\n  " + "\n  ".join(errors))

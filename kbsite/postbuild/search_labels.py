"""The clinic's article labelled in search, as it is on the page.

A page labels each passage of the clinic's article as its promotion
(kbsite.markdown.clinic_article). Search shows a result as the few blocks
of its section that match the query, so an excerpt from inside a passage
comes without the label above it: the review found a Filipino search for
side effects showing the article's "no dependency risk" claim unlabelled.

This step finds each passage on the built pages (`div.clinic-article`: its
label, its end line and its short label, `data-clinic-label`) and, in the
edition's search index (search/search_index.json, MkDocs' and Material's
format), marks every block between a passage's label and its end with
`data-clinic-article`. Material's search worker returns a result's blocks
with their tags as written, so search.js sees the mark and puts the short
label before the excerpt. The index's config gets the edition's words
(`clinic_article`: label, end, short).

The long label and the end line themselves leave the index: the short
label carries them into every excerpt from inside, and their words matched
queries in every passage (費用, fees, is in "並收取費用": a search for the
price listed eight passages whose excerpt was the label alone, and
"treatment" scored every passage in English).

An edition with no such index (Zensical writes its own) is left as it is.

A step of the post-build layer (kbsite.postbuild).
"""

from __future__ import annotations

import html
import json
import re

from kbsite.errors import SiteError

INDEX = "search/search_index.json"
MARK = "data-clinic-article"
# Blocks the search worker may return, and whose opening tag carries the mark.
_BLOCK = re.compile(r"<(p|li|ul|ol|dl|dt|dd|h[1-6]|table|tr|td|th|blockquote|pre|figcaption)\b([^>]*)>")
_SHORT = re.compile(r"\bdata-clinic-label=(?:\"([^\"]*)\"|([^\s>]+))")
_TITLE = re.compile(r"<p\b[^>]*\bclass=\"?admonition-title\b[^>]*>(.*?)</p>", re.S)
_END = re.compile(r"<p\b[^>]*\bclass=\"?clinic-article__end\b[^>]*>(.*?)</p>", re.S)


def _text(fragment: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", fragment))).strip()


def passage_words(pages: dict) -> dict | None:
    """{label, end, short} of the edition's passages, read from its pages;
    None when no page has one. Every passage says the same words."""
    found = {}
    for path, page in pages.items():
        for passage in re.finditer(r"<div\b[^>]*\bclinic-article\b[^>]*>", page):
            opening = passage.group(0)
            body = page[passage.end():]
            short, title, end = _SHORT.search(opening), _TITLE.search(body), _END.search(body)
            if not (short and title and end):
                raise SiteError(f"{path}: a clinic-article passage without its label, end line or short label "
                                "(data-clinic-label): kbsite.markdown.clinic_article must be in markdown_extensions.")
            words = {"label": _text(title.group(1)), "end": _text(end.group(1)),
                     "short": html.unescape(short.group(1) or short.group(2))}
            found.setdefault(tuple(words.items()), path)
    if len(found) > 1:
        raise SiteError(f"clinic-article passages with different labels: {sorted(map(str, found.values()))}")
    return dict(next(iter(found))) if found else None


def _loose(text: str) -> str:
    """`text` as it may stand in the index: escaped or not, with any
    spacing, and with the zero-width spaces between the words Material's
    search plugin finds in Chinese (jieba) anywhere in it."""
    return r"[\s\u200b]*".join(f"(?:{re.escape(c)}|{re.escape(html.escape(c, quote=False))})"
                                for c in text if not c.isspace())


def mark_passages(text: str, words: dict) -> str:
    """A search document's text with each block of a passage marked, and
    the passage's label paragraph and end line left out."""
    label, end = _loose(words["label"]), _loose(words["end"])
    space = r"[\s\u200b]*"
    span = re.compile(rf"<p>{space}{label}{space}</p>{space}(.*?){space}<p>{space}{end}{space}</p>", re.S)

    def marked(match: re.Match) -> str:
        return _BLOCK.sub(lambda b: f"<{b.group(1)}{b.group(2)} {MARK}>", match.group(1))

    return span.sub(marked, text)


def apply(site) -> None:
    index_path = site.root / INDEX
    if not index_path.is_file():
        return
    words = passage_words(site.pages)
    if words is None:
        return
    index = json.loads(index_path.read_text(encoding="utf-8"))
    for doc in index.get("docs", []):
        doc["text"] = mark_passages(doc.get("text", ""), words)
    index.setdefault("config", {})["clinic_article"] = words
    index_path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")

"""The text we write, page by page and section by section, apart from the
clinic's article: what the spelling, repetition, reading-level and
clinic-practice checks read (tests/site/test_writing.py).

A page's text is its blocks (headings, paragraphs, list items, cells,
definitions), each read without the blocks inside it, in document order,
from the page's content area, less what is not prose: code, the references
(their titles stay as published), the diagram, and the template's chrome
(the language switch, translation note and copy-link buttons).

The article's own sentences are the clinic's, word for word
(tests/site/test_fidelity.py). In English they are cut out of each block. A
translation has the same blocks in the same order as the English page
(tests/site/test_languages.py), so the blocks that carry the article in English
carry its translation there; they are set apart the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup

from kbsite.editions import folder
from sitebuild import LANGUAGES, PAGES, ROOT

BLOCKS = ["h1", "h2", "h3", "h4", "p", "li", "td", "th", "dt", "dd", "summary", "figcaption"]
NOT_PROSE = ("code, pre, script, style, svg, .footnote, sup[id^='fnref'], .headerlink, .copy-link, "
             ".language-switch, .translation-note, .print-only, .md-source-file")
ARTICLE_SOURCE = ROOT / "tests" / "fixtures" / "source-article.txt"
_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "\u00a0": " "})


def normalize(text: str) -> str:
    return re.sub(r"\s+", " ", text.translate(_QUOTES)).strip()


def split_article(text: str) -> list[str]:
    """Headings, list items and sentences of the source article
    (tests/site/test_fidelity.py's units)."""
    units = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        if line.startswith("- "):
            units.append(line[2:])
        else:
            units.extend(re.split(r"(?<=[.!?])\s+(?=[A-Z“\"])", line))
    return [normalize(u) for u in units if u.strip()]


def site_text(site: Path) -> str:
    """The text of every block (paragraph, list item, heading, cell) in the
    content area of every page, normalized. Blocks are read whole, so inline
    markup (links, bold, glossary tooltips) adds no spaces inside a sentence."""
    blocks = []
    for url, _, _ in PAGES:
        soup = BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "lxml")
        article = soup.select_one("article.md-content__inner")
        for link in article.select("a.headerlink"):
            link.decompose()
        blocks += [el.get_text("") for el in article.find_all(BLOCKS)]
    return normalize(" | ".join(blocks))


def article_units() -> list[str]:
    """The article's headings, list items and sentences (as the fidelity test
    splits them), longest first so a sentence is cut before its parts."""
    return sorted(split_article(ARTICLE_SOURCE.read_text(encoding="utf-8")), key=len, reverse=True)


@dataclass
class Block:
    section: str        # the id of the h2 above it ("" before the first)
    text: str           # our words, normalized (the article cut out in English)
    article: bool       # the block carried the clinic's article (in English)


def page_path(site: Path, code: str, url: str) -> Path:
    prefix = "" if code == LANGUAGES[0] else folder(code) + "/"
    return site / prefix / url / "index.html"


def blocks(html: str) -> list[tuple[str, str]]:
    """(section id, normalized text) of each block of a page's content."""
    soup = BeautifulSoup(html, "lxml")
    article = soup.select_one("article.md-content__inner")
    for element in article.select(NOT_PROSE):
        element.decompose()
    found, section = [], ""
    for element in article.find_all(BLOCKS):
        if element.name == "h2" and element.get("id"):
            section = element["id"]
        own = BeautifulSoup(str(element), "lxml").find(element.name)
        for inner in own.find_all(BLOCKS):
            inner.decompose()
        # Read whole, as the fidelity test reads it: inline markup (links,
        # glossary tooltips) adds no spaces inside a sentence.
        found.append((section, normalize(own.get_text(""))))
    return found


def our_blocks(site: Path, url: str, code: str) -> list[Block]:
    """The page's blocks in language `code`, each marked when it carried the
    article in English, with the article's sentences cut out of English."""
    units = article_units()
    english = blocks(page_path(site, LANGUAGES[0], url).read_text(encoding="utf-8"))
    marked = []
    for section, text in english:
        rest = text
        for unit in units:
            rest = rest.replace(unit, " ")
        rest = normalize(rest)
        marked.append((section, rest, rest != text))
    if code == LANGUAGES[0]:
        return [Block(s, t, a) for s, t, a in marked]
    translated = blocks(page_path(site, code, url).read_text(encoding="utf-8"))
    assert len(translated) == len(english), f"/{code}/{url}: {len(translated)} blocks, English has {len(english)}"
    return [Block(section, text, article) for (section, text), (_, _, article) in zip(translated, marked)]


def as_sentences(text: str) -> str:
    """A block as the readability formulas should count it: web addresses
    are not words, and a heading, list item or cell with no full stop of its
    own is still a sentence of its own (else a list reads as one sentence
    a hundred words long)."""
    text = normalize(re.sub(r"https?://\S+", " ", text))
    text = re.sub(r"[;:]$", ".", text)   # a list item that ends "...;" is a sentence too
    if text and not re.search(r"[.!?…]$", text):
        text += "."
    return text


def sections(site: Path, url: str, code: str) -> dict[str, str]:
    """Our text of each section of a page: the blocks we wrote, each a
    sentence or more, joined. In a translation, the article's blocks are
    left out whole."""
    joined: dict[str, list[str]] = {}
    for block in our_blocks(site, url, code):
        if block.article and code != LANGUAGES[0]:
            continue
        text = as_sentences(block.text)
        if len(text) > 1:
            joined.setdefault(block.section, []).append(text)
    return {section: " ".join(texts) for section, texts in joined.items()}


EVERY_PAGE = [url for url, _, _ in PAGES]

"""Nothing of the clinic's article is lost: every sentence, heading and list
item of tests/fixtures/source-article.txt appears word for word on the site.
Quotes and spacing may be typographic; words may not change."""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup

from sitebuild import PAGES

BLOCKS = ["p", "li", "h1", "h2", "h3", "h4", "dt", "dd", "td", "th", "summary", "figcaption"]
SOURCE = Path(__file__).parent / "fixtures" / "source-article.txt"

_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "\u00a0": " "})


def normalize(text: str) -> str:
    return re.sub(r"\s+", " ", text.translate(_QUOTES)).strip()


def article_units(text: str) -> list[str]:
    """Headings, list items and sentences of the source article."""
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


def test_article_splits_into_enough_units():
    # Guards the splitter itself: the article has 5 headings, 10 list items
    # and about 35 sentences. A broken split would make the fidelity test vacuous.
    units = article_units(SOURCE.read_text(encoding="utf-8"))
    assert len(units) >= 45
    assert "Understanding the Interplay Between Physical and Mental Pain" in units
    assert "Fatigue and sleep disturbances" in units


def test_every_sentence_of_the_article_is_on_the_site(site):
    text = site_text(site)
    missing = [u for u in article_units(SOURCE.read_text(encoding="utf-8")) if u not in text]
    assert not missing, "These parts of the article are missing from the site:\n- " + "\n- ".join(missing)


def test_fidelity_check_detects_a_changed_word(site):
    # The check must be able to fail: change one word of one sentence.
    text = site_text(site).replace("inseparable pair", "inseparable couple")
    units = article_units(SOURCE.read_text(encoding="utf-8"))
    assert [u for u in units if u not in text] == [
        "Physical and mental pain often come as an inseparable pair, creating a challenging cycle "
        "for those who suffer from chronic pain."
    ]

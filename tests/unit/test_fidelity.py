"""Nothing of the clinic's article is lost: every sentence, heading and list
item of tests/fixtures/source-article.txt appears word for word on the site.
Quotes and spacing may be typographic; words may not change.

Here: no build and no browser (tests/unit/). The same feature's other layers:
tests/site/test_fidelity.py."""

from __future__ import annotations

from page_text import ARTICLE_SOURCE as SOURCE, split_article as article_units


def test_article_splits_into_enough_units():
    # Guards the splitter itself: the article has 5 headings, 10 list items
    # and about 35 sentences. A broken split would make the fidelity test vacuous.
    units = article_units(SOURCE.read_text(encoding="utf-8"))
    assert len(units) >= 45
    assert "Understanding the Interplay Between Physical and Mental Pain" in units
    assert "Fatigue and sleep disturbances" in units

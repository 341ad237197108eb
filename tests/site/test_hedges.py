"""A hedge the English has is kept in every translation (issue #32).

"May" and "can" are how a label, a guideline or a trial says no more than
it found; a translation that drops one says more than its source (the
review found the Filipino article's "can be life-changing" turned into "is
a big life change"). The check lists the English page's hedged sentences,
block by block (a translation has the same blocks in the same order,
tests/site/test_languages.py), and asks that the translated block hedge at
least as often: the clinic's article as much as our own words.

Here: the session's build (tests/site/). The same feature's other layers:
tests/unit/test_hedges.py."""

from __future__ import annotations

import pytest
from page_text import EVERY_PAGE, blocks, page_path
from sitebuild import LANGUAGES, TRANSLATIONS
from hedges_helpers import dropped, hedges


# The glossary page lists its terms in each language's alphabetical order,
# so its blocks do not line up; its sources (includes/<folder>/glossary.md)
# do, a term a line in the English order, and are compared instead.
SORTED_PAGES = {"glossary/"}


@pytest.mark.parametrize("code", TRANSLATIONS)
def test_every_hedge_in_english_is_kept_in_the_translation(site, code):
    problems, hedged = {}, 0
    for url in [u for u in EVERY_PAGE if u not in SORTED_PAGES]:
        english = [t for _, t in blocks(page_path(site, LANGUAGES[0], url).read_text(encoding="utf-8"))]
        translated = [t for _, t in blocks(page_path(site, code, url).read_text(encoding="utf-8"))]
        assert len(english) == len(translated), f"/{code}/{url}: the blocks differ (test_languages.py says how)"
        hedged += sum(1 for text in english if hedges(text, "en"))
        found = dropped(english, translated, code)
        if found:
            problems[url or "home"] = found
    assert hedged >= 30, "this test's assumption: it reads the English pages' hedged sentences"
    assert not problems, "Hedges dropped in translation (keep 'may' and 'can' as the English has them):\n" + \
        "\n".join(f"  {url}: {line}" for url, lines in problems.items() for line in lines)

"""Search in each translation (/<code>/): its own query set, run on the
edition's built index in Node and a sample typed into the real search box in
Chromium on that edition's pages, with the same rules as
the English set (tests/site/test_search.py): every query finds its page (the
first result for exact terms and `top: 1`, else the top 3) or is a known
miss with a reason, in a list that only shrinks; and every result is a page
of the reader's own language.

A language's files: tests/search_queries.<code>.yml and
tests/search_known_misses.<code>.yml.

Here: the built site in Chromium (tests/browser/). The same feature's other
layers: tests/site/test_search_translations.py,
tests/unit/test_search_translations.py."""

from __future__ import annotations

from search_runner import differences, sample, shown_in_the_browser
from kbsite.editions import folder
from search_translations_helpers import outcomes  # noqa: F401 (outcomes: a fixture)


def test_the_browser_shows_what_the_query_sets_measure(outcomes, browser, server):
    code, root, _, results = outcomes
    chosen = [q["query"] for q in sample([q for q, _ in results])]
    measured = {q["query"]: outcome for q, outcome in results}
    address = server.root + folder(code) + "/"
    shown, errors = shown_in_the_browser(browser, address, chosen)
    assert not errors, errors
    assert len(chosen) >= 8
    # Every result is a page of the reader's own language.
    elsewhere = [link for outcome in shown.values() for link in outcome.links if not link.startswith(address)]
    assert not elsewhere, f"/{code}/ search showed pages of another language: {elsewhere[:5]}"
    differ = differences(shown, measured)
    assert not differ, f"/{code}/: the browser and the measured results differ:\n" + "\n".join(differ)

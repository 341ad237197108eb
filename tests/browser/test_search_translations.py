"""Each translation's query set in the real search box (Chromium): a sample
shows what the Node run of the whole set shows (tests/site/test_search_translations.py)."""

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

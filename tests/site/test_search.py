"""Patients find answers in their own words: every query in
tests/search_queries.yml, run on the built index in Node and a sample typed
into the real search box in Chromium, each with its own expectation (known
misses, with reasons, in tests/search_known_misses.yml); corrections shown as
corrections; crisis help in the search panel; and search loading only when it
is opened.

Here: the session's build (tests/site/). The same feature's other layers:
tests/browser/test_search.py, tests/unit/test_search.py."""

from __future__ import annotations

from collections import defaultdict
from search_helpers import KNOWN_MISSES, top_places
from search_helpers import outcomes  # noqa: F401 (outcomes: a fixture)


def test_every_query_finds_its_page(outcomes):
    """Each query passes, or is a known miss; a known miss that passes now
    must come off the list."""
    failures, fixed, kinds = [], [], defaultdict(lambda: [0, 0])
    for q, outcome in outcomes:
        hit = q["page"] in outcome.pages[:top_places(q)]
        kinds[q["kind"]][0] += hit
        kinds[q["kind"]][1] += 1
        line = f'{q["kind"]:>12}: {q["query"]!r} -> {outcome.pages[:3]} (wanted {q["page"]} in top {top_places(q)})'
        if not hit and q["query"] not in KNOWN_MISSES:
            failures.append(line)
        if hit and q["query"] in KNOWN_MISSES:
            fixed.append(line)
    print("\nSearch: queries that find their page (top 1 for exact terms and top: 1, else top 3)")
    for kind, (hits, total) in kinds.items():
        print(f"  {kind:>12}: {hits}/{total}")
    for query, reason in KNOWN_MISSES.items():
        print(f"  known miss: {query!r}: {reason}")
    assert not failures, "queries that miss their page (fix the cause, or list with a reason):\n" + "\n".join(failures)
    assert not fixed, "known misses that now pass: remove them from search_known_misses.yml:\n" + "\n".join(fixed)


def _answers(link: str, page: str, section: str, opening_id: str) -> bool:
    """Does a result link lead to this page's section? A link to the page
    itself leads to its opening section (the one under its H1)."""
    address, _, anchor = link.partition("#")
    if not address.split("?")[0].endswith("/" + page):
        return False
    return anchor == section or (not anchor and section == opening_id)


def test_results_deep_link_to_the_answering_section(outcomes, pages):
    opening = {url: soup.select_one("article h1")["id"] for url, soup in pages.items()}
    missing = [f'{q["query"]!r}: no result links to {q["page"]}#{q["section"]}'
               for q, outcome in outcomes
               if "section" in q
               and not any(_answers(link, q["page"], q["section"], opening[q["page"]]) for link in outcome.links)]
    assert not missing, "\n".join(missing)


def test_keywords_are_searchable_but_not_shown_on_the_page(site, pages):
    import json

    index = json.loads((site / "search/search_index.json").read_text())
    [doc] = [d for d in index["docs"] if d["location"] == "about/"]
    assert "publisher" in doc["tags"]
    assert "publisher" not in pages["about/"].select_one("article").get_text().lower()
    # A page's own entry carries its keywords, its sections do not (the post-build step search_additions).
    assert not [d["location"] for d in index["docs"] if "#" in d["location"] and d.get("tags")]
    assert not pages["physical-relief/"].select(".md-tags, .md-tag")

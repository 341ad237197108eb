"""Patients find answers in their own words: every query in
tests/search_queries.yml, run on the built index in Node and a sample typed
into the real search box in Chromium, each with its own expectation (known
misses, with reasons, in tests/search_known_misses.yml); corrections shown as
corrections; crisis help in the search panel; and search loading only when it
is opened.

Here: no build and no browser (tests/unit/). The same feature's other layers:
tests/browser/test_search.py, tests/site/test_search.py."""

from __future__ import annotations

from collections import defaultdict
import yaml
from search_runner import KINDS
from sitebuild import ROOT
from search_helpers import CONVERSION, CRISIS_SAMPLE, KNOWN_MISSES, QUERIES, SAMPLE_BY_EDITION, top_places


def test_query_set_is_broad_enough():
    counts = defaultdict(int)
    for q in QUERIES:
        assert q["kind"] in KINDS, q
        assert set(q) <= {"kind", "query", "page", "section", "top"}, q
        assert q.get("top", 1) in (1, 3), q
        counts[q["kind"]] += 1
    assert len(QUERIES) >= 60 and all(counts[k] >= 10 for k in KINDS), dict(counts)
    assert counts["question"] >= 30, dict(counts)
    assert len({q["query"] for q in QUERIES}) == len(QUERIES), "a query is listed twice"


def test_conversion_queries_must_open_booking_first():
    by_query = {q["query"]: q for q in QUERIES}
    for query in CONVERSION:
        assert by_query[query]["page"] == "booking/" and top_places(by_query[query]) == 1, query


def test_known_misses_are_real_queries_with_reasons():
    queries = {q["query"] for q in QUERIES}
    for query, reason in KNOWN_MISSES.items():
        assert query in queries, f"search_known_misses.yml: {query!r} is not in search_queries.yml"
        assert isinstance(reason, str) and len(reason.split()) >= 3, f"search_known_misses.yml: {query!r} needs a reason"
        assert query not in CONVERSION, f"{query!r}: a conversion query may not be a known miss"


def _crisis_queries() -> dict:
    return yaml.safe_load((ROOT / "tests" / "crisis_queries.yml").read_text(encoding="utf-8"))


def test_the_browser_sample_is_from_the_tested_set():
    crisis = _crisis_queries()["crisis"]
    for query in CRISIS_SAMPLE:
        assert query in crisis["en"] or query in crisis["es"], query
    for lang, query in SAMPLE_BY_EDITION.items():
        assert query in crisis[lang], query

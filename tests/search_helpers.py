"""The English query set and the crisis sample, shared by the search tests of
every layer: the queries, their known misses, where each must rank, the
crisis phrasings the browser types, and the Node outcomes of the whole set
(a module fixture)."""

from __future__ import annotations

import pytest
import yaml

from search_runner import load_queries, node_outcomes
from sitebuild import ROOT


QUERIES = load_queries()


# query -> why it misses. Only ever shrinks: a listed query that passes fails the test.
KNOWN_MISSES: dict[str, str] = yaml.safe_load(
    (ROOT / "tests" / "search_known_misses.yml").read_text(encoding="utf-8")) or {}


CONVERSION = ["book a consultation", "how do I book", "make an appointment", "appointment",
              "schedule a visit", "contact the clinic"]


def top_places(q: dict) -> int:
    return q.get("top", 1 if q["kind"] == "exact" else 3)


# The page's wiring for each way the help's languages can come out (which
# phrasings fire, and in which languages, is tested in Node on every
# edition: tests/js/crisis.test.mjs): English typed, a misspelling, Spanish
# typed.
CRISIS_SAMPLE = {   # query: the languages its help shows in, on an English page / a Spanish page
    "I want to kill myself": (["en"], ["es", "en"]),
    "sucide": (["en"], ["es"]),
    "no quiero vivir": (["en", "es"], ["es"]),
}


SAMPLE_BY_EDITION = {"en": "I want to die", "es": "me quiero morir", "zh-Hant": "我好想死", "fil": "gusto ko na mamatay"}


@pytest.fixture(scope="module")
def outcomes(site):
    """Every query's results, from Material's worker and our search.js in
    Node on the built index (search_runner.node_outcomes); the browser
    shows the same for a sample (below)."""
    found = node_outcomes(site, [q["query"] for q in QUERIES])
    return [(q, found[q["query"]]) for q in QUERIES]

"""Each translation's query set and known misses, and their Node outcomes on
the edition's built index (a module fixture, one run per translation), for
the translated-search tests of every layer."""

from __future__ import annotations

import pytest
import yaml
from search_runner import node_outcomes
from sitebuild import ROOT, TRANSLATIONS
from kbsite.editions import folder


HERE = ROOT / "tests"


def load_query_set(code: str) -> tuple[list[dict], dict[str, str]]:
    queries = yaml.safe_load((HERE / f"search_queries.{code}.yml").read_text(encoding="utf-8"))
    misses = yaml.safe_load((HERE / f"search_known_misses.{code}.yml").read_text(encoding="utf-8")) or {}
    return queries, misses


@pytest.fixture(scope="module", params=TRANSLATIONS)
def outcomes(request, site):
    """Each query's results in Node, on the edition's own built index
    (search_runner.node_outcomes); the browser shows the same for a sample."""
    code = request.param
    queries, misses = load_query_set(code)
    root = "/" + folder(code) + "/"
    found = node_outcomes(site / folder(code), [q["query"] for q in queries], prefix=root)
    return code, root, misses, [(q, found[q["query"]]) for q in queries]

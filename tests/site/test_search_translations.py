"""Search in each translation (/<code>/): its own query set, run on the
edition's built index in Node and a sample typed into the real search box in
Chromium on that edition's pages, with the same rules as
the English set (tests/site/test_search.py): every query finds its page (the
first result for exact terms and `top: 1`, else the top 3) or is a known
miss with a reason, in a list that only shrinks; and every result is a page
of the reader's own language.

A language's files: tests/search_queries.<code>.yml and
tests/search_known_misses.<code>.yml.

Here: the session's build (tests/site/). The same feature's other layers:
tests/browser/test_search_translations.py,
tests/unit/test_search_translations.py."""

from __future__ import annotations

from sitebuild import TRANSLATIONS
from kbsite.editions import folder
from search_translations_helpers import outcomes  # noqa: F401 (outcomes: a fixture)


def _top(q: dict) -> int:
    return q.get("top", 1 if q["kind"] == "exact" else 3)


def test_every_query_finds_its_page_in_the_readers_language(outcomes):
    code, root, misses, results = outcomes
    failures, fixed, elsewhere = [], [], []
    others = tuple(f"/{folder(other)}/" for other in TRANSLATIONS if other != code)
    for q, outcome in results:
        hit = q["page"] in outcome.pages[:_top(q)]
        line = f'{q["kind"]:>12}: {q["query"]!r} -> {outcome.pages[:3]} (wanted {q["page"]} in top {_top(q)})'
        if not hit and q["query"] not in misses:
            failures.append(line)
        if hit and q["query"] in misses:
            fixed.append(line)
        # The edition's index holds its own pages: a link into another edition's folder is one of theirs.
        elsewhere += [link for link in outcome.links if link[len(root) - 1:].startswith(others)]
    assert not elsewhere, f"/{code}/ search returned pages of another language: {elsewhere[:5]}"
    assert not failures, f"/{code}/ queries that miss their page:\n" + "\n".join(failures)
    assert not fixed, f"known misses that now pass: remove them from search_known_misses.{code}.yml:\n" + "\n".join(fixed)

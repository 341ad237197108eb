"""Search in each translation (/<code>/): its own query set, typed into the
real search box in Chromium on that edition's pages, with the same rules as
the English set (tests/test_search.py): every query finds its page (the
first result for exact terms and `top: 1`, else the top 3) or is a known
miss with a reason, in a list that only shrinks; and every result is a page
of the reader's own language.

A language's files: tests/search_queries.<code>.yml and
tests/search_known_misses.<code>.yml."""

from __future__ import annotations

import re
import subprocess
from collections import defaultdict

import pytest
import yaml

from search_runner import KINDS, differences, node_outcomes, sample, shown_in_the_browser
from sitebuild import ROOT, TRANSLATIONS, require_tool
from kbsite.editions import folder

HERE = ROOT / "tests"


def _load(code: str) -> tuple[list[dict], dict[str, str]]:
    queries = yaml.safe_load((HERE / f"search_queries.{code}.yml").read_text(encoding="utf-8"))
    misses = yaml.safe_load((HERE / f"search_known_misses.{code}.yml").read_text(encoding="utf-8")) or {}
    return queries, misses


def _has_simplified(query: str) -> bool:
    import opencc
    return opencc.OpenCC("s2t").convert(query) != query


def _hunspell_unknown(dictionary: str, words: list[str]) -> set[str]:
    hunspell = require_tool("hunspell", "so a query's languages cannot be told apart")
    result = subprocess.run([hunspell, "-d", dictionary, "-l"], input="\n".join(words),
                            capture_output=True, text=True, check=True)
    return set(result.stdout.split())


def _mixes_english(query: str) -> bool:
    """Taglish: a word only US English knows and one only Tagalog knows
    (Debian's hunspell dictionaries, as tests/test_writing.py uses them)."""
    words = re.findall(r"[^\W\d_]+", query.lower())
    english = set(words) - _hunspell_unknown("en_US", words)
    tagalog = set(words) - _hunspell_unknown("tl", words)
    return bool(english - tagalog) and bool(tagalog - english)


# What readers of a language most often type differently from the pages:
# Spanish without its accents; Chinese in Simplified characters (the
# `simplified` kind); Filipino with English words mixed in, in any kind.
COMMON_SLIPS = {"es": ("misspelling", str.isascii, "missing accents"),
                "zh": ("simplified", _has_simplified, "Simplified characters"),
                "fil": (None, _mixes_english, "English words mixed in (Taglish)")}
KINDS = (*KINDS, "simplified")


def _top(q: dict) -> int:
    return q.get("top", 1 if q["kind"] == "exact" else 3)


@pytest.mark.parametrize("code", TRANSLATIONS)
def test_query_set_is_broad_enough(code):
    queries, misses = _load(code)
    counts = defaultdict(int)
    for q in queries:
        assert q["kind"] in KINDS and set(q) <= {"kind", "query", "page", "section", "top"}, q
        counts[q["kind"]] += 1
    assert len(queries) >= 40 and all(counts[k] >= 5 for k in ("exact", "abbreviation", "paraphrase", "misspelling")), dict(counts)
    assert len({q["query"] for q in queries}) == len(queries), "a query is listed twice"
    # Each language's commonest slip: the set has at least 5 of it.
    kind, has_it, slip = COMMON_SLIPS.get(code.split("-")[0], (None, None, None))
    if has_it:
        assert sum(kind in (None, q["kind"]) and has_it(q["query"]) for q in queries) >= 5, \
            f"{code}: fewer than 5 queries with {slip}"
    for query, reason in misses.items():
        assert query in {q["query"] for q in queries} and len(str(reason).split()) >= 3, query


@pytest.fixture(scope="module", params=TRANSLATIONS)
def outcomes(request, site):
    """Each query's results in Node, on the edition's own built index
    (search_runner.node_outcomes); the browser shows the same for a sample."""
    code = request.param
    queries, misses = _load(code)
    root = "/" + folder(code) + "/"
    found = node_outcomes(site / folder(code), [q["query"] for q in queries], prefix=root)
    return code, root, misses, [(q, found[q["query"]]) for q in queries]


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


@pytest.mark.parametrize("query,taglish", [("puwede ba mag drive after", True), ("sagot ba ng insurance", True),
                                           ("side effects", False), ("hirap sa pagtulog", False)])
def test_the_taglish_check_tells_the_languages_apart(query, taglish):
    """The dictionaries this count relies on: en_US knows "drive" and "after"
    and not "ba"; tl knows "ba", "ng", "sa" and not "insurance"."""
    assert _mixes_english(query) is taglish


def test_simplified_forms_cover_the_keywords_and_the_vocabulary():
    """A character only a page's keywords or the vocabulary hold gets its
    Simplified form too: 上癮 was only a keyword of Safety's, so 上瘾 found
    nothing (#35)."""
    from kbsite.simplified_forms import simplified_forms

    index = {"config": {"vocabulary": [[["講話"], "傾偈"]]},
             "docs": [{"location": "safety/", "title": "安全", "text": "藥物", "tags": ["上癮"]}]}
    table = simplified_forms(index)
    pairs = dict(zip(table[::2], table[1::2]))
    assert pairs.get("瘾") == "癮" and pairs.get("话") == "話" and pairs.get("药") == "藥", pairs


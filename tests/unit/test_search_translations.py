"""Each translation's query set (tests/site/test_search_translations.py says what
it measures): its size, kinds and known misses, and the checks' own helpers,
without a build."""

from __future__ import annotations

import re
import subprocess
from collections import defaultdict

import pytest

from search_runner import KINDS
from sitebuild import TRANSLATIONS, require_tool
from search_translations_helpers import load_query_set


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
    (Debian's hunspell dictionaries, as tests/site/test_writing.py uses them)."""
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


@pytest.mark.parametrize("code", TRANSLATIONS)
def test_query_set_is_broad_enough(code):
    queries, misses = load_query_set(code)
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


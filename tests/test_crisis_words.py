"""kbsite/crisis_words.py: crisis-words.yml is checked when the
config loads, and a bad entry names the file, the language, the entry and
the fix; the built index carries every language's lists and help."""

from __future__ import annotations

import json

from kbsite.editions import folder as edition_folder
import re
import sys

import pytest
import yaml
from mkdocs.exceptions import PluginError

from sitebuild import LANGUAGES, ROOT

from kbsite import crisis_words


def test_the_committed_file_loads_with_a_list_for_every_language():
    lists = crisis_words.load(ROOT / "crisis-words.yml")
    assert set(LANGUAGES) <= set(lists)
    assert "suicide" in lists["en"]["phrases"] and "kill myself" in lists["en"]["phrases"]
    assert lists["en"]["same"]["dont"] == "do not" and "to" in lists["en"]["filler"]
    assert "suicidio" in lists["es"]["phrases"]


def test_the_file_cites_its_sources():
    text = (ROOT / "crisis-words.yml").read_text(encoding="utf-8")
    assert "https://www.nimh.nih.gov/health/publications/warning-signs-of-suicide" in text
    assert "988 Suicide & Crisis Lifeline" in text


@pytest.mark.parametrize("text,message", [
    ("en:\n  phrases:\n    - suicide\n    - ''\n", "en, phrase 2: '' is not a word or phrase"),
    ("en:\n  phrases:\n    - suicide\n    - Suicide\n", "must be lowercase"),
    ("en:\n  phrases:\n    - 'suicide '\n", "must be lowercase with no spaces around it: write 'suicide'"),
    ("en:\n  phrases:\n    - suicide\n    - suicide\n", "en, phrase 2: 'suicide' is listed twice"),
    ("en:\n  phrases: suicide\n", "en: phrases: expected a list of words and phrases"),
    ("en:\n  - suicide\n", "en: expected `phrases:`"),
    ("en:\n  phrases: [suicide]\n  fillers: [to]\n", "en: unknown field 'fillers'"),
    ("en:\n  phrases: [suicide, to]\n  filler: [to]\n", "'to' is both a phrase and a filler word"),
    ("en:\n  phrases: [suicide]\n  same: {dont: dont}\n", "same: 'dont' means itself"),
    ("en:\n  phrases: [suicide]\n  same: {do not: dont}\n", "same: 'do not' is more than one word"),
    ("en:\n  phrases: [suicide]\n  same: [dont]\n", "same: expected a map"),
    ("en:\n  phrases: [suicide]\n  filler: [do not]\n", "filler 1: 'do not' is more than one word"),
    ("en:\n  phrases: [suicide, to be]\n  filler: [to, be]\n", "phrase 2: 'to be' is all filler words"),
    ("- suicide\n", "expected a language code with its phrases"),
    ("en: [\n", "cannot read the crisis words"),
])
def test_a_bad_file_fails_loudly(tmp_path, text, message):
    path = tmp_path / "crisis-words.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PluginError) as error:
        crisis_words.load(path)
    assert "crisis-words.yml" in str(error.value) and message in str(error.value)


def test_every_edition_ships_every_language_in_its_index(site):
    lists = crisis_words.load(ROOT / "crisis-words.yml")
    for code in LANGUAGES:
        folder = site if code == LANGUAGES[0] else site / edition_folder(code)
        crisis = json.loads((folder / "search" / "search_index.json").read_text(encoding="utf-8"))["config"]["crisis"]
        assert crisis["page"] == code
        assert set(LANGUAGES) <= set(crisis["lists"])
        for lang, shipped in crisis["lists"].items():   # compact: one phrase a line, filler space-separated
            assert shipped["phrases"].split("\n") == lists[lang]["phrases"]
            assert shipped["filler"].split() == lists[lang]["filler"] and shipped["same"] == lists[lang]["same"]
        for lang in LANGUAGES:
            html = crisis["help"][lang]
            assert f'lang="{lang}"' in html and f'id="search-crisis-title-{lang}"' in html
            assert {"tel:988", "sms:988", "tel:911"} <= set(re.findall(r'href="([^"]+)"', html)), (code, lang)
        assert "oprima 2" in crisis["help"]["es"] and "AYUDA" in crisis["help"]["es"]
        assert "If you are in crisis" in crisis["help"]["en"]


def test_the_search_panel_waits_empty_and_hidden(site):
    from bs4 import BeautifulSoup

    soup = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    panel = soup.select_one("[data-search-crisis]")
    assert panel.has_attr("hidden") and panel.select_one("[role=alert]") is not None
    assert not panel.select_one("[role=alert]").contents, "filled by search.js when a query reads like crisis"


def test_the_query_set_has_no_repeats_and_its_known_misses_are_its_own():
    data = yaml.safe_load((ROOT / "tests" / "crisis_queries.yml").read_text(encoding="utf-8"))
    for kind in ("crisis", "ordinary"):
        for lang, queries in data[kind].items():
            assert len(queries) == len(set(queries)), f"{kind}.{lang} has a repeat"
    everything = [q for kind in ("crisis",) for queries in data[kind].values() for q in queries]
    assert all(q in everything for q in data["known_misses"] or [])

"""overrides/hooks/crisis_words.py: crisis-words.yml is checked when the
config loads, and a bad entry names the file, the entry and the fix."""

from __future__ import annotations

import importlib.util
import sys

import pytest
from mkdocs.exceptions import PluginError

from sitebuild import ROOT

_spec = importlib.util.spec_from_file_location("crisis_words", ROOT / "overrides" / "hooks" / "crisis_words.py")
crisis_words = importlib.util.module_from_spec(_spec)
sys.modules["crisis_words"] = crisis_words
_spec.loader.exec_module(crisis_words)


def test_the_committed_list_loads_and_has_english():
    words = crisis_words.load(ROOT / "crisis-words.yml")
    assert "suicide" in words["en"] and "kill myself" in words["en"]


@pytest.mark.parametrize("text,message", [
    ("en:\n  - suicide\n  - ''\n", "entry 2: '' is not a word or phrase"),
    ("en:\n  - suicide\n  - Suicide\n", "must be lowercase"),
    ("en:\n  - 'suicide '\n", "must be lowercase with no spaces around it: write 'suicide'"),
    ("en:\n  - suicide\n  - suicide\n", "'suicide' is listed twice"),
    ("en: suicide\n", "en: expected a list of words and phrases"),
    ("- suicide\n", "expected a language code with its list"),
    ("en: [\n", "cannot read the crisis words"),
])
def test_a_bad_list_fails_loudly(tmp_path, text, message):
    path = tmp_path / "crisis-words.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PluginError) as error:
        crisis_words.load(path)
    assert "crisis-words.yml" in str(error.value) and message in str(error.value)


def test_the_search_panel_ships_the_list_and_the_links(site):
    import json

    from bs4 import BeautifulSoup

    # html.parser keeps a <template>'s content as children (lxml drops it).
    soup = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    panel = soup.select_one("[data-search-crisis]")
    assert json.loads(panel["data-search-crisis"]) == crisis_words.load(ROOT / "crisis-words.yml")["en"]
    assert panel.has_attr("hidden") and panel.select_one("[role=alert]") is not None
    links = {a["href"] for a in panel.find("template").find_all("a", href=True)}
    assert {"tel:988", "sms:988", "tel:911"} <= links, links

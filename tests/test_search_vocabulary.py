"""kbsite/search_vocabulary.py: each edition's vocabulary
(includes/<code>/search-vocabulary.yml) is checked when the config loads and
against the built pages; a bad entry names the file, the entry and the fix.
How search uses it is tested in Node (tests/js/search.test.mjs)."""

from __future__ import annotations

import json
import sys

import pytest
import yaml
from mkdocs.exceptions import PluginError

from sitebuild import LANGUAGES, ROOT, build, copy_project
from kbsite.editions import folder

from kbsite import search_vocabulary

FILES = {code: ROOT / "includes" / ("" if code == LANGUAGES[0] else folder(code)) / "search-vocabulary.yml" for code in LANGUAGES}


@pytest.mark.parametrize("code", LANGUAGES)
def test_each_edition_has_a_vocabulary_that_loads(code):
    entries = search_vocabulary.load(FILES[code])
    assert len(entries) >= 30
    groups = {e["group"] for e in entries}
    assert {"medicines", "everyday words", "abbreviations", "intents"} <= groups
    assert all(e["source"] for e in entries if e["group"] == "medicines"), "every medicine entry names its source"


def test_the_files_say_where_the_names_come_from():
    for path in FILES.values():
        assert "National Drug Code Directory" in path.read_text(encoding="utf-8"), path


@pytest.mark.parametrize("text,message", [
    ("medicines: []\n", "medicines: expected a list of entries"),
    ("medicines:\n  - find: diazepam\n    said: [valium]\n", "medicines, entry 1: find: expected a list of words"),
    ("medicines:\n  - find: [diazepam]\n    said: []\n", "medicines, entry 1: said: expected a list of words"),
    ("medicines:\n  - find: [diazepam]\n    said: [valium]\n    sources: FDA\n", "entry 1: unknown field 'sources'"),
    ("medicines:\n  - find: [diazepam]\n    said: [Diazepam]\n", "said: 'Diazepam' is one of its own page words"),
    ("medicines:\n  - find: [diazepam]\n    said: [valium]\n  - find: [benzodiazepines]\n    said: [valium]\n",
     "entry 2: said: 'valium' is also in medicines, entry 1"),
    ("medicines:\n  - find: [diazepam]\n    said: [\"valium|xanax\"]\n", "said: 'valium|xanax' has a '|'"),
    ("- valium\n", "expected groups of entries"),
    ("medicines: [\n", "cannot read the search vocabulary"),
])
def test_a_bad_file_names_the_file_the_entry_and_the_fix(tmp_path, text, message):
    path = tmp_path / "search-vocabulary.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PluginError) as error:
        search_vocabulary.load(path)
    assert "search-vocabulary.yml" in str(error.value) and message in str(error.value)


def test_a_missing_file_says_what_to_do(tmp_path):
    with pytest.raises(PluginError, match="missing. Each language needs its search vocabulary"):
        search_vocabulary.load(tmp_path / "search-vocabulary.yml")


def test_a_page_word_no_page_has_is_named():
    index = {"config": {"separator": r"[\s\-]+"}, "docs": [{"title": "Medicines", "text": "<p>diazepam</p>"}]}
    entries = [{"group": "medicines", "n": 3, "find": ["diazepam", "lorazepam"], "said": ["ativan"]}]
    errors = search_vocabulary.dead_words(entries, index, ROOT / "includes" / "es" / "search-vocabulary.yml")
    assert errors == ["includes/es/search-vocabulary.yml: medicines, entry 3: find: 'lorazepam': no page of this "
                      "edition has the word 'lorazepam', so the entry would find nothing. Use a word the pages use, "
                      "or add it to a page."]


def test_every_edition_ships_its_vocabulary_in_its_index(site):
    for code in LANGUAGES:
        edition = site if code == LANGUAGES[0] else site / folder(code)
        shipped = json.loads((edition / "search" / "search_index.json").read_text(encoding="utf-8"))["config"]["vocabulary"]
        entries = search_vocabulary.load(FILES[code])
        assert shipped == [[e["find"], "|".join(e["said"])] for e in entries]


def test_a_dead_spanish_entry_fails_the_build_naming_the_spanish_file(tmp_path):
    project = copy_project(tmp_path / "project")
    path = project / "includes" / "es" / "search-vocabulary.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["medicines"].append({"find": ["zzzquetiapina"], "said": ["seroquel"]})
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = build(tmp_path / "site", project / "mkdocs.yml")
    assert result.returncode != 0
    assert "includes/es/search-vocabulary.yml: medicines, entry" in result.stderr
    assert "'zzzquetiapina': no page of this edition has the word" in result.stderr

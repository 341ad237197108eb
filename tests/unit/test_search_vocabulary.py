"""kbsite/search_vocabulary.py: each edition's vocabulary
(includes/<code>/search-vocabulary.yml) is checked when the config loads and
against the built pages; a bad entry names the file, the entry and the fix.
How search uses it is tested in Node (tests/js/search.test.mjs).

Here: no build and no browser (tests/unit/). The same feature's other layers:
tests/projects/test_search_vocabulary.py,
tests/site/test_search_vocabulary.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from kbsite.errors import SiteError

from sitebuild import LANGUAGES, ROOT, VOCABULARY_FILES

from kbsite import search_vocabulary


@pytest.mark.parametrize("code", LANGUAGES)
def test_each_edition_has_a_vocabulary_that_loads(code):
    entries = search_vocabulary.load(VOCABULARY_FILES[code])
    assert len(entries) >= 30
    groups = {e["group"] for e in entries}
    assert {"medicines", "everyday words", "abbreviations", "intents"} <= groups
    assert all(e["source"] for e in entries if e["group"] == "medicines"), "every medicine entry names its source"


def test_the_files_say_where_the_names_come_from():
    for path in VOCABULARY_FILES.values():
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
    with pytest.raises(SiteError) as error:
        search_vocabulary.load(path)
    assert "search-vocabulary.yml" in str(error.value) and message in str(error.value)


def test_a_missing_file_says_what_to_do(tmp_path):
    with pytest.raises(SiteError, match="missing. Each language needs its search vocabulary"):
        search_vocabulary.load(tmp_path / "search-vocabulary.yml")


def test_a_page_word_no_page_has_is_named():
    index = {"config": {"separator": r"[\s\-]+"}, "docs": [{"title": "Medicines", "text": "<p>diazepam</p>"}]}
    entries = [{"group": "medicines", "n": 3, "find": ["diazepam", "lorazepam"], "said": ["ativan"]}]
    errors = search_vocabulary.dead_words(entries, index, ROOT / "includes" / "es" / "search-vocabulary.yml")
    assert errors == ["includes/es/search-vocabulary.yml: medicines, entry 3: find: 'lorazepam': no page of this "
                      "edition has the word 'lorazepam', so the entry would find nothing. Use a word the pages use, "
                      "or add it to a page."]


# ---- The post-build step that adds to the index (kbsite.postbuild.search_additions) ----

def test_the_shipped_lunr_stop_words_are_those_of_the_installed_material():
    """kbsite/data/lunr-stop-words/ is a copy, with its source, of the stop
    words in the lunr-languages files Material ships: a Material upgrade
    that changes them fails here, not silently in search."""
    import re

    import material

    from kbsite.postbuild.search_additions import LUNR_STOP_WORDS

    lunr = Path(material.__file__).parent / "templates" / "assets" / "javascripts" / "lunr" / "min"
    shipped = sorted(LUNR_STOP_WORDS.glob("*.txt"))
    assert [path.stem for path in shipped] == ["es", "vi", "zh"]
    for path in shipped:
        text = (lunr / f"lunr.{path.stem}.min.js").read_text(encoding="utf-8")
        words = re.search(r'generateStopWordFilter\("([^"]*)"\.split\(" "\)\)', text)[1].split()
        assert search_vocabulary.load_stop_words(path) == list(dict.fromkeys(words)), path.name


def test_a_page_s_keywords_come_from_its_front_matter(tmp_path):
    from kbsite.postbuild.search_additions import page_keywords

    page = tmp_path / "booking.md"
    page.write_text("---\ntitle: Booking\nkeywords: [cost , price]\n---\n# Booking\n", encoding="utf-8")
    assert page_keywords(page) == ["cost", "price"]
    page.write_text("# Booking\n", encoding="utf-8")
    assert page_keywords(page) == []
    assert page_keywords(tmp_path / "missing.md") == []


def test_a_chinese_word_in_zensical_s_unsegmented_index_is_not_dead(tmp_path):
    from kbsite.search_vocabulary import dead_words

    entries = [{"group": "intents", "n": 1, "find": ["諮詢"]}]
    index = {"config": {"separator": r"[\s]+"}, "docs": [{"location": "", "title": "", "text": "預約一次諮詢時間"}]}
    assert dead_words(entries, index, tmp_path / "v.yml", segmented=False) == []
    assert dead_words(entries, index, tmp_path / "v.yml"), "in Material's index, jieba's words must make it up"
    index["docs"][0]["text"] = "預約一次時間"
    assert dead_words(entries, index, tmp_path / "v.yml", segmented=False)


def test_the_step_reads_zensical_s_index_as_it_reads_material_s(tmp_path):
    from kbsite.errors import SiteError
    from kbsite.postbuild.search_additions import add_to_index

    (tmp_path / "search-vocabulary.yml").write_text(
        "medicines:\n  - find: [diazepam]\n    said: [valium]\n    source: FDA\n", encoding="utf-8")
    index = {"config": {"lang": ["es"], "separator": r"[\s\-]+"},
             "items": [{"location": "meds/", "title": "Medicines", "text": "diazepam", "tags": []},
                       {"location": "meds/#dose", "title": "Dose", "text": "diazepam", "tags": ["valium"]}]}
    added = add_to_index(index, tmp_path, keywords={"meds/": ["valium"], "meds/#dose": ["dose"]})
    assert added["config"]["vocabulary"] == [[["diazepam"], "valium"]]
    assert "de" in added["config"]["stop_words"]
    assert [doc.get("tags") for doc in added["items"]] == [["valium"], None], \
        "a page's keywords on the page's own entry, and no section's tags"
    index["items"][0]["text"] = index["items"][1]["text"] = "nothing"
    with pytest.raises(SiteError, match="'diazepam': no page of this edition has the word"):
        add_to_index(index, tmp_path)
    assert add_to_index(index, tmp_path, partial=True), "a --dirty build's index holds only some pages"
    with pytest.raises(SiteError, match="neither Material's `docs` nor Zensical's `items`"):
        add_to_index({"config": {}, "pages": []}, tmp_path)

"""kbsite/search_vocabulary.py: each edition's vocabulary
(includes/<code>/search-vocabulary.yml) is checked when the config loads and
against the built pages; a bad entry names the file, the entry and the fix.
How search uses it is tested in Node (tests/js/search.test.mjs).

Here: the session's build (tests/site/). The same feature's other layers:
tests/projects/test_search_vocabulary.py,
tests/unit/test_search_vocabulary.py."""

from __future__ import annotations

import json
from sitebuild import LANGUAGES, ROOT, VOCABULARY_FILES
from kbsite.editions import folder
from kbsite import search_vocabulary


def test_every_edition_ships_its_vocabulary_in_its_index(site):
    for code in LANGUAGES:
        edition = site if code == LANGUAGES[0] else site / folder(code)
        shipped = json.loads((edition / "search" / "search_index.json").read_text(encoding="utf-8"))["config"]["vocabulary"]
        entries = search_vocabulary.load(VOCABULARY_FILES[code])
        assert shipped == [[e["find"], "|".join(e["said"])] for e in entries]


def test_each_built_index_drops_from_a_query_the_stop_words_its_language_left_out(site):
    from kbsite.postbuild.search_additions import lunr_stop_words

    with_stop_words = []
    for code in LANGUAGES:
        edition = site if code == LANGUAGES[0] else site / folder(code)
        config = json.loads((edition / "search" / "search_index.json").read_text(encoding="utf-8"))["config"]
        expected = sorted({w for lang in config["lang"] for w in lunr_stop_words(lang)})
        assert config.get("stop_words", []) == expected, code
        if expected:
            with_stop_words.append(code)
    assert {"es", "zh-Hant"} <= set(with_stop_words), "Spanish and Chinese indexes leave lunr's stop words out"


def test_each_built_page_entry_has_its_keywords_and_no_section_has_any(site):
    from kbsite.postbuild.search_additions import page_keywords

    for code in LANGUAGES:
        edition = site if code == LANGUAGES[0] else site / folder(code)
        docs = ROOT / "docs" / ("" if code == LANGUAGES[0] else folder(code))
        index = json.loads((edition / "search" / "search_index.json").read_text(encoding="utf-8"))
        for doc in index["docs"]:
            if "#" in doc["location"]:
                assert "tags" not in doc, f"{code}: {doc['location']}"
                continue
            source = docs / ((doc["location"].rstrip("/") or "index") + ".md")
            assert doc.get("tags", []) == page_keywords(source), f"{code}: /{doc['location']}"
        assert any(doc.get("tags") for doc in index["docs"]), f"{code}: no page has keywords in search"
    # One known pair, read by hand from docs/booking.md, so the test does not
    # only agree with the function it tests.
    english = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    assert "appointment" in next(doc["tags"] for doc in english if doc["location"] == "booking/")

"""crisis-words.yml (kbsite/crisis_words.py): checked when the config loads
and by `make check`, every problem at once, each naming the file, the
language, the field, the entry and the fix; and the post-build step
(kbsite/postbuild/crisis_data.py) that ships it, with each language's
help, in every edition's search/crisis.json. The matching itself is
tested in Node (tests/js/crisis.test.mjs).

Here: the session's build (tests/site/). The same feature's other layers:
tests/unit/test_crisis_words.py."""

from __future__ import annotations

import json
import pytest
from bs4 import BeautifulSoup
from kbsite import crisis_words
from kbsite.editions import folder as edition_folder
from kbsite.postbuild import crisis_data
from sitebuild import LANGUAGES, ROOT


def _edition(site, code):
    return site if code == LANGUAGES[0] else site / edition_folder(code)


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_edition_ships_every_lexicon_and_every_help(site, code):
    data = json.loads((_edition(site, code) / crisis_data.FILE).read_text(encoding="utf-8"))
    lists = crisis_words.load(ROOT / "crisis-words.yml")
    assert data["page"] == code
    assert set(data["languages"]) == set(lists)
    for lang, shipped in data["languages"].items():   # compact: a list is one string, an entry a line
        assert shipped["classes"]["wish"].split("\n") == lists[lang]["classes"]["wish"]
        assert shipped["rules"] == lists[lang]["rules"]
    assert set(data["help"]) == set(LANGUAGES)
    for lang, html in data["help"].items():
        soup = BeautifulSoup(html, "html.parser")
        aside = soup.select_one("aside.crisis-help")
        assert aside["lang"] == lang and aside["aria-labelledby"] == f"search-crisis-title-{lang}"
        hrefs = {a["href"] for a in aside.select("a")}
        assert {"tel:988", "tel:911"} <= hrefs and any(h.startswith("sms:988") for h in hrefs), (code, lang)
        page = BeautifulSoup((_edition(site, lang) / "mental-health" / "index.html").read_text(encoding="utf-8"), "lxml")
        words = lambda element: " ".join(element.get_text(" ", strip=True).split())   # noqa: E731
        assert words(aside) == words(page.select_one("aside#crisis-help")), \
            f"{lang}: the same help, in the same words, as the pages"
    assert "oprima 2" in data["help"]["es"] and "sms:988?&amp;body=AYUDA" in data["help"]["es"]
    assert "的" not in data["simplified"] and "杀殺" in data["simplified"]
    assert data["more"]["location"] == "mental-health/#crisis-help" and data["more"]["title"]


def test_the_search_panel_has_the_crisis_line_and_an_empty_alert_for_detected_help(site):
    for code in LANGUAGES:
        soup = BeautifulSoup((_edition(site, code) / "index.html").read_text(encoding="utf-8"), "lxml")
        panel = soup.select_one(".md-search__scrollwrap")
        detected = panel.select_one("[data-search-crisis]")
        assert detected.has_attr("hidden") and not detected.select_one("[role=alert]").contents, code
        line = panel.select_one(".crisis-bar.crisis-bar--search")
        assert {a["href"].split("?")[0] for a in line.select("a")} == {"tel:988", "sms:988"}, code
        assert detected.find_next(class_="crisis-bar--search") is line, "detected help above the line"

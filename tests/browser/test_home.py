"""A patient's first screen on a phone (the first-minute issue): the home
page of every edition shows its title, a plain summary and every topic on a
390 x 844 screen, before any scrolling, with the crisis line in the header;
the clinic's own introduction follows, labelled as the clinic's words."""

from __future__ import annotations

import pytest

from kbsite.editions import folder
from sitebuild import LANGUAGES, PHONE

HOMES = ["" if code == LANGUAGES[0] else folder(code) + "/" for code in LANGUAGES]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("home", HOMES, ids=lambda h: h or "en")
def test_the_summary_and_every_topic_are_on_the_first_screen(shared_tab, server, home, scheme):
    tab = shared_tab(viewport=PHONE, is_mobile=True, has_touch=True, color_scheme=scheme)
    tab.goto(server.root + home, wait_until="networkidle")
    layout = tab.evaluate("""() => {
        const box = el => el.getBoundingClientRect();
        const article = document.querySelector("article");
        const summary = article.querySelector("h1 ~ p");
        const topics = [...article.querySelectorAll(".grid.cards a")];
        const crisis = document.querySelector(".crisis-bar a[href='tel:988']");
        const intro = article.querySelector(".clinic-article");
        return {height: innerHeight, summary: summary && box(summary).bottom,
                topics: topics.map(a => [a.textContent.trim(), box(a).bottom]),
                crisis: crisis && box(crisis).bottom,
                summaryBeforeTopics: !!summary && !!topics.length
                    && !!(summary.compareDocumentPosition(topics[0]) & Node.DOCUMENT_POSITION_FOLLOWING),
                introAfterTopics: !!intro && !!topics.length
                    && !!(topics.at(-1).compareDocumentPosition(intro) & Node.DOCUMENT_POSITION_FOLLOWING)};
    }""")
    assert len(layout["topics"]) >= 5, layout
    off_screen = [name for name, bottom in layout["topics"] if bottom > layout["height"]]
    assert off_screen == [], f"/{home}: below the first screen: {off_screen}"
    assert layout["summaryBeforeTopics"] and layout["summary"] <= layout["height"]
    assert layout["crisis"] is not None and layout["crisis"] <= layout["height"]
    assert layout["introAfterTopics"], "the clinic's introduction comes after the topics"

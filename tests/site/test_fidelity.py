"""Nothing of the clinic's article is lost: every sentence, heading and list
item of tests/fixtures/source-article.txt appears word for word on the site.
Quotes and spacing may be typographic; words may not change.

Here: the session's build (tests/site/). The same feature's other layers:
tests/unit/test_fidelity.py."""

from __future__ import annotations

from bs4 import BeautifulSoup

from kbsite.editions import load_interface
from page_text import ARTICLE_SOURCE as SOURCE, normalize, site_text, split_article as article_units
from sitebuild import PAGES, ROOT


def test_every_sentence_of_the_article_is_on_the_site(site):
    text = site_text(site)
    missing = [u for u in article_units(SOURCE.read_text(encoding="utf-8")) if u not in text]
    assert not missing, "These parts of the article are missing from the site:\n- " + "\n- ".join(missing)


def test_fidelity_check_detects_a_changed_word(site):
    # The check must be able to fail: change one word of one sentence.
    text = site_text(site).replace("inseparable pair", "inseparable couple")
    units = article_units(SOURCE.read_text(encoding="utf-8"))
    assert [u for u in units if u not in text] == [
        "Physical and mental pain often come as an inseparable pair, creating a challenging cycle "
        "for those who suffer from chronic pain."
    ]


def test_every_article_passage_is_labelled_as_the_clinics_words(site, config):
    """Each sentence and list item of the article sits inside a block that
    says, visibly and to screen readers (its title is text), that these are
    the clinic's words; headings stay the pages' own. Every edition has the
    same labelled blocks, with the label in its language."""
    clinic = config["extra"]["clinic"]["name"]
    label = config.mdx_configs["kbsite.markdown.clinic_article"]["label"]
    spanish = load_interface(ROOT / "includes" / "es" / "interface.yml")[label]
    labels = {"": label.format(clinic=clinic), "es/": spanish.format(clinic=clinic)}
    assert "promotional" in labels[""] and "promocional" in labels["es/"], labels
    units = [u for u in article_units(SOURCE.read_text(encoding="utf-8"))]
    headings = set()
    for url, _, _ in PAGES:
        soup = BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "lxml")
        for extra in soup.select("article :is(h1, h2, h3) :is(a.headerlink, .copy-link)"):
            extra.decompose()
        headings |= {normalize(h.get_text("")) for h in soup.select("article :is(h1, h2, h3)")}
    passages = [u for u in units if u not in headings]
    assert len(passages) >= 35, "this test's assumption: it finds the article's sentences"
    # Every paragraph and list item of the pages, with its text, parsed once.
    texts = [(el, normalize(el.get_text(""))) for url, _, _ in PAGES
             for el in BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "lxml")
             .select("article :is(p, li)")]
    unlabelled = []
    for unit in passages:
        blocks = [el for el, text in texts if unit in text]
        if not blocks or not all(el.find_parent("div", class_="clinic-article") for el in blocks):
            unlabelled.append(unit)
    assert unlabelled == []
    for prefix, label in labels.items():
        for url, _, _ in PAGES:
            soup = BeautifulSoup((site / prefix / url / "index.html").read_text(encoding="utf-8"), "lxml")
            titles = [t.get_text(strip=True) for t in soup.select("div.clinic-article > p.admonition-title")]
            assert set(titles) <= {label}, (prefix + url, titles)
            count = len(BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "lxml")
                        .select("div.clinic-article"))
            assert len(titles) == count, f"/{prefix}{url}: {len(titles)} labelled blocks, English has {count}"

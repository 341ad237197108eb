"""Medically responsible content in the built site: key points, review
dates, the safety page and its sources, crisis help, the disclaimer, the
glossary, the diagram and structured data.

Here: the session's build (tests/site/). The same feature's other layers:
tests/projects/test_content.py, tests/unit/test_content.py."""

from __future__ import annotations

import datetime as dt
import json
import posixpath
import re

import pytest
import textstat
from urllib.parse import urljoin
from bs4 import BeautifulSoup
from mkdocs.utils.meta import get_data

from kbsite.glossary import read_glossary
from kbsite.front_matter import KEY_POINTS_TYPES
from kbsite.editions import folder
from sitebuild import EDITION_URLS, LANGUAGES, PAGES, ROOT, TRANSLATIONS, edition_of, page_meta
from writing_helpers import MAX_GRADE

# Every page whose type (front matter `type:`) opens with a Key points box.
TOPIC_PAGES = [url for url, _, _ in PAGES if page_meta(url)["type"] in KEY_POINTS_TYPES]


def front_matter(url: str) -> dict:
    name = (url.rstrip("/") or "index") + ".md"
    return get_data((ROOT / "docs" / name).read_text(encoding="utf-8"))[1]


def article(soup: BeautifulSoup):
    return soup.select_one("article.md-content__inner")


# ---- Key points --------------------------------------------------------------------

@pytest.mark.parametrize("url", TOPIC_PAGES)
def test_topic_page_opens_with_plain_key_points(pages, url):
    h1 = article(pages[url]).find("h1")
    box = h1.find_next_sibling()
    assert box is not None and "key-points" in box.get("class", []), (
        f"{url}: the first thing after the heading must be the Key points box (EDITING.md#key-points); "
        f"(its front matter says type: {page_meta(url)['type']})")
    assert box.select_one(".admonition-title").get_text(strip=True) == "Key points"
    text = " ".join(li.get_text(" ", strip=True) for li in box.select("li"))
    grade = textstat.flesch_kincaid_grade(text)
    print(f"{url}: key points Flesch-Kincaid grade {grade}")
    assert grade <= MAX_GRADE, f"{url}: key points read at grade {grade}; keep it at {MAX_GRADE} or lower"


def key_point_sources(soup: BeautifulSoup, url: str, pages: dict) -> list[str]:
    """The bullets of a page's Key points box that link to nothing they come
    from: a section of this page, a footnote, or a section of another page."""
    unsourced = []
    for item in article(soup).select(".key-points li"):
        def leads_somewhere(a) -> bool:
            href = a["href"]
            target_page, _, anchor = href.partition("#")
            if not anchor:
                return False
            if not target_page:
                return soup.find(id=anchor) is not None
            target = posixpath.normpath(posixpath.join(url, target_page)).lstrip("./") + "/"
            target = "" if target in ("/", "./") else target
            return target in pages and pages[target].find(id=anchor) is not None
        if not any(leads_somewhere(a) for a in item.select("a[href]")):
            unsourced.append(item.get_text(" ", strip=True))
    return unsourced


@pytest.mark.parametrize("url", [url for url, _, _ in PAGES])
def test_every_key_point_links_to_where_it_comes_from(pages, url):
    unsourced = key_point_sources(pages[url], url, pages)
    assert not unsourced, (f"{url}: these Key points link to no section or source. Link a word of each to the "
                           "section it restates (#id) or to its citation:\n  " + "\n  ".join(unsourced))


def test_key_point_source_check_can_fail(pages):
    soup = BeautifulSoup(str(pages["safety/"]), "lxml")
    item = soup.select_one(".key-points li")
    for a in item.select("a"):
        a.replace_with(a.get_text())
    assert key_point_sources(soup, "safety/", pages) == [item.get_text(" ", strip=True)]


# ---- Review dates ------------------------------------------------------------------

@pytest.mark.parametrize("url", [url for url, _, _ in PAGES])
def test_review_dates_at_the_bottom_of_every_page(pages, url):
    meta = front_matter(url)
    box = pages[url].select_one("aside.review-dates")
    times = {t["datetime"] for t in box.select("time")}
    assert times == {meta["last_reviewed"].isoformat(), meta["next_review"].isoformat()}
    text = re.sub(r"\s+", " ", box.get_text(" "))
    assert f"Page last reviewed: {meta['last_reviewed'].day} {meta['last_reviewed']:%B %Y}" in text
    assert "Next review due:" in text
    # Nothing is overdue on the fixed test date
    assert not box.select(".review-dates__overdue")


def test_every_page_without_a_reviewer_says_no_clinician_has_reviewed_it(site, config):
    """Issue #32: a review date without a clinician's name reads as a
    medical review. Every page of every edition, found from docs/ (not a
    list), says so in its language until `reviewed_by` names a clinician."""
    from kbsite.editions import folder, load_interface

    notice = "No clinician has reviewed this page yet."
    checked = 0
    for code in LANGUAGES:
        prefix = "" if code == LANGUAGES[0] else folder(code) + "/"
        words = notice if not prefix else load_interface(ROOT / "includes" / folder(code) / "interface.yml")[notice]
        for source in sorted((ROOT / "docs" / prefix).glob("*.md")):
            meta = get_data(source.read_text(encoding="utf-8"))[1]
            url = "" if source.stem == "index" else source.stem + "/"
            box = BeautifulSoup((site / prefix / url / "index.html").read_text(encoding="utf-8"), "lxml") \
                .select_one("aside.review-dates")
            assert box is not None, f"{source.relative_to(ROOT)}: no review box"
            said = box.select_one(".review-dates__unreviewed")
            if meta.get("reviewed_by"):
                assert said is None, f"{source.relative_to(ROOT)}: reviewed by {meta['reviewed_by']}, yet says not"
            else:
                assert said is not None and said.get_text(strip=True) == words, f"{source.relative_to(ROOT)}"
            checked += 1
    assert checked >= len(PAGES) * len(LANGUAGES)


# ---- Safety page -------------------------------------------------------------------

def test_safety_page_covers_what_patients_need_to_know(pages):
    text = re.sub(r"\s+", " ", article(pages["safety/"]).get_text(" "))
    for fact in ("Schedule III", "misused", "dissociation", "blood pressure", "heart rate", "nausea",
                 "dizziness", "sedation", "at least 2 hours", "March 2019", "treatment-resistant",
                 "REMS", "October 2023", "compounding"):
        assert fact in text, fact


# Pages of facts we add: every section cites its sources.
SOURCED_PAGES = ["safety/", "what-to-expect/"]


@pytest.mark.parametrize("url", SOURCED_PAGES)
def test_every_section_of_a_sourced_page_cites_full_references(pages, url):
    body = article(pages[url])
    for h2 in body.find_all("h2"):
        if h2["id"] == "references":
            continue
        section = []
        for sibling in h2.find_next_siblings():
            if sibling.name == "h2":
                break
            section.append(sibling)
        refs = [a for el in section for a in el.select('sup[id^="fnref"] a[href^="#fn:"]')]
        assert refs, f"{url}: section #{h2['id']} cites no source"
    notes = body.select(".footnote li[id^='fn:']")
    assert len(notes) >= 6
    for note in notes:
        assert note.select_one('a[href^="https://"]'), f"{note['id']} has no DOI or URL"
        assert note.find_previous("h2")["id"] == "references"
    dois = {a["href"] for a in body.select('.footnote a[href^="https://doi.org/"]')}
    assert {"https://doi.org/10.1097/AAP.0000000000000808", "https://doi.org/10.1001/jamapsychiatry.2017.0080"} <= dois


def test_section_citation_check_can_fail(pages):
    soup = BeautifulSoup(str(pages["what-to-expect/"]), "lxml")
    for sup in article(soup).select("#cost ~ p sup, #cost ~ ul sup"):
        sup.decompose()
    with pytest.raises(AssertionError, match="section #cost cites no source"):
        test_every_section_of_a_sourced_page_cites_full_references({"what-to-expect/": soup}, "what-to-expect/")


@pytest.mark.parametrize("url", ["physical-relief/", "mental-health/", "booking/"])
def test_pages_link_to_safety(pages, url):
    links = [a["href"] for a in article(pages[url]).select("a[href]")]
    assert any(href.startswith("../safety/") for href in links)


def test_safety_link_sits_next_to_non_opioid_relief(pages):
    """Our notes stand right after the clinic's words they qualify, outside
    them: that these are the clinic's words, not study results, and that
    ketamine can be misused and lead to dependence."""
    passage = next(div for div in article(pages["physical-relief/"]).select("div.clinic-article")
                   if "Non-Opioid Relief" in div.get_text())
    assert not passage.select('a[href="../safety/#misuse"]')
    note = passage.find_next_sibling()
    assert "not the results of a study" in note.get_text()
    link = note.find_next_sibling().select_one('a.safety-link[href="../safety/#misuse"]')
    assert link and "dependence" in link.get_text()


# ---- Crisis help and disclaimer ----------------------------------------------------

def _assert_crisis_box(box):
    # Material removes data-search-exclude once indexed; the search index test checks it.
    assert box is not None
    assert box.select_one(".crisis-help__title").get_text(strip=True) == "If you are in crisis"
    hrefs = {a["href"] for a in box.select("a")}
    assert {"tel:988", "sms:988", "tel:911"} <= hrefs


def test_crisis_box_follows_the_self_harm_sentence(pages):
    passage = next(div for div in article(pages["mental-health/"]).select("div.clinic-article")
                   if "self-harm" in div.get_text())
    _assert_crisis_box(passage.find_next_sibling())
    assert "crisis-help" in passage.find_next_sibling()["class"]


def test_crisis_box_on_pain_overlap(pages):
    _assert_crisis_box(article(pages["pain-overlap/"]).select_one("aside.crisis-help"))


def test_crisis_help_and_boilerplate_stay_out_of_search(site):
    # The documents are what search finds; crisis help for the search panel
    # is a file of its own (search/crisis.json, kbsite/postbuild/crisis_data.py).
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    docs = json.dumps(index["docs"], ensure_ascii=False)
    crisis = json.loads((site / "search/crisis.json").read_text(encoding="utf-8"))
    assert "If you are in crisis" in crisis["help"]["en"]
    for boilerplate in ("Crisis Lifeline", "If you are in crisis", "Next review due", "Want to know if ketamine",
                        "Crisis?", "Call 988"):
        assert boilerplate not in docs, boilerplate


@pytest.mark.parametrize("edition", ["", *(folder(code) + "/" for code in TRANSLATIONS)])
def test_search_finds_the_clinics_article_by_its_words_not_by_its_label(site, edition):
    # The label says whose promotion it is, on the page and, shortened, on
    # every search excerpt from inside a passage. In the index its words
    # matched every passage: 費用 ("並收取費用") listed eight passages whose
    # excerpt was the label alone.
    index = json.loads((site / edition / "search/search_index.json").read_text(encoding="utf-8"))
    words = index["config"]["clinic_article"]
    passages = [doc for doc in index["docs"] if "data-clinic-article" in doc["text"]]
    assert passages, f"/{edition}: no passage of the clinic's article is marked in search"
    for doc in index["docs"]:
        text = re.sub(r"<[^>]+>|[\s\u200b]+", "", doc["text"])
        for said in (words["label"], words["end"]):
            assert re.sub(r"\s+", "", said) not in text, f"/{edition}{doc['location']}: {said!r} is in the index"


@pytest.mark.parametrize("edition", ["", *(folder(code) + "/" for code in TRANSLATIONS)])
def test_no_references_section_is_a_search_result(site, edition):
    # #35: "i" or "pain" listed trial titles and journals as answers.
    index = json.loads((site / edition / "search/search_index.json").read_text(encoding="utf-8"))
    on_pages = [url for url in EDITION_URLS if edition_of(url) == edition
                and re.search(r'\bid="?references[\s">]', (site / url / "index.html").read_text(encoding="utf-8"))]
    assert on_pages, f"/{edition}: no page has a References section to leave out"
    assert not [doc["location"] for doc in index["docs"] if doc["location"].endswith("#references")]
    assert {doc["location"] for doc in index["docs"]} >= {url[len(edition):] for url in on_pages}, "the pages stay"


@pytest.mark.parametrize("path", [url + "index.html" for url, _, _ in PAGES] + ["404.html"])
def test_footer_has_disclaimer_and_crisis_line(site, path):
    footer = BeautifulSoup((site / path).read_text(), "lxml").select_one("footer .md-copyright")
    text = re.sub(r"\s+", " ", footer.get_text(" "))
    assert "not a substitute for advice from your own clinician" in text
    hrefs = [a["href"] for a in footer.select("a")]
    assert {"tel:988", "tel:911"} <= set(hrefs)
    # "About this guide", by an address that works at any depth (404 included)
    [about] = [a for a in footer.select("a") if a.get_text(strip=True) == "About this guide"]
    assert urljoin("/kb/" + path, about["href"].replace("/ketamine-knowledge-base/", "/kb/")) == "/kb/about/"


@pytest.mark.parametrize("path", [url + "index.html" for url in EDITION_URLS] + ["404.html"])
def test_every_footer_links_to_the_accessibility_statement_of_its_edition(site, path):
    footer = BeautifulSoup((site / path).read_text(), "lxml").select_one("footer .md-copyright")
    edition = edition_of(path)
    [link] = [a for a in footer.select(".md-copyright__accessibility a")]
    assert urljoin("/kb/" + path, link["href"].replace("/ketamine-knowledge-base/", "/kb/")) == f"/kb/{edition}accessibility/"
    assert (site / edition / "accessibility" / "index.html").is_file()


@pytest.mark.parametrize("url", EDITION_URLS)
def test_a_long_page_lists_its_sections_after_its_key_points(site, url):
    """An "On this page" list on every page with Key points and three
    sections or more (kbsite.markdown.page_contents), every section in
    order, out of the search index."""
    soup = BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "lxml")
    box = soup.select_one("article .key-points")
    sections = [h["id"] for h in soup.select("article h2[id]")]
    lists = soup.select("article nav.page-contents")
    if box is None or len(sections) < 3:
        assert lists == [], f"/{url}"
        return
    [contents] = lists
    after = box.find_next_sibling()
    after = after.find_next_sibling() if "booking-link" in after.get("class", []) else after
    assert after is contents, f"/{url}: the list is not right after the Key points (and the button to book)"
    assert [a["href"] for a in contents.select("a")] == [f"#{i}" for i in sections]
    assert contents.has_attr("data-search-exclude") and contents.get("aria-label")


# ---- Glossary ----------------------------------------------------------------------

def test_glossary_page_lists_every_term_from_the_one_source(pages):
    entries = read_glossary(ROOT / "includes/glossary.md")
    terms = [dt_.get_text(strip=True) for dt_ in article(pages["glossary/"]).select("dl dt")]
    assert [t.lower() for t in terms] == [term.lower() for term, _ in entries]
    definitions = [dd.get_text(" ", strip=True) for dd in article(pages["glossary/"]).select("dl dd")]
    assert len(definitions) == len(entries) and all(definitions)
    required = {"NMDA", "CRPS", "PTSD", "NSAIDs", "neuroplasticity", "fibromyalgia", "centralized",
                "infusions", "dissociation", "esketamine", "REMS"}
    assert required <= {term for term, _ in entries}


def test_a_term_is_explained_on_its_first_use_on_a_page_only(pages):
    for url, soup in pages.items():
        terms = [a.get_text() for a in article(soup).select("abbr[title]")]
        assert len(terms) == len(set(terms)), f"{url}: a term has a tooltip more than once"
    safety = article(pages["safety/"])
    first = safety.find(string=re.compile(r"\besketamine\b"))
    assert first.parent.name == "abbr" and first.parent["title"].startswith("A form of ketamine")


def test_glossary_terms_are_tooltips_where_they_appear(pages):
    entries = dict(read_glossary(ROOT / "includes/glossary.md"))
    abbrs = {a.get_text(): a["title"] for a in article(pages["physical-relief/"]).select("abbr[title]")}
    assert abbrs["NMDA"] == entries["NMDA"]
    assert abbrs["CRPS"] == entries["CRPS"]
    config = json.loads(pages["physical-relief/"].select_one("#__config").string)
    assert "content.tooltips" in config["features"]


# ---- Diagram and structured data ---------------------------------------------------

def test_pain_cycle_diagram_has_a_full_text_alternative(pages):
    figure = article(pages["pain-overlap/"]).select_one("figure.cycle-diagram")
    svg = figure.select_one("svg")
    assert svg["role"] == "img"
    title_id, desc_id = svg["aria-labelledby"].split()
    assert svg.find(id=title_id).name == "title" and svg.find(id=desc_id).name == "desc"
    caption = figure.select_one("figcaption").get_text()
    for stage in ("physical pain", "mental distress", "physical symptoms"):
        assert stage in caption.lower()
    # Drawn with theme colours (CSS), not fixed fills, so it reads in dark mode too
    assert "fill=\"#" not in str(svg) and "stroke=\"#" not in str(svg)


@pytest.mark.parametrize("url", [url for url, _, _ in PAGES])
def test_medical_web_page_structured_data_matches_front_matter(pages, config, url):
    data = [json.loads(s.string) for s in pages[url].select('script[type="application/ld+json"]')]
    [page_data] = [d for d in data if d["@type"] == "MedicalWebPage"]
    meta = front_matter(url)
    assert page_data["lastReviewed"] == meta["last_reviewed"].isoformat()
    dt.date.fromisoformat(page_data["lastReviewed"])
    assert page_data["name"] == meta["title"] and page_data["description"] == meta["description"]
    assert page_data["url"] == config["site_url"] + url
    assert page_data["about"] == {"@type": "MedicalTherapy", "name": "Ketamine therapy"}
    assert page_data["audience"]["audienceType"] == "Patient"
    assert page_data["publisher"]["name"] == config["extra"]["clinic"]["name"]

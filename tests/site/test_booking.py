"""Booking: clinic details from extra.clinic, rendered only when set, with
no forms that collect anything; the call to action on every page.

Here: the session's build (tests/site/). The same feature's other layers:
tests/browser/test_booking.py, tests/projects/test_booking.py,
tests/unit/test_booking.py."""

from __future__ import annotations

import posixpath

import re

import pytest
from bs4 import BeautifulSoup

from kbsite.editions import load_interface
from sitebuild import EDITION_URLS, PAGES, ROOT, TRANSLATIONS, edition_of, ends_with_a_call_to_book, folder
from booking_helpers import clinic_data, contact_block, indexed_text


# ---- The shipped site ---------------------------------------------------------------


def test_shipped_booking_page_shows_only_what_the_clinic_published(pages):
    soup = pages["booking/"]
    contact = contact_block(soup)
    # The page is titled for what it is for; the article's heading stays, with its id.
    assert soup.select_one("article h1").get_text(strip=True).rstrip("¶") == "Book a consultation"
    assert soup.title.string.startswith("Book a consultation")
    assert soup.select_one("article h2#whole-body-relief").get_text(strip=True).startswith(
        "A New Path to Whole-Body Relief in San Francisco")
    # The button says where it goes, and the page says plainly what it does not list.
    button = contact.select_one("a.md-button--primary")
    assert button.get_text(strip=True) == "Book on Avid Sports Medicine's website"
    assert button["href"] == "https://avidsportsmed.com/"
    assert contact.select_one(".clinic-contact__unlisted").get_text(" ", strip=True) == (
        "This guide does not list a phone number or email address for the clinic yet. To book, use the link above.")
    html = str(soup)
    assert "None" not in contact.get_text() and 'href=""' not in html
    # No phone, email or address is configured, so none appears (the footer's
    # crisis numbers are not the clinic's).
    assert not contact.select('a[href^="tel:"], a[href^="mailto:"], address')
    assert not soup.select('a[href^="mailto:"]') and not soup.select("address")
    assert "Opening hours" not in contact.get_text()


def test_shipped_clinic_structured_data(pages):
    data = clinic_data(pages["booking/"])
    assert data == {"@context": "https://schema.org", "@type": "MedicalClinic", "name": "Avid Sports Medicine",
                    "url": "https://avidsportsmed.com/", "areaServed": "San Francisco and the Bay Area",
                    "medicalSpecialty": ["Musculoskeletal"]}


def test_booking_page_warns_against_sending_health_details_by_email(pages):
    privacy = pages["booking/"].select_one("h2#privacy").find_next_sibling("p").get_text(" ")
    assert "do not send details about your health" in re.sub(r"\s+", " ", privacy)


def test_questions_to_ask_cover_suitability_risk_sessions_and_cost(pages):
    items = [li.get_text() for li in pages["booking/"].select("h2#questions ~ ul li")]
    joined = " ".join(items).lower()
    for topic in ("suitable", "risks", "how many sessions", "cost", "insurance"):
        assert topic in joined, topic


@pytest.mark.parametrize("path", [url + "index.html" for url in EDITION_URLS] + ["404.html"])
def test_no_page_has_a_form_that_collects_anything(site, path):
    soup = BeautifulSoup((site / path).read_text(), "lxml")
    for form in soup.select("form"):
        # Material's own form: the search box (runs in the browser).
        assert form.get("name") in ("search",), form.attrs
        assert not form.get("action") and form.get("method", "get").lower() != "post"
    assert not soup.select('textarea, input[type="email"], input[type="tel"], input[type="file"]')


@pytest.mark.parametrize("url", [url for url, _, _ in PAGES if url != "booking/"])
def test_call_to_action_ends_every_other_page(pages, url):
    cta = pages[url].select_one("article aside.booking-cta")
    if not ends_with_a_call_to_book(url):
        # Safety (#32): no call to book right after the risks, for fair balance.
        assert cta is None, f"/{url}: booking_cta: false, yet the page ends with a call to book"
        return
    assert cta.select_one("a.md-button")["href"].endswith("booking/")
    # It is the last thing in the page's content.
    assert cta.find_next_sibling() is None


# ---- A site with every clinic field set ----------------------------------------------


def test_search_holds_the_generated_contact_block_and_report_link_in_every_edition(site):
    """Generated content is in the page before search reads it
    (kbsite.markdown.markers), not filled in after Material indexed it."""
    for edition in [site, *(site / folder(code) for code in TRANSLATIONS)]:
        prefix = edition.relative_to(site).as_posix()
        assert "avidsportsmed.com" in indexed_text(edition, "booking/#book"), prefix
        assert "GitHub" in indexed_text(edition, "about/#report"), prefix


# ---- In the browser -----------------------------------------------------------------


@pytest.mark.parametrize("code", TRANSLATIONS)
def test_a_translation_says_the_clinics_website_is_in_english(site, code):
    """extra.clinic.website_languages is [en]: every other edition's button,
    and the line under it, say the website is in English, in its words."""
    english = load_interface(ROOT / "includes" / folder(code) / "interface.yml")["English"]
    soup = BeautifulSoup((site / folder(code) / "booking" / "index.html").read_text(encoding="utf-8"), "lxml")
    contact = contact_block(soup)
    assert english in contact.select_one("a.md-button--primary").get_text(), code
    assert english in contact.select_one(".clinic-contact__where").get_text(), code
    first = BeautifulSoup((site / "booking" / "index.html").read_text(encoding="utf-8"), "lxml")
    assert "English" not in contact_block(first).select_one("a.md-button--primary").get_text(), "the English edition says nothing"


@pytest.mark.parametrize("url", EDITION_URLS)
def test_a_page_with_key_points_leads_to_booking_right_after_them(site, url):
    """Booking two taps from the top of a page (#35): the button right
    after the Key points, to the edition's own booking page; not on the
    booking page itself, nor where the front matter says booking_cta: false."""
    soup = BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "lxml")
    box = soup.select_one("article .key-points")
    links = soup.select("article .booking-link")
    edition = edition_of(url)
    if box is None or url.removeprefix(edition) == "booking/" or not ends_with_a_call_to_book(url):
        assert links == [], f"/{url}"
        return
    assert links and box.find_next_sibling() is links[0], f"/{url}: the button to book is not right after the Key points"
    [button] = links[0].select("a.md-button")
    assert posixpath.normpath(posixpath.join("/" + url, button["href"])) + "/" == f"/{edition}booking/"
    assert links[0].has_attr("data-search-exclude")


@pytest.mark.parametrize("prefix", ["", *(folder(code) + "/" for code in TRANSLATIONS)], ids=lambda p: p or "en")
def test_the_booking_page_shows_how_to_book_before_the_clinics_paragraphs(site, prefix):
    soup = BeautifulSoup((site / prefix / "booking" / "index.html").read_text(encoding="utf-8"), "lxml")
    order = [el for el in soup.select("article .key-points, article .clinic-contact, article .clinic-article, article h2")]
    kinds = [("key" if "key-points" in el.get("class", []) else "contact" if "clinic-contact" in el.get("class", [])
              else "article" if "clinic-article" in el.get("class", []) else "h2") for el in order]
    assert kinds.index("contact") < kinds.index("article"), kinds
    assert kinds[:3] == ["key", "h2", "contact"], f"/{prefix}booking/: {kinds}"

"""Booking: clinic details from extra.clinic, rendered only when set, with
no forms that collect anything; the call to action on every page."""

from __future__ import annotations

import posixpath

import json
import re
import shutil

import pytest
from bs4 import BeautifulSoup
from mkdocs.utils.meta import get_data
from playwright.sync_api import expect

from kbsite.clinic import hours_text, validate
from kbsite.editions import load_interface
from sitebuild import (EDITION_URLS, PAGES, ROOT, TRANSLATIONS, build, copy_project, edition_of,
                       ends_with_a_call_to_book, folder)

SHIPPED = {"name": "Avid Sports Medicine", "area_served": "San Francisco and the Bay Area",
           "website": "https://avidsportsmed.com/", "medical_specialty": ["Musculoskeletal"]}


# ---- Unit tests of kbsite/clinic.py ----------------------------------------

def test_shipped_fields_are_valid():
    assert validate(SHIPPED) == []
    assert validate({"name": "Clinic"}) == []


@pytest.mark.parametrize("field,value", [
    ("name", None),
    ("phone", "call us"),
    ("phone", "555-0100"),
    ("email", "appointments at clinic"),
    ("website", "http://avidsportsmed.com/"),
    ("booking_url", "scheduler.example.com"),
    ("address", "1 Example Street"),
    ("address", {"street": "1 Example Street", "city": "San Francisco"}),
    ("hours", ["Monday 9-5"]),
    ("hours", "Mo-Fr 09:00-17:00"),
    ("hours", ["Mo-Fr 09:00-29:00"]),
    ("hours", ["Mo-Fr 17:00-09:00"]),
    ("medical_specialty", ["Sports medicine"]),
    ("phon", "(415) 555-0100"),
])
def test_bad_clinic_field_names_the_field_and_expected_form(field, value):
    clinic = {**SHIPPED, field: value}
    if value is None:
        del clinic[field]
    [error] = validate(clinic)
    assert error.startswith(f"mkdocs.yml: extra.clinic.{field} ")
    assert "Expected" in error


@pytest.mark.parametrize("phone,uri", [
    ("(415) 555-0100", "tel:+14155550100"),
    ("415.555.0100", "tel:+14155550100"),
    ("1-415-555-0100", "tel:+14155550100"),
    ("+44 20 7946 0000", "tel:+442079460000"),
])
def test_phone_numbers_become_global_tel_uris(phone, uri):
    """The templates' own macro (partials/clinic.html), as Jinja runs it."""
    from jinja2 import Environment, FileSystemLoader

    macros = Environment(loader=FileSystemLoader(ROOT / "overrides")).get_template("partials/clinic.html").module
    assert str(macros.tel_uri(phone)) == uri


def test_hours_read_as_plain_english():
    assert hours_text("Mo-Fr 09:00-17:30") == "Monday to Friday: 9:00 am to 5:30 pm"
    assert hours_text("Sa,Su 12:00-00:00") == "Saturday, Sunday: 12:00 pm to 12:00 am"


def test_invalid_config_fails_the_real_build(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "bad.yml").write_text("INHERIT: mkdocs.yml\nextra:\n  clinic:\n    phone: call us\n")
    result = build(tmp_path / "site", project / "bad.yml")
    assert result.returncode != 0
    assert "mkdocs.yml: extra.clinic.phone is 'call us'. Expected a US number with area code" in result.stderr


# ---- The shipped site ---------------------------------------------------------------

def _contact(soup):
    return soup.select_one("article .clinic-contact")


def _clinic_data(soup):
    blocks = [json.loads(s.string) for s in soup.select('script[type="application/ld+json"]')]
    [clinic] = [b for b in blocks if b["@type"] == "MedicalClinic"]
    return clinic


def test_shipped_booking_page_shows_only_what_the_clinic_published(pages):
    soup = pages["booking/"]
    contact = _contact(soup)
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
    data = _clinic_data(pages["booking/"])
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


def test_safety_ends_without_a_call_to_book_in_every_edition():
    """The clinical review's decision (#32): Safety leads to the questions to
    ask at a consultation, not to a call to book after its risks."""
    for source in sorted((ROOT / "docs").rglob("safety.md")):
        assert get_data(source.read_text(encoding="utf-8"))[1].get("booking_cta") is False, source


# ---- A site with every clinic field set ----------------------------------------------

@pytest.fixture(scope="module")
def full_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("full-clinic")
    project = copy_project(tmp / "project")
    shutil.copy(ROOT / "tests/fixtures/clinic-full.yml", project / "clinic-full.yml")
    result = build(tmp / "site", project / "clinic-full.yml")
    assert result.returncode == 0, result.stderr
    return tmp / "site"


@pytest.fixture(scope="module")
def full_booking(full_site):
    return BeautifulSoup((full_site / "booking/index.html").read_text(), "lxml")


def _indexed(site, location: str) -> str:
    """The text Material's search holds for one section, as the browser loads it."""
    docs = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))["docs"]
    [doc] = [doc for doc in docs if doc["location"] == location]
    return doc["text"]


def test_search_holds_the_generated_contact_block_and_report_link_in_every_edition(site):
    """Generated content is in the page before search reads it
    (kbsite.markdown.markers), not filled in after Material indexed it."""
    for edition in [site, *(site / folder(code) for code in TRANSLATIONS)]:
        prefix = edition.relative_to(site).as_posix()
        assert "avidsportsmed.com" in _indexed(edition, "booking/#book"), prefix
        assert "GitHub" in _indexed(edition, "about/#report"), prefix


def test_a_search_for_the_clinic_phone_or_email_finds_the_booking_page(full_site):
    from search_runner import node_outcomes

    text = _indexed(full_site, "booking/#book")
    assert "(415) 555-0100" in text and "appointments@example.com" in text and "94105" in text
    assert "appointments@example.com" in _indexed(full_site, "about/#report")
    found = node_outcomes(full_site, ["555-0100", "(415) 555-0100", "appointments@example.com"])
    assert found["555-0100"].pages[:1] == ["booking/"], found["555-0100"].pages
    assert found["(415) 555-0100"].pages[:1] == ["booking/"], found["(415) 555-0100"].pages
    # The address is one thing to find (search.js quotes it), not three words
    # ("example" is on many pages).
    assert found["appointments@example.com"].pages[:1] == ["booking/"], found["appointments@example.com"].pages


def test_pricing_link_shows_only_when_the_clinic_sets_it(pages, tmp_path):
    assert not pages["what-to-expect/"].select(".clinic-pricing"), "no pricing_url in the shipped config"
    project = copy_project(tmp_path / "project")
    shutil.copy(ROOT / "tests/fixtures/clinic-full.yml", project / "clinic-full.yml")
    assert build(tmp_path / "site", project / "clinic-full.yml").returncode == 0
    soup = BeautifulSoup((tmp_path / "site/what-to-expect/index.html").read_text(), "lxml")
    [link] = soup.select("#cost ~ .clinic-pricing a")
    assert link["href"] == "https://example.com/avid/prices"
    assert link.get_text() == "See Avid Sports Medicine's prices"


def test_every_configured_channel_renders(full_booking):
    contact = _contact(full_booking)
    assert contact.select_one("a.md-button--primary")["href"] == "https://scheduler.example.com/avid"
    assert contact.select_one("a.md-button--primary").get_text(strip=True) == "Book online"
    assert not contact.select(".clinic-contact__unlisted"), "a phone and an email are listed"
    assert contact.select_one('a[href="tel:+14155550100"]').get_text() == "(415) 555-0100"
    assert contact.select_one('a[href="mailto:appointments@example.com"]')
    address = re.sub(r"\s+", " ", contact.select_one("address").get_text(" ")).strip()
    assert address == "Avid Sports Medicine 1 Example Street, Suite 100 San Francisco, CA 94105"
    hours = [li.get_text() for li in contact.select("ul.clinic-contact__hours li")]
    assert hours == ["Monday to Friday: 9:00 am to 5:30 pm", "Saturday: 10:00 am to 2:00 pm"]


def test_the_handout_carries_every_contact_channel_the_clinic_sets(full_booking, pages):
    """On paper only (.print-only): a printed page has no booking page to tap."""
    [line] = full_booking.select("footer .md-copyright__clinic.print-only")
    assert " ".join(line.get_text().split()) == ("To book or ask a question: Avid Sports Medicine, phone (415) 555-0100, "
                                                  "appointments@example.com, avidsportsmed.com.")
    [shipped] = pages["safety/"].select("footer .md-copyright__clinic.print-only")
    assert " ".join(shipped.get_text().split()) == "To book or ask a question: Avid Sports Medicine, avidsportsmed.com."


def test_full_clinic_structured_data(full_booking):
    data = _clinic_data(full_booking)
    assert data["telephone"] == "+14155550100"
    assert data["address"] == {"@type": "PostalAddress", "streetAddress": "1 Example Street, Suite 100",
                               "addressLocality": "San Francisco", "addressRegion": "CA",
                               "postalCode": "94105", "addressCountry": "US"}
    assert data["openingHours"] == ["Mo-Fr 09:00-17:30", "Sa 10:00-14:00"]
    assert data["potentialAction"]["target"] == "https://scheduler.example.com/avid"


# ---- In the browser -----------------------------------------------------------------

def test_on_a_phone_the_call_to_action_follows_the_content_and_leads_to_booking(browser, server):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    tab = context.new_page()
    tab.goto(server.root + "mental-health/")
    cta = tab.locator("aside.booking-cta")
    # In the flow of the page, below the text: it never covers content.
    assert cta.evaluate("el => getComputedStyle(el).position") == "static"
    last_text = tab.locator("article .review-dates")
    assert cta.bounding_box()["y"] >= last_text.bounding_box()["y"] + last_text.bounding_box()["height"]
    cta.get_by_role("link", name="Book a consultation").tap()
    expect(tab).to_have_url(server.root + "booking/")
    context.close()



def test_reporting_a_mistake_needs_no_github_account_when_the_clinic_gives_a_way(pages, tmp_path):
    """About's "tell us" offers the clinic's email and form when extra.clinic
    has them, beside GitHub; never one that is not configured."""
    shipped = pages["about/"].select_one('article li a[href$="/issues"]').parent
    assert not shipped.select('a[href^="mailto:"]') and len(shipped.select("a")) == 1
    project = copy_project(tmp_path / "project")
    shutil.copy(ROOT / "tests/fixtures/clinic-full.yml", project / "clinic-full.yml")
    assert build(tmp_path / "site", project / "clinic-full.yml").returncode == 0
    for prefix, email_word in (("", "or email"), ("es/", "o escriba a")):
        soup = BeautifulSoup((tmp_path / "site" / prefix / "about/index.html").read_text(), "lxml")
        item = soup.select_one('article li a[href$="/issues"]').parent
        assert item.select_one('a[href="mailto:appointments@example.com"]')
        assert item.select_one('a[href="https://example.com/avid/report-a-mistake"]')
        assert email_word in item.get_text()


@pytest.mark.parametrize("code", TRANSLATIONS)
def test_a_translation_says_the_clinics_website_is_in_english(site, code):
    """extra.clinic.website_languages is [en]: every other edition's button,
    and the line under it, say the website is in English, in its words."""
    english = load_interface(ROOT / "includes" / folder(code) / "interface.yml")["English"]
    soup = BeautifulSoup((site / folder(code) / "booking" / "index.html").read_text(encoding="utf-8"), "lxml")
    contact = _contact(soup)
    assert english in contact.select_one("a.md-button--primary").get_text(), code
    assert english in contact.select_one(".clinic-contact__where").get_text(), code
    first = BeautifulSoup((site / "booking" / "index.html").read_text(encoding="utf-8"), "lxml")
    assert "English" not in _contact(first).select_one("a.md-button--primary").get_text(), "the English edition says nothing"


def test_website_languages_must_be_language_codes():
    errors = validate({"name": "Avid", "website_languages": ["English"]})
    assert errors and "website_languages" in errors[0] and "'English'" in errors[0]
    assert not validate({"name": "Avid", "website_languages": ["en"]})


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

"""Booking: clinic details from extra.clinic, rendered only when set, with
no forms that collect anything; the call to action on every page.

Here: builds of changed copies of the project (tests/projects/). The same
feature's other layers: tests/browser/test_booking.py,
tests/site/test_booking.py, tests/unit/test_booking.py."""

from __future__ import annotations

import re
import shutil
import pytest
from bs4 import BeautifulSoup
from sitebuild import ROOT, build, copy_project
from booking_helpers import clinic_data, contact_block, indexed_text


def test_invalid_config_fails_the_real_build(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "bad.yml").write_text("INHERIT: mkdocs.yml\nextra:\n  clinic:\n    phone: call us\n")
    result = build(tmp_path / "site", project / "bad.yml")
    assert result.returncode != 0
    assert "mkdocs.yml: extra.clinic.phone is 'call us'. Expected a US number with area code" in result.stderr


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


def test_a_search_for_the_clinic_phone_or_email_finds_the_booking_page(full_site):
    from search_runner import node_outcomes

    text = indexed_text(full_site, "booking/#book")
    assert "(415) 555-0100" in text and "appointments@example.com" in text and "94105" in text
    assert "appointments@example.com" in indexed_text(full_site, "about/#report")
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
    contact = contact_block(full_booking)
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
    data = clinic_data(full_booking)
    assert data["telephone"] == "+14155550100"
    assert data["address"] == {"@type": "PostalAddress", "streetAddress": "1 Example Street, Suite 100",
                               "addressLocality": "San Francisco", "addressRegion": "CA",
                               "postalCode": "94105", "addressCountry": "US"}
    assert data["openingHours"] == ["Mo-Fr 09:00-17:30", "Sa 10:00-14:00"]
    assert data["potentialAction"]["target"] == "https://scheduler.example.com/avid"


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

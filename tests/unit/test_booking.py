"""Booking: clinic details from extra.clinic, rendered only when set, with
no forms that collect anything; the call to action on every page.

Here: no build and no browser (tests/unit/). The same feature's other layers:
tests/browser/test_booking.py, tests/projects/test_booking.py,
tests/site/test_booking.py."""

from __future__ import annotations

import pytest
from mkdocs.utils.meta import get_data
from kbsite.clinic import hours_text, validate
from sitebuild import ROOT


SHIPPED = {"name": "Avid Sports Medicine", "area_served": "San Francisco and the Bay Area",
           "website": "https://avidsportsmed.com/", "medical_specialty": ["Musculoskeletal"]}


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


def test_safety_ends_without_a_call_to_book_in_every_edition():
    """The clinical review's decision (#32): Safety leads to the questions to
    ask at a consultation, not to a call to book after its risks."""
    for source in sorted((ROOT / "docs").rglob("safety.md")):
        assert get_data(source.read_text(encoding="utf-8"))[1].get("booking_cta") is False, source


def test_website_languages_must_be_language_codes():
    errors = validate({"name": "Avid", "website_languages": ["English"]})
    assert errors and "website_languages" in errors[0] and "'English'" in errors[0]
    assert not validate({"name": "Avid", "website_languages": ["en"]})

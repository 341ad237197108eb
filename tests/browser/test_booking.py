"""Booking: clinic details from extra.clinic, rendered only when set, with
no forms that collect anything; the call to action on every page.

Here: the built site in Chromium (tests/browser/). The same feature's other
layers: tests/projects/test_booking.py, tests/site/test_booking.py,
tests/unit/test_booking.py."""

from __future__ import annotations

from playwright.sync_api import expect


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

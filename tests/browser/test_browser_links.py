"""Clinicians in the browser: copy a section's link from the keyboard, and
print a page as a clean handout."""

from __future__ import annotations

import io
import re

import pytest

from playwright.sync_api import expect
from pypdf import PdfReader

from sitebuild import page_meta


def test_copy_link_from_the_keyboard(browser, server, config):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    tab = context.new_page()
    tab.goto(server.root + "pain-overlap/")
    heading = tab.locator("h2#physical-symptoms")
    button = heading.locator("button.copy-link")
    # Out of the way until wanted, and taking no room in the heading.
    assert button.bounding_box()["width"] <= 1 and button.bounding_box()["height"] <= 1
    # Keyboard: from the permalink (¶), Tab reaches the button, and it shows.
    heading.locator("a.headerlink").focus()
    tab.keyboard.press("Tab")
    expect(button).to_be_focused()
    assert button.bounding_box()["width"] > 20
    expect(button).to_have_accessible_name("Copy link to section: When emotional pain shows up in the body")
    tab.keyboard.press("Enter")
    url = config["site_url"] + "pain-overlap/#physical-symptoms"
    expect(tab.locator('#copy-link-status[role="status"]')).to_have_text(f"Link copied: {url}")
    assert tab.evaluate("navigator.clipboard.readText()") == url
    context.close()


def test_a_failed_copy_shows_the_link_to_everyone(browser, server, config):
    context = browser.new_context()   # no clipboard permission
    tab = context.new_page()
    # The browser refuses to copy, as it may when permission is denied.
    tab.add_init_script("navigator.clipboard.writeText = () => Promise.reject(new Error('denied'));")
    tab.goto(server.root + "pain-overlap/")
    heading = tab.locator("h2#physical-symptoms")
    heading.hover()
    heading.locator("button.copy-link").click()
    url = config["site_url"] + "pain-overlap/#physical-symptoms"
    shown = heading.locator("input.copy-link-fallback")
    expect(shown).to_be_visible()
    expect(shown).to_have_value(url)
    expect(shown).to_be_focused()
    assert tab.evaluate("() => { const e = document.activeElement; return e.value.slice(e.selectionStart, e.selectionEnd); }") == url
    expect(tab.locator('#copy-link-status[role="status"]')).to_contain_text("Could not copy")
    context.close()


def test_copy_link_shows_on_hover(page, server):
    page.goto(server.root + "mental-health/")
    heading = page.locator("h2#neuroplasticity")
    heading.hover()
    expect(heading.locator("button.copy-link")).to_have_css("opacity", "1")
    # With a mouse the ¶ stays beside it (a touch screen shows the button alone).
    expect(heading.locator("a.headerlink")).to_be_visible()


def test_printed_page_is_a_clean_handout(page, server, config):
    page.goto(server.root + "pain-overlap/")
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in pdf.pages))
    # PDF text breaks long addresses across lines; compare them without spaces.
    compact = text.replace(" ", "")
    # Where the page lives, and how current it is
    assert config["site_url"] + "pain-overlap/" in compact
    reviewed = page_meta("pain-overlap/")["last_reviewed"]
    assert f"Page last reviewed: {reviewed.day} {reviewed:%B %Y}" in text
    # The crisis line, which print takes away with the header (crisis-bar.html):
    # on the first page, and in the footer's small print at the end.
    assert "Crisis? Call 988 · Text 988" in re.sub(r"\s+", " ", pdf.pages[0].extract_text())
    # Compared without spaces: where a PDF's text puts one ("911 .") depends on
    # the fonts a machine has, not on the handout.
    assert "Incrisis?Callortext988(Suicide&CrisisLifeline).Inanemergency,call911." in compact
    # For a patient: no citation for clinicians, and no button that works
    # only on a screen (the call to book after the Key points, the box at the end).
    assert "Cite this page" not in text
    assert "Book a consultation" not in text
    # Each link's address after its text
    assert "Howketamineworkstorelievephysicalpain(" + config["site_url"] + "physical-relief/)" in compact


def test_the_safety_handout_prints_no_address_after_a_footnote_or_same_page_link(page, server, config):
    """The usability review counted 42 addresses after footnote numbers and
    "↩↩↩↩" back-links on the printed safety page."""
    page.goto(server.root + "safety/")
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in pdf.pages))
    compact = text.replace(" ", "")
    assert "#fn:" not in compact and "#fnref:" not in compact, "no address after a footnote number"
    assert "safety/#" not in compact, "no address after a link to a section of the same page"
    assert "↩" not in text, "no back-links on paper"
    # What stays: the references, once each, at the end, a DOI without its
    # address printed again after it; the crisis line, the disclaimer and
    # the clinic's contact as extra.clinic gives it.
    references = compact[compact.rindex("References"):]
    assert compact.count("10.1097/AAP.0000000000000808") == 1 and "doi:10.1097/AAP.0000000000000808" in references
    printed = re.findall(r"\(https?://[^)]+\)", references)
    assert printed and len(printed) == len(set(printed)), "each source's address once"
    assert not re.findall(r"\(https?://[^)]+\)", compact[:compact.rindex("References")].replace(
        config["site_url"], "")), "no source's address before the references"
    assert "In crisis? Call or text 988" in text
    assert "General information only, not a substitute for advice from your own clinician" in text
    clinic = config["extra"]["clinic"]
    assert f"To book or ask a question: {clinic['name']}, {clinic['website'].removeprefix('https://').rstrip('/')}." in text
    print(f"safety handout: {len(pdf.pages)} pages")
    # No navigation, search, footer or call-to-action chrome
    for chrome in ("Skip to content", "Search", "Previous", "For clinicians", "Edit this page",
                   "Want to know if ketamine", "Copy link"):
        assert chrome not in text, chrome


@pytest.mark.parametrize("prefix", ["", "es/"], ids=["en", "es"])
def test_key_points_and_notes_are_at_the_body_text_size_on_a_phone(browser, server, prefix):
    """The usability review: key points were 12.8 px, Material's admonition
    size, on a site for people in pain."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True)
    tab = context.new_page()
    for url in ("safety/", "mental-health/"):
        tab.goto(server.root + prefix + url)
        size = lambda selector: tab.eval_on_selector(selector, "e => parseFloat(getComputedStyle(e).fontSize)")
        body = size("article.md-content__inner > p")
        assert body >= 16, body
        assert size(".key-points li") == body, f"{prefix}{url}: key points smaller than the text"
        assert size(".admonition:not(.key-points) p, .key-points li") == body
    context.close()



def test_a_tap_on_a_heading_shows_its_copy_link_button_on_a_phone(browser, server):
    """On touch there is no pointing: a tap on the heading shows the button,
    and until then it takes no room, so no heading wraps onto a blank line."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    tab = context.new_page()
    tab.goto(server.root + "es/")
    heading = tab.locator("h2#topics")
    button = heading.locator("button.copy-link")
    lines = tab.evaluate("h => Math.round(h.getBoundingClientRect().height / parseFloat(getComputedStyle(h).lineHeight))",
                         heading.element_handle())
    assert lines == 1, "the hidden button put the heading on a second line"
    assert button.bounding_box()["width"] <= 1
    heading.tap()
    assert button.bounding_box()["width"] > 20
    # One visible control for the section's link: the button, not also the ¶
    # (#35: clinicians find it, and patients are not puzzled by two).
    expect(heading.locator("a.headerlink")).to_be_hidden()
    tab.goto(server.root + "es/#topics")   # the section a link led to shows its control too
    expect(heading.locator("button.copy-link")).to_be_visible()
    expect(heading.locator("a.headerlink")).to_be_hidden()
    context.close()


@pytest.mark.parametrize("url", ["safety/", "es/safety/"])
def test_each_note_has_one_back_link_a_finger_can_tap_and_it_returns_to_the_citation_followed(browser, server, url):
    """The usability review found a note with 16 back-links (↩) in a row,
    16 x 16 px, shown only on hover. Each note keeps one, always shown, at
    least 24 x 24 px; it returns to the citation the reader followed."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    tab = context.new_page()
    tab.goto(server.root + url)
    notes = tab.evaluate("""() => [...document.querySelectorAll('.footnote li[id]')].map(li => {
        const links = li.querySelectorAll('a.footnote-backref'), r = links[0] && links[0].getBoundingClientRect();
        return {id: li.id, links: links.length, cited: document.querySelectorAll(`a.footnote-ref[href="#${li.id}"]`).length,
                width: r && r.width, height: r && r.height, opacity: links[0] && getComputedStyle(links[0]).opacity};
    })""")
    assert len(notes) >= 10, "this test's assumption: the safety page has its references"
    assert [n["id"] for n in notes if n["links"] != 1] == [], "one back-link per note"
    assert [n for n in notes if n["width"] < 24 or n["height"] < 24 or n["opacity"] != "1"] == []
    # A note cited three times or more: its third citation, then back.
    note = next(n for n in notes if n["cited"] >= 3)
    third = tab.locator(f'a.footnote-ref[href="#{note["id"]}"]').nth(2)
    citation = third.evaluate("a => a.closest('sup').id")
    third.tap()
    expect(tab).to_have_url(re.compile("#" + re.escape(note["id"]) + "$"))
    tab.locator(f'li[id="{note["id"]}"] a.footnote-backref').tap()
    expect(tab).to_have_url(re.compile("#" + re.escape(citation) + "$"))
    assert tab.locator(f'sup[id="{citation}"]').evaluate("s => { const r = s.getBoundingClientRect(); "
                                                         "return r.top >= 0 && r.bottom <= innerHeight; }")
    context.close()

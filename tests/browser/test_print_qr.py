"""Printed handouts lead back to the page: a QR code of the page's
published address, made at build time, on the printout only.

Here: the built site in Chromium (tests/browser/). The same feature's other
layers: tests/site/test_print_qr.py."""

from __future__ import annotations

import io

import pytest
import zxingcpp
from playwright.sync_api import expect
from pypdf import PdfReader



def test_the_first_view_never_downloads_the_qr_code_and_a_quiet_page_has_it_ready(page, server):
    requested = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(server.root + "what-to-expect/", wait_until="networkidle")
    assert not [u for u in requested if u.endswith("/qr.png")], requested
    # Once the page is quiet it loads (site.js), so a print started at any
    # moment has it; on screen it never shows.
    page.wait_for_function("() => document.querySelector('img.print-qr').complete "
                           "&& document.querySelector('img.print-qr').naturalWidth > 0", timeout=10_000)
    assert page.locator("img.print-qr").is_hidden()


def test_printed_page_carries_a_captioned_qr_code_that_decodes_to_its_address(page, server, config):
    # Each edition's caption in its words; the English one printed below.
    page.goto(server.root + "es/what-to-expect/")
    expect(page.locator(".print-qr__caption")).to_have_text("Escanee para leer esta página en internet")
    url, caption = "what-to-expect/", "Scan to read this page online"
    page.goto(server.root + url, wait_until="networkidle")
    # Printed as soon as the page is quiet, with no print preview first.
    page.wait_for_function("() => document.querySelector('img.print-qr').complete "
                           "&& document.querySelector('img.print-qr').naturalWidth > 0", timeout=10_000)
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
    images = [image.image for image in pdf.pages[0].images]
    decoded = [code.text for image in images for code in zxingcpp.read_barcodes(image.convert("L"))]
    assert decoded == [config["site_url"] + url], decoded
    assert caption in " ".join(pdf.pages[0].extract_text().split()), "the QR code says what it is for"


# The pages whose handout once ended on a sheet of the footer's last line
# alone, the crisis line (#35): the small print is one block, on one sheet.
@pytest.mark.parametrize("url", ["physical-relief/", "es/glossary/"])
def test_the_small_print_is_never_split_across_sheets(page, server, url):
    page.goto(server.root + url, wait_until="networkidle")
    # Compared without spaces: where a PDF's text puts them depends on the
    # fonts a machine has ("911 ." on a fresh Debian 13), not on the sheet.
    small_print = ["".join(text.split()) for text in page.locator(".md-copyright p:not(.md-copyright__edit)").all_text_contents() if text.strip()]
    sheets = PdfReader(io.BytesIO(page.pdf(format="Letter"))).pages
    last = "".join(sheets[-1].extract_text().split())
    assert len(sheets) > 1 and len(small_print) >= 3, "the test needs a handout of several sheets"
    assert all(text in last for text in small_print), f"/{url}: the small print is split: {last[:300]!r}"

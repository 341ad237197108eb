"""Printed handouts lead back to the page: a QR code of the page's
published address, made at build time, on the printout only."""

from __future__ import annotations

import io

import pytest
import zxingcpp
from pypdf import PdfReader

from sitebuild import EDITION_URLS


@pytest.mark.parametrize("url", EDITION_URLS)
def test_every_page_has_a_qr_code_of_its_published_address(site, config, url):
    from PIL import Image

    [code] = zxingcpp.read_barcodes(Image.open(site / url / "qr.png"))
    assert code.format == zxingcpp.BarcodeFormat.QRCode
    assert code.text == config["site_url"] + url


def test_a_screen_never_downloads_the_qr_code(page, server):
    requested = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(server.root + "what-to-expect/", wait_until="networkidle")
    page.mouse.wheel(0, 20000)   # scrolling past it changes nothing: it is not displayed
    page.wait_for_load_state("networkidle")
    assert not [u for u in requested if u.endswith("/qr.png")], requested
    assert page.locator("img.print-qr").is_hidden()


def test_printed_page_carries_a_qr_code_that_decodes_to_its_address(page, server, config):
    from PIL import Image

    page.goto(server.root + "what-to-expect/")
    # Chromium loads a lazy image once print layout shows it; wait for that,
    # as a person's print preview does.
    page.emulate_media(media="print")
    # A function, not an expression: Playwright evaluates an expression
    # string with eval, which the site's CSP (rightly) refuses.
    page.wait_for_function("() => document.querySelector('img.print-qr').complete "
                           "&& document.querySelector('img.print-qr').naturalWidth > 0")
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
    images = [image.image for image in pdf.pages[0].images]
    decoded = [code.text for image in images for code in zxingcpp.read_barcodes(image.convert("L"))]
    assert decoded == [config["site_url"] + "what-to-expect/"], decoded

"""Printed handouts lead back to the page: a QR code of the page's
published address, made at build time, on the printout only.

Here: the session's build (tests/site/). The same feature's other layers:
tests/browser/test_print_qr.py."""

from __future__ import annotations

import pytest
import zxingcpp
from sitebuild import EDITION_URLS


@pytest.mark.parametrize("url", EDITION_URLS)
def test_every_page_has_a_qr_code_of_its_published_address(site, config, url):
    from PIL import Image

    [code] = zxingcpp.read_barcodes(Image.open(site / url / "qr.png"))
    assert code.format == zxingcpp.BarcodeFormat.QRCode
    assert code.text == config["site_url"] + url

"""Every built page is valid HTML: html-validate (configured in
.htmlvalidate.mjs, where each rule we switch off says why) and the Nu HTML
Checker (vnu-jar).

Here: no build and no browser (tests/unit/). The same feature's other layers:
tests/site/test_html.py."""

from __future__ import annotations

import subprocess

from sitebuild import ROOT
from html_helpers import nu_checker_messages


def test_the_validator_reports_errors(tmp_path):
    # It can fail: a page with a duplicate id and a stray closing tag.
    page = tmp_path / "bad.html"
    page.write_text('<!DOCTYPE html><html lang="en"><head><title>x</title></head>'
                    '<body><main><p id="a">one</p><p id="a">two</p></div></main></body></html>')
    result = subprocess.run([str(ROOT / "node_modules/.bin/html-validate"), "--config", ".htmlvalidate.mjs", str(page)], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode != 0
    assert "no-dup-id" in result.stdout


# ---- The Nu HTML Checker (vnu-jar, W3C's validator, run with Java) ----------
# It catches what html-validate does not, such as attributes HTML does not
# define (<figure markdown="0"> shipped once on /pain-overlap/).


def test_the_nu_html_checker_reports_an_attribute_html_does_not_have(tmp_path):
    page = tmp_path / "page.html"
    page.write_text('<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title></head>'
                    '<body><figure markdown="0"><figcaption>x</figcaption></figure></body></html>')
    assert any("Attribute “markdown” not allowed" in m["message"] for m in nu_checker_messages(page))

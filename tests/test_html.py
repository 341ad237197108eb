"""Every built page is valid HTML (html-validate, configured in
.htmlvalidate.mjs, where each rule we switch off says why)."""

from __future__ import annotations

import shutil
import subprocess

from sitebuild import ROOT


def test_built_pages_are_valid_html(site):
    cli = ROOT / "node_modules" / ".bin" / "html-validate"
    assert cli.exists(), "html-validate is not installed: run `make test` (it runs `npm ci`)"
    assert shutil.which("node"), "Node.js is needed for html-validate"
    result = subprocess.run([str(cli), "--config", ".htmlvalidate.mjs", "--formatter", "text", str(site)], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_validator_reports_errors(tmp_path):
    # It can fail: a page with a duplicate id and a stray closing tag.
    page = tmp_path / "bad.html"
    page.write_text('<!DOCTYPE html><html lang="en"><head><title>x</title></head>'
                    '<body><main><p id="a">one</p><p id="a">two</p></div></main></body></html>')
    result = subprocess.run([str(ROOT / "node_modules/.bin/html-validate"), "--config", ".htmlvalidate.mjs", str(page)], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode != 0
    assert "no-dup-id" in result.stdout

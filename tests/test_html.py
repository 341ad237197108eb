"""Every built page is valid HTML: html-validate (configured in
.htmlvalidate.mjs, where each rule we switch off says why) and the Nu HTML
Checker (vnu-jar)."""

from __future__ import annotations

import json
import shutil
import subprocess

from sitebuild import require_tool
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


# ---- The Nu HTML Checker (vnu-jar, W3C's validator, run with Java) ----------
# It catches what html-validate does not, such as attributes HTML does not
# define (<figure markdown="0"> shipped once on /pain-overlap/).

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# Errors we accept, each with why. Keep this short.
VNU_ACCEPTED = {
    "Attribute “autocomplete” is only allowed when the input type is":
        "Material's own drawer and search toggles (<input type=checkbox autocomplete=off>) stop Firefox "
        "restoring a stale open or closed state; Material's default build has the same error.",
}


def _vnu(*files) -> list[dict]:
    java = require_tool("java", "so the Nu HTML Checker cannot run")
    assert VNU.exists(), "vnu-jar is not installed: run `make test` (it runs `npm ci`)"
    result = subprocess.run([java, "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, files)],
                            capture_output=True, text=True, timeout=300)
    return json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]


def test_built_pages_pass_the_nu_html_checker(site):
    messages = _vnu(*sorted(site.rglob("*.html")))
    errors = [f"{m['url'].rsplit('/site', 1)[-1]}:{m.get('lastLine')}: {m['message']}" for m in messages
              if not any(m["message"].startswith(accepted) for accepted in VNU_ACCEPTED)]
    assert not errors, "\n".join(errors[:30])


def test_the_nu_html_checker_reports_an_attribute_html_does_not_have(tmp_path):
    page = tmp_path / "page.html"
    page.write_text('<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title></head>'
                    '<body><figure markdown="0"><figcaption>x</figcaption></figure></body></html>')
    assert any("Attribute “markdown” not allowed" in m["message"] for m in _vnu(page))

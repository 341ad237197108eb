"""Every built page is valid HTML: html-validate (configured in
.htmlvalidate.mjs, where each rule we switch off says why) and the Nu HTML
Checker (vnu-jar).

Here: the session's build (tests/site/). The same feature's other layers:
tests/unit/test_html.py."""

from __future__ import annotations

import shutil
import subprocess
from sitebuild import ROOT
from html_helpers import nu_checker_messages


def test_built_pages_are_valid_html(site):
    cli = ROOT / "node_modules" / ".bin" / "html-validate"
    assert cli.exists(), "html-validate is not installed: run `make test` (it runs `npm ci`)"
    assert shutil.which("node"), "Node.js is needed for html-validate"
    result = subprocess.run([str(cli), "--config", ".htmlvalidate.mjs", "--formatter", "text", str(site)], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


# Errors we accept, each with why. Keep this short.
VNU_ACCEPTED = {
    "Attribute “autocomplete” is only allowed when the input type is":
        "Material's own drawer and search toggles (<input type=checkbox autocomplete=off>) stop Firefox "
        "restoring a stale open or closed state; Material's default build has the same error.",
}


def test_built_pages_pass_the_nu_html_checker(site):
    messages = nu_checker_messages(*sorted(site.rglob("*.html")))
    errors = [f"{m['url'].rsplit('/site', 1)[-1]}:{m.get('lastLine')}: {m['message']}" for m in messages
              if not any(m["message"].startswith(accepted) for accepted in VNU_ACCEPTED)]
    assert not errors, "\n".join(errors[:30])

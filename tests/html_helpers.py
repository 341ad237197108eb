"""The Nu HTML Checker (vnu-jar, from npm) run on files: its error messages as
JSON. Shown to catch a planted error in tests/unit/test_html.py; run on the
built pages in tests/site/test_html.py."""

from __future__ import annotations

import json
import subprocess
from sitebuild import ROOT, require_tool


VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def nu_checker_messages(*files) -> list[dict]:
    java = require_tool("java", "so the Nu HTML Checker cannot run")
    assert VNU.exists(), "vnu-jar is not installed: run `make test` (it runs `npm ci`)"
    result = subprocess.run([java, "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, files)],
                            capture_output=True, text=True, timeout=300)
    return json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]

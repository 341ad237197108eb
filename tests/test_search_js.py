"""The search decisions in docs/assets/javascripts/search.js, tested with
Node's built-in test runner against Material's real worker and this build's
index (tests/js/). Run here so that `make test` runs them on the session's
strict build."""

from __future__ import annotations

import json
import os
import re
import subprocess

import yaml

from conftest import require_tool
from sitebuild import ROOT


def test_node_tests_of_the_search_logic(site, tmp_path):
    node = require_tool("node", "so the search logic's Node tests cannot run")
    crisis_queries = tmp_path / "crisis_queries.json"
    crisis_queries.write_text(json.dumps(yaml.safe_load((ROOT / "tests" / "crisis_queries.yml").read_text("utf-8"))))
    search_queries = tmp_path / "search_queries.json"
    search_queries.write_text(json.dumps(yaml.safe_load((ROOT / "tests" / "search_queries.yml").read_text("utf-8"))))
    result = subprocess.run([node, "--test", str(ROOT / "tests" / "js" / "search.test.mjs")],
                            env={**os.environ, "KB_SITE_DIR": str(site), "KB_CRISIS_QUERIES": str(crisis_queries),
                                 "KB_SEARCH_QUERIES": str(search_queries)},
                            capture_output=True, text=True, timeout=300)
    print(result.stdout[-3000:])
    assert result.returncode == 0, result.stdout + result.stderr
    assert "# fail 0" in result.stdout and re.search(r"# pass [1-9]", result.stdout), result.stdout

"""The search logic in docs/assets/javascripts/ (search.js, crisis.js),
tested with Node's built-in test runner against Material's real worker and
this build's index and search/crisis.json (tests/js/). Run here so that
`make test` runs them on the session's strict build."""

from __future__ import annotations

import json
import os
import re
import subprocess

import pytest
import yaml

from sitebuild import ROOT, require_tool
from kbsite import crisis_model
from search_runner import HOSTILE


def _as_json(tmp_path, name: str, data) -> str:
    path = tmp_path / f"{name}.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


def _yaml(name: str):
    return yaml.safe_load((ROOT / "tests" / name).read_text("utf-8"))


def _model_scores(blind: dict) -> dict:
    """The committed crisis model as crisis.json ships it, and Python's
    probability for every query of the newest blind set (every script and
    way of typing the sets hold), for crisis.test.mjs to compare with Node's."""
    model = crisis_model.load()
    newest = blind[max(blind)]
    queries = {query for by_lang in newest.values() for qs in by_lang.values() for query in qs}
    return {"model": crisis_model.shipped(model), "scores": {q: crisis_model.score(model, q) for q in sorted(queries)}}


@pytest.mark.long
def test_node_tests_of_the_search_logic(site, tmp_path):
    node = require_tool("node", "so the search logic's Node tests cannot run")
    blind = {path.stem.removeprefix("crisis_blind_"): yaml.safe_load(path.read_text("utf-8"))
             for path in sorted((ROOT / "tests").glob("crisis_blind_*.yml"))}
    env = {**os.environ, "KB_SITE_DIR": str(site),
           "KB_CRISIS_QUERIES": _as_json(tmp_path, "crisis_queries", _yaml("crisis_queries.yml")),
           "KB_CRISIS_BLIND": _as_json(tmp_path, "crisis_blind", blind),
           "KB_SEARCH_QUERIES": _as_json(tmp_path, "search_queries", _yaml("search_queries.yml")),
           "KB_HOSTILE": _as_json(tmp_path, "hostile", HOSTILE),
           "KB_MODEL_SCORES": _as_json(tmp_path, "model_scores", _model_scores(blind))}
    result = subprocess.run([node, "--test", str(ROOT / "tests" / "js" / "search.test.mjs"),
                             str(ROOT / "tests" / "js" / "crisis.test.mjs")],
                            env=env, capture_output=True, text=True, timeout=300)
    print(result.stdout[-4000:])
    assert result.returncode == 0, result.stdout + result.stderr
    assert "# fail 0" in result.stdout and re.search(r"# pass [1-9]", result.stdout), result.stdout

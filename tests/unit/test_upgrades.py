"""An upgrade is a decision, not a surprise: when a pinned dependency's
major version (Material's minor) changes in the lock, this fails and points
to what to re-check (DEVELOPING.md, "Upgrades")."""

from __future__ import annotations

import json
import re

import pytest

from sitebuild import ROOT

UPGRADES = "DEVELOPING.md#upgrades"
# Package -> the version prefix the site was built and tested on.
PINNED_PYTHON = {
    "mkdocs": "1.",
    "mkdocs-material": "9.8.",
    "pymdown-extensions": "13.",
    "mkdocs-redirects": "1.2.2",
    "mkdocs-minify-plugin": "0.8.",
    "textstat": "0.7.4",
    "tinycss2": "1.",
    "jsmin": "3.",
}
PINNED_NODE = {"html-validate": "10."}


def _locked_python() -> dict[str, str]:
    lock = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    return {name.lower(): version for name, version in re.findall(r"^([A-Za-z0-9_.-]+)==(\S+)", lock, re.M)}


@pytest.mark.parametrize("package", PINNED_PYTHON)
def test_pinned_python_major_versions(package):
    locked = _locked_python().get(package)
    assert locked is not None, f"{package} is no longer in requirements.lock: see {UPGRADES}"
    assert locked.startswith(PINNED_PYTHON[package]), (
        f"{package} is now {locked} in requirements.lock (pinned line: {PINNED_PYTHON[package]}). "
        f"Before moving it, go through {UPGRADES}, then update PINNED_PYTHON here.")


def test_click_is_new_enough_for_live_reload():
    major, minor = (int(part) for part in _locked_python()["click"].split(".")[:2])
    assert (major, minor) >= (8, 4), f"click < 8.4 silently disables live reload in `mkdocs serve`: see {UPGRADES}"


@pytest.mark.parametrize("package", PINNED_NODE)
def test_pinned_node_major_versions(package):
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    locked = lock["packages"][f"node_modules/{package}"]["version"]
    assert locked.startswith(PINNED_NODE[package]), (
        f"{package} is now {locked} in package-lock.json: go through {UPGRADES}, then update PINNED_NODE here.")

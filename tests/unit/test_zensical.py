"""The Zensical canary's pin: the canary (tests/projects/test_zensical.py) runs
the newest Zensical that requirements.lock installs."""

from __future__ import annotations

from sitebuild import ROOT


def test_the_canary_runs_the_newest_zensical_of_the_lock():
    lock = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    from importlib.metadata import version

    assert f"zensical=={version('zensical')}" in lock

"""`make check` (python -m kbsite.source_checks): the source checks without a build.
Each planted mistake is found, and the message names the file to open, in
every edition. The build runs the same functions (hooks/knowledge_base.py).

Here: no build and no browser (tests/unit/). The same feature's other layers:
tests/projects/test_source_checks.py."""

from __future__ import annotations

import subprocess
import sys


from sitebuild import ROOT

from kbsite import source_checks


def test_the_real_sources_are_sound():
    assert source_checks.run(ROOT) == []


def test_make_check_runs_in_seconds_and_exits_non_zero_on_a_mistake(tmp_path):
    ok = subprocess.run([sys.executable, "-m", "kbsite.source_checks"], capture_output=True, text=True,
                        timeout=60)
    assert ok.returncode == 0 and "no problems found" in ok.stdout, ok.stdout + ok.stderr

"""The Zensical canary: every edition built with Zensical (the newest that
installs from requirements.lock), from the same sources, by the one command
`python -m kbsite.zensical` (source checks, a build per edition, the
post-build layer). Material for MkDocs reaches end of life on 2027-05-05 and
Zensical, from the same team, runs no MkDocs hooks; this shows, every run,
what of the site already survives the move.

What must survive is asserted. Features that do not survive yet are
KNOWN_MISSING: a list that can only shrink. A feature that starts working
fails the test until it is taken off the list, and every run prints both
lists at the end (tests/conftest.py). What the move would cost, in a first
visit's bytes and in search, `make bench` measures (benchmarks/zensical.py).

Here: no build and no browser (tests/unit/). The same feature's other layers:
tests/projects/test_zensical.py."""

from __future__ import annotations

from sitebuild import ROOT


def test_the_canary_runs_the_newest_zensical_of_the_lock():
    lock = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    from importlib.metadata import version

    assert f"zensical=={version('zensical')}" in lock

"""The project's own documents: the README a newcomer reads in five minutes,
and links between the guides that land where they say."""

from __future__ import annotations

import re

import pytest

from sitebuild import ROOT

GUIDES = ["README.md", "EDITING.md", "DEVELOPING.md", "CONTRIBUTING.md", "includes/README.md"]
_LINK = re.compile(r"\]\((?P<target>[^)\s]+)\)")
_HEADING = re.compile(r"^#{1,6} (?P<title>.+?)(?: \{#(?P<id>[\w-]+)\})?\s*$", re.M)


def _anchors(text: str) -> set[str]:
    """A document's section ids: each heading's own {#id}, or the id GitHub
    makes of its words."""
    found = set()
    for match in _HEADING.finditer(text):
        found.add(match["id"] or re.sub(r"[^\w\- ]", "", match["title"].lower()).replace(" ", "-"))
    return found


def test_the_readme_is_at_most_6_kb():
    assert len((ROOT / "README.md").read_bytes()) <= 6 * 1024


@pytest.mark.parametrize("guide", GUIDES)
def test_links_between_the_guides_land_on_a_file_and_a_section(guide):
    source = ROOT / guide
    # Examples of Markdown (code blocks and spans) are not links.
    text = re.sub(r"`[^`\n]*`", "", re.sub(r"^```.*?^```", "", source.read_text(encoding="utf-8"), flags=re.M | re.S))
    for match in _LINK.finditer(text):
        target = match["target"]
        if re.match(r"[a-z]+:", target):
            continue
        path, _, anchor = target.partition("#")
        file = (source.parent / path).resolve() if path else source
        assert file.exists(), f"{guide}: {target} is not a file"
        if anchor and file.suffix == ".md":
            assert anchor in _anchors(file.read_text(encoding="utf-8")), f"{guide}: {target} has no such section"


def test_make_bench_writes_its_tables_below_the_marker_with_the_run_and_the_machine(tmp_path):
    """benchmarks/run.py: what is above the marker (the hand-written before
    and after) stays; the Run and Machine lines and every table below it are
    the run's."""
    import datetime
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_run", ROOT / "benchmarks" / "run.py")
    run = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(run)
    results = tmp_path / "RESULTS.md"
    results.write_text("# Results\n\n- **Run:** old\n- **Machine:** old\n\nBy hand.\n\n" + run.RESULTS_MARKER
                       + "\n\n### Old table\n", encoding="utf-8")
    run.write(results, ["### Crisis\n\n| a |", "### Search\n\n| b |"], "abc1234", 125,
              datetime.date(2026, 12, 7), "2 cores")
    text = results.read_text(encoding="utf-8")
    assert "- **Run:** 2026-12-07, at commit abc1234 (2 min 5 s), alone on the machine." in text
    assert "- **Machine:** 2 cores." in text and "By hand." in text
    assert "Old table" not in text and text.endswith("### Crisis\n\n| a |\n\n### Search\n\n| b |\n")
    assert run.tables("lighthouse: run 1 of 5\n### T\n| x |\nINFO    -  built") == "### T\n| x |"
    assert (ROOT / "benchmarks" / "RESULTS.md").read_text(encoding="utf-8").count(run.RESULTS_MARKER) == 1

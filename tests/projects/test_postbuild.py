"""The post-build layer (kbsite/postbuild/) on its own: its steps on small
built folders, and `python -m kbsite.postbuild` on a site that MkDocs built
without our post-build hook, which must come out byte for byte the site
`make build` makes.

Here: builds of changed copies of the project (tests/projects/). The same
feature's other layers: tests/site/test_postbuild.py,
tests/unit/test_postbuild.py."""

from __future__ import annotations

import filecmp
import os
import shutil
import subprocess
import sys
from pathlib import Path
import pytest
from sitebuild import BUILD_ENV, ROOT, build, copy_project


def _postbuild(site_dir: Path, config: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kbsite.postbuild", str(site_dir), "--config", str(config)],
                          cwd=ROOT, capture_output=True, text=True, env={**os.environ, **BUILD_ENV})


@pytest.fixture(scope="module")
def bare_then_postbuilt(tmp_path_factory) -> tuple[Path, Path]:
    """A strict build without the post-build steps, then the command on it."""
    # Compared with the session's full build: every edition.
    project = copy_project(tmp_path_factory.mktemp("bare") / "project", languages="all")
    config = project / "mkdocs.yml"
    site = project.parent / "site"
    result = build(site, config, extra_args=("--no-postbuild",))
    assert result.returncode == 0, result.stderr
    assert "Content-Security-Policy" not in (site / "index.html").read_text(encoding="utf-8")
    done = _postbuild(site, config)
    assert done.returncode == 0, done.stderr
    return site, config


def _differences(left: Path, right: Path) -> list[str]:
    found = []

    def walk(comparison: filecmp.dircmp, prefix: str = ""):
        found.extend(prefix + name for name in comparison.left_only + comparison.right_only + comparison.funny_files)
        found.extend(prefix + name for name in comparison.common_files
                     if not filecmp.cmp(Path(comparison.left) / name, Path(comparison.right) / name, shallow=False))
        for name, sub in comparison.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(left, right))
    return found


def test_the_command_on_a_bare_build_makes_the_site_make_build_makes(bare_then_postbuilt, site):
    postbuilt, _ = bare_then_postbuilt
    assert _differences(site, postbuilt) == []


def test_a_second_run_changes_nothing(bare_then_postbuilt, tmp_path):
    postbuilt, config = bare_then_postbuilt
    again = tmp_path / "site"
    shutil.copytree(postbuilt, again)
    result = _postbuild(again, config)
    assert result.returncode == 0, result.stderr
    assert _differences(postbuilt, again) == []


def test_a_lost_section_on_a_spanish_page_names_the_spanish_file(bare_then_postbuilt, tmp_path):
    postbuilt, config = bare_then_postbuilt
    broken = tmp_path / "site"
    shutil.copytree(postbuilt, broken)
    page = broken / "es" / "safety" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("id=misuse", "id=renamed"), encoding="utf-8")
    result = _postbuild(broken, config)
    assert result.returncode == 1
    assert "Published link /safety/#misuse is broken: docs/es/safety.md has no section with id 'misuse'" in result.stderr


def test_a_folder_that_is_no_built_site_is_named(tmp_path):
    result = _postbuild(tmp_path / "nothing", ROOT / "mkdocs.yml")
    assert result.returncode == 1
    assert f"{tmp_path / 'nothing'}/index.html: missing. Build the site first" in result.stderr


def test_a_key_point_with_no_source_fails_the_build(tmp_path):
    from sitebuild import build_with_page_text

    box = '\n\n!!! abstract key-points "Key points"\n\n    - A point that [leads nowhere sourced](#read-next).\n'
    result = build_with_page_text(tmp_path, "physical-relief.md", box)
    assert result.returncode != 0
    assert "docs/physical-relief.md: the key point “A point that leads nowhere sourced.” leads to no source" in \
        result.stderr, result.stderr[-1500:]

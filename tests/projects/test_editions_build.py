"""Editions come from generated configurations, built one after another
(kbsite.editions.write_configs, kbsite.mkdocs_build): no build runs inside
another, nothing leaks from one build to the next, and each configuration
is an ordinary MkDocs one."""

from __future__ import annotations

import filecmp
import os
import subprocess
import sys
from pathlib import Path

import yaml

from kbsite import project
from kbsite.editions import write_configs
from sitebuild import BUILD_ENV, ROOT

# Every build below runs in a child process, as `make build` does.
_BUILD_TWICE = """
import os
import sys
from pathlib import Path
import kbsite.mkdocs_build as builder
print(os.getpid())

depth, calls, deepest = 0, [], 0
build_site = builder.build_site
def counted(config, **options):
    global depth, deepest
    depth += 1
    deepest = max(deepest, depth)
    calls.append(config.theme["language"])
    try:
        build_site(config, **options)
    finally:
        depth -= 1
builder.build_site = counted
root = Path(sys.argv[1])
builder.build(root / "mkdocs.yml", Path(sys.argv[2]))
builder.build(root / "mkdocs.yml", Path(sys.argv[3]))
print(deepest, " ".join(calls))
"""


def _differences(left: Path, right: Path) -> list[str]:
    found = []

    def walk(compare: filecmp.dircmp, at: str) -> None:
        found.extend(f"{at}{name}" for name in compare.left_only + compare.right_only + compare.diff_files
                     + compare.funny_files)
        for name, sub in compare.subdirs.items():
            walk(sub, f"{at}{name}/")

    filecmp.clear_cache()
    walk(filecmp.dircmp(left, right, ignore=[]), "")
    return found


def test_two_builds_in_one_process_give_the_same_bytes_and_none_runs_inside_another(tmp_path):
    env = {**os.environ, **BUILD_ENV}
    result = subprocess.run([sys.executable, "-c", _BUILD_TWICE, str(ROOT), str(tmp_path / "one"), str(tmp_path / "two")],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    deepest, calls = result.stdout.split("\n")[-2].split(" ", 1)
    codes = [edition.code for edition in project.editions(project.load(ROOT / "mkdocs.yml"), ROOT / "mkdocs.yml")]
    assert deepest == "1", "a build ran inside another"
    assert calls.split() == codes * 2, "each edition once per build, the first language first"
    assert not _differences(tmp_path / "one", tmp_path / "two"), "the second build differs from the first"
    # Its own files only (they carry the building process's id): another
    # test's build may be running in the same folder at the same moment.
    pid = result.stdout.split("\n")[0]
    assert pid.isdigit(), result.stdout[:200]
    assert not list(ROOT.glob(f".edition.*.{pid}.yml")), "a build leaves its generated configurations behind"


def test_each_generated_configuration_builds_with_plain_mkdocs(tmp_path):
    # What `python -m kbsite.editions configs` writes is MkDocs' own kind of
    # configuration: `mkdocs build -f` builds an edition from it alone.
    written = dict(write_configs(ROOT / "mkdocs.yml", site_dir=tmp_path / "site", name=".edition.{code}.test.yml"))
    try:
        code, path = list(written.items())[1]
        generated = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert generated["INHERIT"] == "mkdocs.yml" and generated["theme"]["language"] == code
        assert set(generated["extra"]["interface"]) == set(list(written)[1:]), "every translation's interface words"
        result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(path)],
                                cwd=ROOT, env={**os.environ, **BUILD_ENV}, capture_output=True, text=True, timeout=600)
        assert result.returncode == 0, result.stderr[-3000:]
        folder = Path(generated["site_dir"])
        assert (folder / "safety" / "index.html").is_file()
        assert f'lang="{code}"' in (folder / "safety" / "index.html").read_text(encoding="utf-8")
    finally:
        for path in written.values():
            path.unlink(missing_ok=True)


def test_an_unknown_edition_is_named_with_the_ones_there_are(tmp_path):
    result = subprocess.run([sys.executable, "-m", "kbsite.mkdocs_build", "build", "--edition", "xx",
                             "--site-dir", str(tmp_path / "site")],
                            cwd=ROOT, env={**os.environ, **BUILD_ENV}, capture_output=True, text=True, timeout=600)
    assert result.returncode == 1
    assert "there is no edition 'xx'" in result.stderr and "es" in result.stderr

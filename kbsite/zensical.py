"""Every edition built with Zensical, Material's successor, from the same
sources: `python -m kbsite.zensical [DEST]` in the project's folder
(`make zensical`; DEST defaults to site-zensical/).

Zensical reads mkdocs.yml but runs no MkDocs hooks. Each edition is built
from its generated configuration (kbsite.editions.write_configs, as the
MkDocs adapter's are), in a staging copy of the sources, one after
another. Then the post-build layer runs over the whole site
(kbsite.postbuild). The canary (tests/projects/test_zensical.py) checks what
survives. The English build leaves the other editions' folders out by
exclude_docs, which Zensical honours.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from kbsite import project
from kbsite.editions import write_configs
from kbsite.errors import SiteError


SOURCES = ("docs", "includes", "overrides", "mkdocs.yml", "permalinks.yml", "crisis-words.yml", "crisis-model.json")


def build(root: Path, dest: Path) -> Path:
    """Every edition into `dest`, then the post-build steps. Built in a
    staging copy of the sources, where each edition's docs folder also has
    the shared assets (docs/assets/: MkDocs' adapter adds them to each
    edition's files; Zensical reads one docs folder per build)."""
    zensical = shutil.which("zensical") or str(Path(sys.executable).with_name("zensical"))
    # Zensical runs no hooks: the source checks run first, as `make check`.
    checks = subprocess.run([sys.executable, "-m", "kbsite.source_checks", str(root)], cwd=root,
                            capture_output=True, text=True)
    print(checks.stdout, end="")
    if checks.returncode != 0:
        raise SiteError(f"The source checks failed:\n{checks.stdout}{checks.stderr}")
    with tempfile.TemporaryDirectory(prefix="kbsite-zensical-") as staging:
        stage = Path(staging)
        for name in SOURCES:
            source = root / name
            if source.is_dir():
                shutil.copytree(source, stage / name)
            elif source.is_file():
                shutil.copy2(source, stage / name)
        configs = [path for _, path in write_configs(stage / "mkdocs.yml", name=".zensical.{code}.yml",
                                                    exclude_other_editions=True)]
        raw = project.load(stage / "mkdocs.yml")
        docs = stage / (raw.get("docs_dir") or "docs")
        for edition in project.editions(raw, stage / "mkdocs.yml")[1:]:
            if (docs / "assets").is_dir():
                # An edition's own files (its link-preview image) stay its own.
                shutil.copytree(docs / "assets", docs / edition.path / "assets", dirs_exist_ok=True,
                                copy_function=lambda src, dst: None if Path(dst).exists() else shutil.copy2(src, dst))
        for config in configs:
            result = subprocess.run([zensical, "build", "--config-file", str(config)],
                                    cwd=stage, capture_output=True, text=True)
            if result.returncode != 0:
                raise SiteError(f"Zensical could not build {config.name}:\n{result.stdout}{result.stderr}")
        site = stage / (raw.get("site_dir") or "site")
        result = subprocess.run([sys.executable, "-m", "kbsite.postbuild", str(site), "--config", str(stage / "mkdocs.yml")],
                                capture_output=True, text=True)
        if result.returncode != 0:
            raise SiteError(f"The post-build steps failed on Zensical's site:\n{result.stderr}")
        if dest.exists():
            shutil.rmtree(dest)
        shutil.copytree(site, dest)
    return dest


def main() -> int:
    dest = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("site-zensical")
    try:
        build(Path.cwd(), dest.resolve())
    except SiteError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"{dest}: every edition built with Zensical, post-build steps applied")
    return 0


if __name__ == "__main__":
    sys.exit(main())

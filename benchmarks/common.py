"""Shared by the benchmarks: build our site and, in the same run, a default
Material build of the same pages (the baseline), and serve both the way
GitHub Pages does (gzip, under /<repo>/)."""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from sitebuild import PAGES, Server, baseline_project, build, build_baseline, local_site_url, reserve_port, site_prefix  # noqa: E402

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def chromium_path() -> str | None:
    import os

    for candidate in (os.environ.get("CHROMIUM_PATH"), shutil.which("chromium"), "/usr/bin/chromium"):
        if candidate and Path(candidate).exists():
            return candidate
    return None


class Sites:
    """Both builds, timed, in a temporary folder; served while in use."""

    def __enter__(self):
        self.tmp = Path(tempfile.mkdtemp(prefix="bench-"))
        self.build_seconds = {}
        self.dirs = {}
        self.ports = {}
        for name, config_file in (("ours", ROOT / "mkdocs.yml"), ("default", baseline_project(self.tmp / "baseline"))):
            dest = self.tmp / f"site-{name}"
            # Built for the address it is served at: our Content Security
            # Policy allows scripts from the site's own address only.
            self.ports[name] = reserve_port()
            started = time.perf_counter()
            run = build_baseline if name == "default" else build
            result = run(dest, config_file, env={"SITE_URL": local_site_url(self.ports[name])})
            self.build_seconds[name] = time.perf_counter() - started
            if result.returncode != 0:
                raise SystemExit(f"{name} build failed:\n{result.stderr}")
            self.dirs[name] = dest
        prefix = site_prefix()
        self.servers = {name: Server(path, prefix, gzip=True, port=self.ports[name]).__enter__()
                        for name, path in self.dirs.items()}
        return self

    def root(self, name: str) -> str:
        return self.servers[name].root

    def __exit__(self, *exc):
        for server in self.servers.values():
            server.__exit__()
        shutil.rmtree(self.tmp, ignore_errors=True)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


__all__ = ["PAGES", "ROOT", "CHROMIUM_ARGS", "Sites", "chromium_path", "percentile"]

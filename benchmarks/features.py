"""What each Material feature we turn on costs in Total Blocking Time.

    make bench            (or: .venv/bin/python benchmarks/features.py [--runs N] [--page es/safety/])

Builds our site, our site with one feature turned off at a time, and a
default Material build of the same pages, all in one run, and has Lighthouse
(mobile) load the heaviest page of each, interleaved, RUNS times. Prints the
median Total Blocking Time of each build and the difference each feature
makes: the figures mkdocs.yml records beside each feature.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

import importlib.util

from common import ROOT, chromium_path
from sitebuild import (Server, baseline_project, build, build_baseline, copy_project, local_site_url, reserve_port,
                       site_prefix)

# benchmarks/site.py's Lighthouse run (a file named like the standard library's site module).
_spec = importlib.util.spec_from_file_location("bench_site", Path(__file__).with_name("site.py"))
_bench_site = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_bench_site)
LIGHTHOUSE, lighthouse = _bench_site.LIGHTHOUSE, _bench_site.lighthouse

# The features whose cost the layers issue asks for, each measured off
# (navigation.instant and navigation.tracking, measured here on 2026-12-01,
# are off in mkdocs.yml now: see the figures there).
FEATURES = ("content.tooltips", "toc.follow")
COMBINED = ()


def without(project: Path, feature: str) -> None:
    config = project / "mkdocs.yml"
    lines = config.read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [line for line in lines if not line.strip().startswith(f"- {feature} ") and line.strip() != f"- {feature}"]
    if len(kept) != len(lines) - 1:
        raise SystemExit(f"mkdocs.yml: expected the feature {feature} once under theme.features")
    config.write_text("".join(kept), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--page", default="es/safety/", help="the page to load (default: the heaviest)")
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        raise SystemExit("Lighthouse is not installed: run `make bench`, which runs `npm ci --prefix benchmarks`.")
    chromium = chromium_path()
    tmp = Path(tempfile.mkdtemp(prefix="bench-features-"))
    servers = {}
    try:
        variants = {"ours": (), **{f"ours without {f}": (f,) for f in FEATURES},
                    **{f"ours without {' and '.join(c)}": c for c in COMBINED}, "default": "default"}
        for name, features in variants.items():
            port = reserve_port()
            env = {"SITE_URL": local_site_url(port)}
            dest = tmp / f"site-{len(servers)}"
            if features == "default":
                result = build_baseline(dest, baseline_project(tmp / "baseline"), env=env)
            else:
                project = ROOT
                if features:
                    # Every edition, as the site and the default build have.
                    project = copy_project(tmp / f"project-{len(servers)}", languages="all")
                    for feature in features:
                        without(project, feature)
                result = build(dest, project / "mkdocs.yml", env=env)
            if result.returncode != 0:
                raise SystemExit(f"{name}: build failed:\n{result.stderr}")
            servers[name] = Server(dest, site_prefix(), gzip=True, port=port).__enter__()
        tbt = {name: [] for name in servers}
        for run in range(args.runs):   # interleaved, so every build sees the same machine
            for name, server in servers.items():
                tbt[name].append(lighthouse(server.root + args.page, chromium)["timings"]["TBT"])
            print(f"lighthouse: run {run + 1} of {args.runs}", flush=True, file=sys.stderr)
    finally:
        for server in servers.values():
            server.__exit__()
        shutil.rmtree(tmp, ignore_errors=True)

    medians = {name: statistics.median(values) for name, values in tbt.items()}
    print(f"\n### Total Blocking Time by feature: /{args.page}, Lighthouse mobile, median of {args.runs} runs, "
          "interleaved\n")
    print("| build | TBT ms (median) | runs, ms | ours minus this |\n|---|---:|---|---:|")
    for name, median in medians.items():
        runs = ", ".join(f"{v:.0f}" for v in tbt[name])
        print(f"| {name} | {median:.0f} | {runs} | {medians['ours'] - median:+.0f} |")


if __name__ == "__main__":
    main()

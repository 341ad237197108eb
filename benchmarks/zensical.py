"""The cost of the move to Zensical, known before it is made: every edition
built by MkDocs (`make build`) and by Zensical (`make zensical`, the
canary's build) from the same sources, in the same run.

    make bench            (or: .venv/bin/python benchmarks/zensical.py)

- First visit on a phone: every edition's home and safety pages, every
  response until the network is idle, gzip as served (tests/sitebuild.py
  FirstVisits, as benchmarks/site.py counts them).
- Search, top 3: the check sets nobody tunes on and the tuned query sets,
  each engine with its own worker in Node on the index it wrote. Ours is
  Material's worker with search.js deciding what to send
  (tests/js/rank.mjs); Zensical's is the worker it ships, run as is
  (benchmarks/zensical_rank.mjs). The index holds our additions (keywords
  as tags, the vocabulary, stop words), but that worker uses tags only to
  filter and reads none of the rest.

Counts only, never the queries that miss (tests/projects/test_zensical.py says what
survives; this says what it costs).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml
from playwright.sync_api import sync_playwright

from common import CHROMIUM_ARGS, ROOT, chromium_path
from kbsite.editions import folder
from sitebuild import BUILD_ENV, LANGUAGES, Server, build, FirstVisits, local_site_url, reserve_port, site_prefix

# Each edition's home page and its safety page, the heaviest kind of page.
VISITS = [prefix + url for prefix in ["", *(folder(code) + "/" for code in LANGUAGES[1:])] for url in ("", "safety/")]


def query_sets() -> list[tuple[str, str, Path]]:
    """(edition code, which set, file) for every set that exists."""
    sets = []
    for code in LANGUAGES:
        suffix = "" if code == LANGUAGES[0] else "." + code
        for name, stem in (("check set", "search_check_set"), ("query set", "search_queries")):
            path = ROOT / "tests" / f"{stem}{suffix}.yml"
            if path.exists():
                sets.append((code, name, path))
    return sets


def build_zensical(dest: Path, env: dict) -> None:
    result = subprocess.run([sys.executable, "-m", "kbsite.zensical", str(dest)], cwd=ROOT, capture_output=True,
                            text=True, env={**os.environ, **BUILD_ENV, **env})
    if result.returncode != 0:
        raise SystemExit(f"Zensical build failed:\n{result.stdout}{result.stderr}")


def ranked(site: Path, engine: str, queries: list[str], tmp: Path) -> list[list[str]]:
    """The first three pages each engine shows for each query."""
    query_file = tmp / "queries.json"
    query_file.write_text(json.dumps(queries), encoding="utf-8")
    if engine == "mkdocs":
        command = ["node", str(ROOT / "tests" / "js" / "rank.mjs"), str(query_file)]
        env = {**os.environ, "KB_SITE_DIR": str(site)}
    else:
        worker = next(site.glob("assets/javascripts/workers/search.*.min.js"))
        command = ["node", str(ROOT / "benchmarks" / "zensical_rank.mjs"), str(worker), str(site / "search.json"),
                   str(query_file)]
        env = dict(os.environ)
    out = subprocess.run(command, capture_output=True, text=True, check=True, env=env)
    return [json.loads(line)["pages"] for line in out.stdout.splitlines()]


def main() -> None:
    engines = ("mkdocs", "zensical")
    with tempfile.TemporaryDirectory(prefix="bench-zensical-") as tmp_name:
        tmp = Path(tmp_name)
        ports = {engine: reserve_port() for engine in engines}
        sites = {engine: tmp / f"site-{engine}" for engine in engines}
        # Built for the address each is served at: the Content Security
        # Policy allows scripts from the site's own address only.
        result = build(sites["mkdocs"], env={"SITE_URL": local_site_url(ports["mkdocs"])})
        if result.returncode != 0:
            raise SystemExit(f"MkDocs build failed:\n{result.stderr}")
        build_zensical(sites["zensical"], {"SITE_URL": local_site_url(ports["zensical"])})

        servers = {engine: Server(sites[engine], site_prefix(), gzip=True, port=ports[engine]).__enter__()
                   for engine in engines}
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
                first_visit = FirstVisits(browser)
                visits = {url: {engine: first_visit(servers[engine], url) for engine in engines}
                          for url in VISITS}
                first_visit.close()
                browser.close()
        finally:
            for server in servers.values():
                server.__exit__()

        print("\n### Zensical: first visit on a phone (every request until the network is idle, gzip as served)\n")
        print(f"Every edition built by MkDocs and by Zensical {_version('zensical')} (`make zensical`) from the same "
              "sources in the same run.\n")
        print("| page | MkDocs: KB | requests | Zensical: KB | requests | Zensical / MkDocs |\n|---|---:|---:|---:|---:|---:|")
        for url, by_engine in visits.items():
            sizes = {engine: sum(size for _, _, size in by_engine[engine]) for engine in engines}
            print(f"| /{url} | {sizes['mkdocs'] / 1000:.1f} | {len(by_engine['mkdocs'])} "
                  f"| {sizes['zensical'] / 1000:.1f} | {len(by_engine['zensical'])} "
                  f"| {sizes['zensical'] / sizes['mkdocs']:.2f} |")

        print("\n### Zensical: search, page in the top 3 (each engine's own worker on the index it wrote)\n")
        print("| edition | set | queries | MkDocs | Zensical |\n|---|---|---:|---:|---:|")
        for code, name, path in query_sets():
            entries = yaml.safe_load(path.read_text(encoding="utf-8"))
            queries = [entry["query"] for entry in entries]
            edition = "" if code == LANGUAGES[0] else folder(code)
            cells = []
            for engine in engines:
                pages = ranked(sites[engine] / edition, engine, queries, tmp)
                hits = sum(entry["page"] in found for entry, found in zip(entries, pages))
                cells.append(f"{hits} ({100 * hits / len(entries):.0f}%)")
            print(f"| {code} | {name} | {len(entries)} | {cells[0]} | {cells[1]} |")


def _version(name: str) -> str:
    from importlib.metadata import version

    return version(name)


if __name__ == "__main__":
    main()

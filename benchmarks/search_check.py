"""Search on the check sets nobody tunes on (tests/search_check_set.yml and
tests/search_check_set.<code>.yml): how many patient queries, of kinds the
tuned sets lack (brand names, everyday words, conversational and voice
questions, place and cost), find their page in the top 3, by kind, in each
edition. Material's real worker in Node on this build's index, with
search.js deciding what to send (tests/js/rank.mjs), as in the browser.

    make bench            (or: .venv/bin/python benchmarks/search_check.py)

A reported benchmark, not a test: a set fixed query by query stops
measuring. It prints counts only, never the queries that miss.
"""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from collections import defaultdict
from pathlib import Path

import yaml

from common import ROOT
from kbsite.editions import folder
from sitebuild import build, load_config

# Every edition with a check set: tests/search_check_set.yml for the first
# language, tests/search_check_set.<code>.yml for another.
LANGUAGES = [entry["code"] for entry in load_config()["extra"]["languages"]]
SETS = {code: (f"tests/search_check_set{'' if code == LANGUAGES[0] else '.' + code}.yml",
               "" if code == LANGUAGES[0] else folder(code))
        for code in LANGUAGES
        if (ROOT / f"tests/search_check_set{'' if code == LANGUAGES[0] else '.' + code}.yml").exists()}


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        result = build(site)
        if result.returncode != 0:
            raise SystemExit(f"build failed:\n{result.stderr}")
        print("\n### Search: check sets nobody tunes on (top 3)\n")
        print("| edition | kind | found in top 3 |\n|---|---|---:|")
        for code, (path, folder) in SETS.items():
            queries = yaml.safe_load((ROOT / path).read_text(encoding="utf-8"))
            query_file = Path(tmp) / f"{code}.json"
            query_file.write_text(json.dumps([q["query"] for q in queries]))
            out = subprocess.run(["node", str(ROOT / "tests" / "js" / "rank.mjs"), str(query_file)], capture_output=True,
                                 text=True, check=True, env={**os.environ, "KB_SITE_DIR": str(site / folder)})
            ranked = [json.loads(line) for line in out.stdout.splitlines()]
            kinds = defaultdict(lambda: [0, 0])
            for q, r in zip(queries, ranked):
                kinds[q["kind"]][0] += q["page"] in r["pages"][:3]
                kinds[q["kind"]][1] += 1
            for kind, (hits, total) in sorted(kinds.items()):
                print(f"| {code} | {kind} | {hits}/{total} |")
            hits = sum(h for h, _ in kinds.values())
            print(f"| {code} | **all** | **{hits}/{len(queries)} ({100 * hits / len(queries):.0f}%)** |")


if __name__ == "__main__":
    main()

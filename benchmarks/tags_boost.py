"""How the search weight of page keywords (the `tags` field) moves the
query set: for each weight, how many queries in tests/search_queries.yml
find their page (as the tests require) and how many find it first. Runs
Material's real search worker in Node on this build's index, with
search.js's stop words and corrections (tests/js/rank.mjs).

    make bench            (or: .venv/bin/python benchmarks/tags_boost.py [weights...])

The weight in mkdocs.yml (plugins > search > fields > tags) was set from
this table; its comment there records the figures.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from common import ROOT
from search_runner import load_queries
from sitebuild import build

WEIGHTS = ["1", "2", "5", "10", "30", "100", "1000", "1000000"]


def main() -> None:
    weights = sys.argv[1:] or WEIGHTS
    queries = load_queries()
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        result = build(site)
        if result.returncode != 0:
            raise SystemExit(f"build failed:\n{result.stderr}")
        query_file = Path(tmp) / "queries.json"
        query_file.write_text(json.dumps([q["query"] for q in queries]))
        print(f"\n### Search: weight of page keywords (tags), {len(queries)} queries\n")
        print("| tags weight | queries that pass | first result right | misses |\n|---:|---:|---:|---|")
        for weight in weights:
            out = subprocess.run(["node", str(ROOT / "tests" / "js" / "rank.mjs"), str(query_file), weight],
                                 capture_output=True, text=True, check=True, env={**os.environ, "KB_SITE_DIR": str(site)})
            ranked = [json.loads(line) for line in out.stdout.splitlines()]
            misses, first = [], 0
            for q, r in zip(queries, ranked):
                top = q.get("top", 1 if q["kind"] == "exact" else 3)
                first += r["pages"][:1] == [q["page"]]
                if q["page"] not in r["pages"][:top]:
                    misses.append(q["query"])
            print(f"| {weight} | {len(queries) - len(misses)}/{len(queries)} | {first}/{len(queries)} "
                  f"| {', '.join(misses) or '–'} |")


if __name__ == "__main__":
    main()

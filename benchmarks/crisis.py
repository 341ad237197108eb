"""Crisis help on the check set that nobody tunes on
(tests/crisis_check_set.yml): how often each edition shows the help for
crisis phrasings, and for ordinary questions, in each language; and the
matcher's time per query (in Node, on search.js's real code).

    make bench            (or: .venv/bin/python benchmarks/crisis.py)

A reported benchmark, not a pass/fail test: a set fixed query by query
stops measuring. The tested set is tests/crisis_queries.yml.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from pathlib import Path

import yaml

from common import ROOT, build


def main() -> None:
    tmp = Path(tempfile.mkdtemp(prefix="bench-crisis-"))
    try:
        result = build(tmp / "site")
        if result.returncode != 0:
            raise SystemExit(result.stderr)
        check = tmp / "check.json"
        check.write_text(json.dumps(yaml.safe_load((ROOT / "tests" / "crisis_check_set.yml").read_text("utf-8"))))
        out = subprocess.run(["node", str(ROOT / "benchmarks" / "crisis.mjs")], capture_output=True, text=True,
                             env={"PATH": shutil.os.environ["PATH"], "KB_SITE_DIR": str(tmp / "site"),
                                  "KB_CHECK_SET": str(check)}, check=True)
        figures = json.loads(out.stdout)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("\n### Crisis help, check set nobody tunes on (tests/crisis_check_set.yml)\n")
    # A column for each language of the check set (every language in it).
    langs = list(dict.fromkeys(r["lang"] for r in figures["rows"]))
    print("| edition | " + " | ".join(f"{kind}, {lang}" for kind in ("crisis phrasings", "ordinary") for lang in langs) + " |")
    print("|---|" + "---:|" * (2 * len(langs)))
    by = {(r["edition"], r["kind"], r["lang"]): r for r in figures["rows"]}
    for edition in dict.fromkeys(r["edition"] for r in figures["rows"]):
        cells = []
        for kind in ("crisis", "ordinary"):
            for lang in langs:
                r = by[(edition, kind, lang)]
                cells.append(f"{r['shown']}/{r['total']} ({100 * r['shown'] / r['total']:.0f}%)")
        print(f"| {edition} | " + " | ".join(cells) + " |")
    print(f"\nCrisis check per query: p95 {figures['p95_ms']:.2f} ms, max {figures['max_ms']:.2f} ms (Node)")


if __name__ == "__main__":
    main()

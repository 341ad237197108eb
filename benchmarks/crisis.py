"""Crisis help on every query set: the tuned one (tests/crisis_queries.yml)
and the ones nobody tunes on (tests/crisis_blind_*.yml, and the earlier
tests/crisis_check_set.yml): how often each language's crisis phrasings
show help, and how often ordinary questions do, and the same with the
rules alone (without the crisis model); the matcher's time per
query (the target: under 5 ms at the 95th percentile) and to compile its
data (in Node, on crisis.js's real code); and the size of
search/crisis.json.

    make bench            (or: .venv/bin/python benchmarks/crisis.py)

A reported benchmark, not a pass/fail test: the newest blind set measures
language the lexicon has not seen (tests/js/crisis.test.mjs holds the
older ones at 95%).
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
        tests = ROOT / "tests"
        sets = {"tuned": yaml.safe_load((tests / "crisis_queries.yml").read_text("utf-8")),
                "check set (2026-12-01)": yaml.safe_load((tests / "crisis_check_set.yml").read_text("utf-8"))}
        for path in sorted(tests.glob("crisis_blind_*.yml")):
            sets["blind " + path.stem.removeprefix("crisis_blind_").upper()] = yaml.safe_load(path.read_text("utf-8"))
        file = tmp / "sets.json"
        file.write_text(json.dumps(sets, ensure_ascii=False), encoding="utf-8")
        out = subprocess.run(["node", str(ROOT / "benchmarks" / "crisis.mjs")], capture_output=True, text=True,
                             env={"PATH": shutil.os.environ["PATH"], "KB_SITE_DIR": str(tmp / "site"),
                                  "KB_CRISIS_SETS": str(file)}, check=True)
        figures = json.loads(out.stdout)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    langs = list(dict.fromkeys(r["lang"] for r in figures["rows"]))
    by = {(r["set"], r["kind"], r["lang"]): r for r in figures["rows"]}
    for title, shown in (("Crisis help in search (crisis.js, English edition's search/crisis.json)", "shown"),
                         ("The rules alone, without the crisis model (what the model adds)", "rulesShown")):
        print(f"\n### {title}\n")
        print("| set | " + " | ".join(langs) + " |")
        print("|---|" + "---|" * len(langs))
        for name in dict.fromkeys(r["set"] for r in figures["rows"]):
            cells = []
            for lang in langs:
                crisis, ordinary = by.get((name, "crisis", lang)), by.get((name, "ordinary", lang))
                if not crisis:
                    cells.append("")
                    continue
                cell = f"{crisis[shown]}/{crisis['total']} ({100 * crisis[shown] / crisis['total']:.0f}%)"
                if ordinary:
                    cell += f", {ordinary[shown]}/{ordinary['total']} ordinary"
                cells.append(cell)
            print(f"| {name} | " + " | ".join(cells) + " |")
    print(f"\nPer query ({figures['queries']} queries, warm): median {figures['p50_ms']:.2f} ms, "
          f"p95 {figures['p95_ms']:.2f} ms ({'within' if figures['p95_ms'] < 5 else 'OVER'} the 5 ms target), max {figures['max_ms']:.2f} ms (Node). Compiling the data: "
          f"{figures['first_compile_ms']:.0f} ms the first time, {figures['compile_ms']:.0f} ms warm. "
          f"search/crisis.json: {figures['bytes'] / 1024:.1f} KB.")


if __name__ == "__main__":
    main()

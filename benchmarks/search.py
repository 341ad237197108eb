"""Search speed and size: for every query in tests/search_queries.yml, the
time from the last keystroke to the results in Chromium (median and p95),
the hit rate, and the size of the search index. Our site next to a default
Material build of the same pages, in the same run.

    make bench            (or: .venv/bin/python benchmarks/search.py)

Targets (issue 3): p95 under 100 ms on a 2-core machine; an index no more
than 1.5 times the default build's.
"""

from __future__ import annotations

import gzip
import statistics

from playwright.sync_api import sync_playwright

from common import CHROMIUM_ARGS, Sites, chromium_path, percentile
from search_runner import load_queries, open_search, search

ROUNDS = 3  # each query is typed this many times; timings pool all rounds


def measure(browser, root: str, queries: list[dict]) -> dict:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.goto(root)
    open_search(tab)
    search(tab, root, "warm up")  # the index loads on first use
    latencies, hits = [], 0
    for round_ in range(ROUNDS):
        for q in queries:
            outcome = search(tab, root, q["query"])
            latencies.append(outcome.latency_ms)
            if round_ == 0:
                top = 1 if q["kind"] == "exact" else 3
                hits += q["page"] in outcome.pages[:top]
    context.close()
    return {"median": statistics.median(latencies), "p95": percentile(latencies, 0.95),
            "max": max(latencies), "hits": hits, "samples": len(latencies)}


def main() -> None:
    queries = load_queries()
    with Sites() as sites, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        results = {name: measure(browser, sites.root(name), queries) for name in ("ours", "default")}
        browser.close()
        for name in results:
            raw = (sites.dirs[name] / "search/search_index.json").read_bytes()
            results[name]["index_bytes"] = len(raw)
            results[name]["index_gzip"] = len(gzip.compress(raw, 6))

    print(f"\n### Search: {len(queries)} queries x {ROUNDS} rounds, last keystroke to results, Chromium\n")
    print("| build | median ms | p95 ms | max ms | hit rate | index KB | index KB gzip |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, r in results.items():
        print(f"| {name} | {r['median']:.1f} | {r['p95']:.1f} | {r['max']:.1f} | {r['hits']}/{len(queries)} "
              f"| {r['index_bytes'] / 1000:.1f} | {r['index_gzip'] / 1000:.1f} |")
    ratio = results["ours"]["index_bytes"] / results["default"]["index_bytes"]
    print(f"\nindex size: ours is {ratio:.2f}x the default build's (target: at most 1.5x)")
    print(f"p95: {results['ours']['p95']:.1f} ms (target: under 100 ms)")


if __name__ == "__main__":
    main()

"""Page weight, requests, time to first search results, build time and
Lighthouse: our site next to a default Material build of the same pages,
measured in the same run on the same machine.

    make bench            (or: .venv/bin/python benchmarks/site.py [--no-lighthouse])

Weights are counted by the server: every response of a first visit on a
phone (empty cache, until the network is idle), gzip as served, a web
worker's requests included (tests/sitebuild.py FirstVisits). Figures are
printed as Markdown tables, ready for benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from common import CHROMIUM_ARGS, PAGES, ROOT, Sites, chromium_path
from kbsite.editions import folder
from sitebuild import EDITION_URLS, TRANSLATIONS, FirstVisits

LIGHTHOUSE = ROOT / "benchmarks" / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TIMINGS = {"first-contentful-paint": "FCP", "largest-contentful-paint": "LCP", "total-blocking-time": "TBT"}
LIGHTHOUSE_RUNS = 3    # timings: the median of this many runs, the two sites interleaved
SEARCH_RUNS = 7        # opening search: the median of this many fresh page loads
BUDGET = 68_000        # tests/budgets.yml


def asset_name(path: str) -> str:
    """A request's file name without Material's content hash, so that the
    same asset lines up in both builds (main.57a0d79d.min.css -> main.min.css)."""
    name = path.rstrip("/").rsplit("/", 1)[-1] or "/"
    name = re.sub(r"\.[0-9a-f]{8}\.min\.", ".min.", name)
    return name + "/" if path.endswith("/") else name


def kind(content_type: str) -> str:
    return {"text/html": "document", "text/css": "stylesheet", "application/javascript": "script",
            "text/javascript": "script", "application/json": "json", "application/xml": "xml",
            "text/xml": "xml", "image/svg+xml": "image", "image/png": "image"}.get(content_type, content_type)


# Time from the pointer going down on the search box to the first result on
# screen, with a query typed at once, on a page idle for 2 s (#35's
# measure): ours loads the worker, the index and crisis help then;
# Material's default loaded them with the page. And the time to the last
# drawing of the results (the list still for 500 ms after): the results for
# the whole query. The first results on screen may be those of its first
# letter: Material draws every query's results as they come, while ours
# does not draw those the reader has already typed past (search.js).
_WATCH_OPEN = """() => {
    const times = window.__openSearch = {};
    const list = document.querySelector('.md-search-result__list');
    new MutationObserver(() => {
        if (!list.querySelector('.md-search-result__item')) return;
        times.results ??= performance.now();
        times.last = performance.now();
    }).observe(list, {childList: true});
    document.addEventListener('pointerdown', () => { times.open ??= performance.now(); }, true);
}"""


def open_search_to_results(browser, root: str) -> tuple[float, float]:
    """(ms to the first results drawn, ms to the last drawing)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.goto(root, wait_until="networkidle")
    tab.wait_for_timeout(2_000)
    tab.evaluate(_WATCH_OPEN)
    tab.locator("input.md-search__input").click()
    tab.keyboard.type("ketamine")
    tab.wait_for_function("() => window.__openSearch.results", timeout=20_000)
    tab.wait_for_function("() => performance.now() - window.__openSearch.last > 500", timeout=20_000)
    first, last = tab.evaluate("[window.__openSearch.results - window.__openSearch.open, "
                               "window.__openSearch.last - window.__openSearch.open]")
    context.close()
    return first, last


def after_first_view(browser, server, url: str = "") -> list[tuple[str, str, int]]:
    """What a phone downloads after a page's first view, in the 4 s after
    the network went idle, before the reader does anything: what getting
    search ready in the background would cost (nothing, while ours loads
    search when opened; effa3fb tried it)."""
    from sitebuild import PHONE

    context = browser.new_context(viewport=PHONE)
    tab = context.new_page()
    server.sent.clear()
    tab.goto(server.root + url, wait_until="networkidle")
    first_view = len(server.sent)
    tab.wait_for_timeout(4_000)
    context.close()
    return list(server.sent)[first_view:]


def lighthouse(url: str, chromium: str) -> dict:
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        subprocess.run([
            str(LIGHTHOUSE), url, f"--chrome-path={chromium}",
            "--chrome-flags=--headless=new " + " ".join(CHROMIUM_ARGS),
            f"--only-categories={','.join(CATEGORIES)}", "--output=json", f"--output-path={out.name}", "--quiet",
        ], check=True)
        report = json.loads(Path(out.name).read_text())
    scores = {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}
    timings = {short: report["audits"][audit]["numericValue"] for audit, short in TIMINGS.items()}
    return {"scores": scores, "timings": timings}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--no-lighthouse", action="store_true", help="skip Lighthouse (about 15 s a run)")
    args = parser.parse_args()
    chromium = chromium_path()
    if not args.no_lighthouse and not LIGHTHOUSE.exists():
        raise SystemExit("Lighthouse is not installed: run `make bench`, which runs `npm ci --prefix benchmarks`.")
    names = ("ours", "default")

    with Sites() as sites, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        chromium = chromium or p.chromium.executable_path  # Playwright's own, for Lighthouse too
        # Every page of every edition (the Spanish one under /es/).
        first_visit = FirstVisits(browser)
        visits = {url: {name: first_visit(sites.servers[name], url) for name in names}
                  for url in EDITION_URLS}
        first_visit.close()
        later = {name: after_first_view(browser, sites.servers[name]) for name in names}
        opening = {name: [] for name in names}
        for _ in range(SEARCH_RUNS):  # interleaved, so both see the same machine
            for name in names:
                opening[name].append(open_search_to_results(browser, sites.root(name)))
        browser.close()

        heaviest = max(visits, key=lambda url: sum(r[2] for r in visits[url]["ours"]))
        reports: dict[str, dict[str, list[dict]]] = {}
        if not args.no_lighthouse:
            # Each English page, the home page of each translation, and the heaviest page.
            for url in dict.fromkeys([url for url, _, _ in PAGES] + [folder(code) + "/" for code in TRANSLATIONS] + [heaviest]):
                runs = LIGHTHOUSE_RUNS if url in ("", heaviest) else 1
                reports[url] = {name: [] for name in names}
                for _ in range(runs):
                    for name in names:
                        reports[url][name].append(lighthouse(sites.root(name) + url, chromium))
                print(f"lighthouse: /{url} ({runs} run{'s' if runs > 1 else ''} each)", flush=True)

    total = {url: {name: sum(r[2] for r in visits[url][name]) for name in names} for url in visits}

    print("\n### Build time\n")
    print("| build | seconds |\n|---|---:|")
    for name in names:
        print(f"| {name} | {sites.build_seconds[name]:.2f} |")

    print("\n### First visit on a phone (every request until the network is idle, gzip as served)\n")
    print("| page | ours: KB | ours: requests | default: KB | default: requests | ours / default |")
    print("|---|---:|---:|---:|---:|---:|")
    for url in EDITION_URLS:
        o, d = total[url]["ours"], total[url]["default"]
        print(f"| /{url} | {o / 1000:.1f} | {len(visits[url]['ours'])} | {d / 1000:.1f} "
              f"| {len(visits[url]['default'])} | {o / d:.2f} |")
    ratios = [total[u]["ours"] / total[u]["default"] for u in total]
    worst = max(total[u]["ours"] for u in total)
    print(f"\nours: at most {worst / 1000:.1f} KB (budget {BUDGET / 1000:.0f} KB); "
          f"ours / default from {min(ratios):.2f} to {max(ratios):.2f}; "
          f"lighter than default on {sum(r < 1 for r in ratios)} of {len(ratios)} pages")

    print(f"\n### Where the bytes go: /{heaviest}, the heaviest page\n")
    print("| request | type | ours: bytes | default: bytes |\n|---|---|---:|---:|")
    rows: dict[str, dict] = {}
    for name in names:
        for path, content_type, size in visits[heaviest][name]:
            row = rows.setdefault(asset_name(path), {"type": kind(content_type)})
            row[name] = row.get(name, 0) + size
    for name_, row in sorted(rows.items(), key=lambda i: -max(i[1].get("ours", 0), i[1].get("default", 0))):
        cells = [f"{row[n]:,}" if n in row else "–" for n in names]
        print(f"| {name_} | {row['type']} | {cells[0]} | {cells[1]} |")
    print(f"| **total** | | **{total[heaviest]['ours']:,}** | **{total[heaviest]['default']:,}** |")

    print("\n### After the first view: what the home page downloads in the 4 s after the network went idle "
          "(phone, gzip as served)\n")
    print("| build | KB | requests | what |\n|---|---:|---:|---|")
    for name in names:
        files = ", ".join(sorted({asset_name(path) for path, _, _ in later[name]})) or "nothing"
        print(f"| {name} | {sum(r[2] for r in later[name]) / 1000:.1f} | {len(later[name])} | {files} |")

    print(f"\n### Opening search: pointer down to the first result, \"ketamine\" typed at once, on a page idle "
          f"for 2 s (median of {SEARCH_RUNS} fresh page loads, desktop)\n")
    print("The first results drawn may be a first letter's (Material draws each query's results; ours skips those "
          "typed past); the last drawing is the whole query's.\n")
    print("| build | first results, median ms | min | max | last drawing, median ms | min | max |\n"
          "|---|---:|---:|---:|---:|---:|---:|")
    for name in names:
        first, last = [t[0] for t in opening[name]], [t[1] for t in opening[name]]
        print(f"| {name} | {statistics.median(first):.0f} | {min(first):.0f} | {max(first):.0f} "
              f"| {statistics.median(last):.0f} | {min(last):.0f} | {max(last):.0f} |")

    if reports:
        print("\n### Lighthouse (mobile): performance / accessibility / best practices / SEO\n")
        print("| page | ours | default |\n|---|---|---|")
        for url, by_name in reports.items():
            cells = [" / ".join(str(by_name[n][0]["scores"][c]) for c in CATEGORIES) for n in names]
            print(f"| /{url} | {cells[0]} | {cells[1]} |")
        print(f"\n### Lighthouse timings (mobile, median of {LIGHTHOUSE_RUNS} runs, the two sites interleaved)\n")
        print("| page | build | FCP ms | LCP ms | TBT ms |\n|---|---|---:|---:|---:|")
        for url in ("", heaviest):
            for name in names:
                runs = reports[url][name]
                medians = [statistics.median(r["timings"][t] for r in runs) for t in TIMINGS.values()]
                print(f"| /{url} | {name} | " + " | ".join(f"{m:.0f}" for m in medians) + " |")


if __name__ == "__main__":
    main()

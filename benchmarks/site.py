"""Page weight, requests, build time and Lighthouse scores: our site next to
a default Material build of the same pages, measured in the same run.

    make bench            (or: .venv/bin/python benchmarks/site.py [--no-lighthouse])

Figures are printed as Markdown tables, ready for the README.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import sync_playwright

from common import CHROMIUM_ARGS, PAGES, ROOT, Sites, chromium_path

LIGHTHOUSE = ROOT / "benchmarks" / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def page_weight(browser, url: str) -> dict:
    """A first visit with an empty cache: bytes on the wire (as served, gzip)
    and requests, split into this site's and other sites'."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    tab = context.new_page()
    own, other = [], []
    origin = urlsplit(url).netloc

    def on_finished(request):
        sizes = request.sizes()
        (own if urlsplit(request.url).netloc == origin else other).append(
            sizes["responseBodySize"] + sizes["responseHeadersSize"])

    tab.on("requestfinished", on_finished)
    tab.on("requestfailed", lambda request: other.append(0) if urlsplit(request.url).netloc != origin else None)
    tab.goto(url, wait_until="networkidle")
    context.close()
    return {"bytes": sum(own), "requests": len(own) + len(other), "third_party": len(other)}


def lighthouse(url: str, chromium: str) -> dict:
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        subprocess.run([
            str(LIGHTHOUSE), url, f"--chrome-path={chromium}",
            "--chrome-flags=--headless=new " + " ".join(CHROMIUM_ARGS),
            f"--only-categories={','.join(CATEGORIES)}", "--output=json", f"--output-path={out.name}", "--quiet",
        ], check=True)
        report = json.loads(Path(out.name).read_text())
    return {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--no-lighthouse", action="store_true", help="skip Lighthouse (about 15 s a page)")
    args = parser.parse_args()
    chromium = chromium_path()
    if not args.no_lighthouse and not LIGHTHOUSE.exists():
        raise SystemExit("Lighthouse is not installed: run `make bench`, which runs `npm ci --prefix benchmarks`.")

    with Sites() as sites, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        chromium = chromium or p.chromium.executable_path  # Playwright's own, for Lighthouse too
        rows = []
        for url, label, _ in PAGES:
            row = {"page": "/" + url, "label": label}
            for name in ("ours", "default"):
                address = sites.root(name) + url
                row[name] = page_weight(browser, address)
                if not args.no_lighthouse:
                    row[name]["lighthouse"] = lighthouse(address, chromium)
            rows.append(row)
            print(f"measured /{url}", flush=True)
        browser.close()

    print("\n### Build time\n")
    print("| build | seconds |\n|---|---:|")
    for name in ("ours", "default"):
        print(f"| {name} | {sites.build_seconds[name]:.2f} |")

    print("\n### First visit on a phone (empty cache, gzip as served)\n")
    print("| page | ours: KB | ours: requests (other sites) | default: KB | default: requests (other sites) |")
    print("|---|---:|---:|---:|---:|")
    for row in rows:
        o, d = row["ours"], row["default"]
        print(f"| {row['page']} | {o['bytes'] / 1000:.1f} | {o['requests']} ({o['third_party']}) "
              f"| {d['bytes'] / 1000:.1f} | {d['requests']} ({d['third_party']}) |")
    for name in ("ours", "default"):
        weights = [row[name]["bytes"] / 1000 for row in rows]
        print(f"\n{name}: median {statistics.median(weights):.1f} KB, max {max(weights):.1f} KB over {len(rows)} pages")

    if not args.no_lighthouse:
        print("\n### Lighthouse (mobile): performance / accessibility / best practices / SEO\n")
        print("| page | ours | default |\n|---|---|---|")
        for row in rows:
            cells = [" / ".join(str(row[n]["lighthouse"][c]) for c in CATEGORIES) for n in ("ours", "default")]
            print(f"| {row['page']} | {cells[0]} | {cells[1]} |")
        for name in ("ours", "default"):
            lows = {c: min(row[name]["lighthouse"][c] for row in rows) for c in CATEGORIES}
            print(f"\n{name}: lowest on any page: " + ", ".join(f"{c} {v}" for c, v in lows.items()))


if __name__ == "__main__":
    main()

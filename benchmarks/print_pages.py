"""How many sheets each page prints on: our handout against a default
Material build of the same pages, in the same run.

    make bench            (or: .venv/bin/python benchmarks/print_pages.py)

Chromium prints each page of every edition to PDF (US Letter, the paper of
a San Francisco clinic) from both builds, as a reader's Print would, and
the table gives the page count of each. The default build is what printing
the site gave before the handout work: every link's address inline, no
crisis line, no disclaimer.
"""

from __future__ import annotations

import io
import sys

from pypdf import PdfReader
from playwright.sync_api import sync_playwright

from common import CHROMIUM_ARGS, Sites, chromium_path
from sitebuild import EDITION_URLS


def printed_pages(tab, url: str) -> int:
    tab.goto(url, wait_until="networkidle")
    return len(PdfReader(io.BytesIO(tab.pdf(format="Letter"))).pages)


def main() -> None:
    with Sites() as sites, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        tab = browser.new_page()
        rows = []
        for url in [""] + [u for u in EDITION_URLS if u]:
            rows.append((url, printed_pages(tab, sites.root("default") + url), printed_pages(tab, sites.root("ours") + url)))
        browser.close()
    print("\n### Printed pages (US Letter, Chromium's print to PDF)\n")
    print("| page | default build | ours |")
    print("|---|---:|---:|")
    for url, default, ours in rows:
        print(f"| /{url} | {default} | {ours} |")
    print(f"| all {len(rows)} | {sum(r[1] for r in rows)} | {sum(r[2] for r in rows)} |")
    sys.stdout.flush()


if __name__ == "__main__":
    main()

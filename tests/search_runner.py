"""Drive Material's real search box in Chromium, as a person does: type a
query, wait for the results to settle, read them. Shared by the search
tests and the search benchmark (benchmarks/search.py).

The query sets' relevance is measured in Node instead (node_outcomes):
Material's real worker and our search.js on an edition's built index, the
same code the browser runs, in a fraction of the time; the browser checks
a sample of each set against it (tests/browser/test_search.py, test_search_translations.py)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

QUERIES_FILE = Path(__file__).parent / "search_queries.yml"
# The query sets' kinds (tests/search_queries.yml's header says what each is).
KINDS = ("exact", "abbreviation", "paraphrase", "misspelling", "question")
# Queries that try to break the search box: query syntax, markup, very long
# or empty input (search.js and the worker in Node, a few in the browser).
HOSTILE = [
    ":", "~", "^", "+", "-", "*", "pain:", "title:", "~pain", "pain~", "pain^", "+pain -back", "-", "**",
    '"unbalanced', 'pain "', '"', "'", "((", "[]", "\\", "a:b:c:d", "pain~999", "^^^~~~",
    "<script>alert(1)</script>", '<img src=x onerror="window.__pwned=1">', "</li></ol><h1>x</h1>",
    "a~2 b~2 c~2 d~2 e~2 f~2", "pain " * 400, "😀💊", "🙂 ketamine", "\u200b", "   ",
]

# Records, in the page, when the query last changed (an input event: a key,
# a paste, an input method's characters; a key that changes nothing, such as
# End, is no change) and when the results last changed. Injected by the
# test, never shipped.
_WATCH = """() => {
  if (window.__searchWatch) return;
  const watch = window.__searchWatch = {key: 0, change: 0};
  document.querySelector('input.md-search__input')
    .addEventListener('input', () => { watch.key = performance.now(); });
  new MutationObserver(() => { watch.change = performance.now(); })
    .observe(document.querySelector('.md-search-result'), {childList: true, subtree: true, characterData: true});
}"""
# Settled: the results changed after the last key, have not changed since
# for `settle` ms, and no second (typo-tolerant) search is still running.
_SETTLED = """settle => {
  const w = window.__searchWatch;
  const busy = document.querySelector('.md-search-result').getAttribute('aria-busy') === 'true';
  return !busy && w.change > w.key && performance.now() - w.change > settle;
}"""


@dataclass
class Outcome:
    pages: list[str]      # result pages in order, as site paths ("booking/")
    links: list[str]      # every result link in order (with #section)
    latency_ms: float     # last keystroke to the last change of the results


def node_outcomes(edition: Path, queries: list[str], prefix: str = "/") -> dict[str, Outcome]:
    """What search shows for each query on one edition's built folder, from
    tests/js/queries.mjs: pages as edition paths ("booking/"), links as
    site paths (`prefix` + "booking/#book")."""
    import json
    import subprocess
    import tempfile

    from sitebuild import require_tool

    node = require_tool("node", "so the query sets cannot run on the search worker")
    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8", delete=False) as file:
        json.dump(queries, file, ensure_ascii=False)
    script = Path(__file__).parent / "js" / "queries.mjs"
    result = subprocess.run([node, str(script), str(edition), file.name], capture_output=True, text=True, timeout=300)
    Path(file.name).unlink()
    assert result.returncode == 0, result.stderr[-3000:]
    found = {}
    for line in result.stdout.splitlines():
        data = json.loads(line)
        found[data["query"]] = Outcome(pages=data["pages"], links=[prefix + link for link in data["links"]],
                                       latency_ms=0.0)
    return found


def shown_in_the_browser(browser, address: str, queries: list[str]) -> tuple[dict[str, Outcome], list[str]]:
    """What the search box shows for each query on the edition at
    `address`, entered at once in one tab (search.js searches on an input
    event, as on a key); and the page's script errors."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    errors = []
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    tab.goto(address)
    open_search(tab)
    shown = {query: search(tab, address, query, typed=False) for query in queries}
    context.close()
    return shown, errors


def differences(shown: dict[str, Outcome], measured: dict[str, Outcome]) -> list[str]:
    """Queries whose first three pages differ between the browser and Node."""
    return [f"{query!r}: browser {outcome.pages[:3]}, Node {measured[query].pages[:3]}"
            for query, outcome in shown.items() if outcome.pages[:3] != measured[query].pages[:3]]


def load_queries() -> list[dict]:
    return yaml.safe_load(QUERIES_FILE.read_text(encoding="utf-8"))


# Search is ready: the status line no longer says "Initializing search", in
# the page's language (the worker and index load when search opens).
_READY = """text => !document.querySelector('.md-search-result__meta').textContent.includes(text)"""


def initializing_text(lang: str) -> str:
    """Material's "Initializing search" in a page language, from Material's
    own translation file (partials/languages/<name>.html: the language's
    interface_language in mkdocs.yml where it has one, Filipino's tl)."""
    import re

    import material

    from kbsite import project

    entries = project.load(Path(__file__).parent.parent / "mkdocs.yml")["extra"]["languages"]
    name = next((e.get("interface_language", lang) for e in entries if e["code"] == lang), lang)
    source = (Path(material.__file__).parent / "templates" / "partials" / "languages" / f"{name}.html")
    return re.search(r'"search\.result\.initializer": "([^"]+)"', source.read_text(encoding="utf-8"))[1]


def open_search(tab) -> None:
    """Open search and wait until it is ready, as a person sees it ready.
    (Typed before then, a query is searched once the worker is ready; the
    first-keystroke tests in test_search.py cover that. Here the timing
    tests need a query's results to come after its last key.)"""
    initializing = initializing_text(tab.evaluate("document.documentElement.lang"))
    tab.locator('label.md-header__button[for="__search"], input.md-search__input').locator("visible=true").first.click()
    tab.locator("input.md-search__input").wait_for(state="visible")
    tab.wait_for_function(_READY, arg=initializing, timeout=10_000)
    tab.evaluate(_WATCH)


def _site_path(href: str, root: str) -> str:
    path = urlsplit(href).path
    return path[len(urlsplit(root).path):]


def wait_for_results(tab, settle_ms: int = 250) -> None:
    """Wait until the results for what was last typed are on screen and still."""
    tab.wait_for_function(_SETTLED, arg=settle_ms, timeout=10_000)


def search(tab, root: str, query: str, settle_ms: int = 250, typed: bool = True) -> Outcome:
    """The results of `query`, typed key by key (typed=True: Material
    searches on each key, as a person typing sees it), or entered at once,
    as a paste or an input method enters it (typed=False: one search, a
    quarter less time a query; the query sets use it, the typing tests type)."""
    box = tab.locator("input.md-search__input")
    # Cleared, Material empties the results at once (an empty query is no
    # search), so what settles after the last key typed below is this query's.
    box.fill("")
    if typed:
        box.press_sequentially(query)
    else:
        box.fill(query)
    wait_for_results(tab, settle_ms)
    latency = tab.evaluate("window.__searchWatch.change - window.__searchWatch.key")
    links = tab.eval_on_selector_all("li.md-search-result__item a[href]", "els => els.map(e => e.href)")
    # One list item per page, best first; its first link is the page itself.
    page_links = tab.eval_on_selector_all(
        "li.md-search-result__item", "items => items.map(li => li.querySelector('a[href]').href)")
    return Outcome(pages=[_site_path(h, root) for h in page_links], links=links, latency_ms=latency)


def sample(queries: list[dict], each: int = 2) -> list[dict]:
    """A few queries of each kind, for the browser to check against Node."""
    from collections import defaultdict

    chosen, counts = [], defaultdict(int)
    for q in queries:
        if counts[q["kind"]] < each:
            chosen.append(q)
            counts[q["kind"]] += 1
    return chosen

"""Upgrades fail loudly: what our search code assumes about Material.

- overrides/partials/search.html and header.html are Material's partials
  plus our changes, and nothing else; a Material upgrade that changes
  either fails here.
- Material's bundle still starts its search worker, fetches the index and
  speaks the worker protocol the way overrides/partials/lazy-search.html and
  docs/assets/javascripts/search.js expect. (The worker's side of the
  protocol is tested in Node: tests/js/search.test.mjs.)
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import material
import pytest

from sitebuild import ROOT

MATERIAL = Path(material.__file__).parent / "templates"
BUNDLE = next((MATERIAL / "assets" / "javascripts").glob("bundle.*.min.js")).read_text(encoding="utf-8")

# Our changes to Material's partial: (Material's text, ours).
PARTIAL_CHANGES = [
    ('<div class="md-search" data-md-component="search" role="dialog">',
     '{%- import "partials/words.html" as words with context -%}\n'   # our interface words
     '<div class="md-search" data-md-component="search" role="dialog" aria-label="{{ lang.t(\'search\') }}">'),
    ('<div class="md-search__scrollwrap" tabindex="0" data-md-scrollfix>\n',
     '<div class="md-search__scrollwrap" tabindex="0" data-md-scrollfix>\n'
     '{#- ours: crisis help, detected, then the crisis line -#}\n'
     '{% include "partials/search-crisis.html" %}\n'),
    ('<div class="md-search-result__meta">', '<div class="md-search-result__meta" role="status">'),
    ("""<button type="reset" class="md-search__icon md-icon" title="{{ lang.t('search.reset') }}" aria-label""",
     """{#- ours: no title, so no "Clear" tooltip stays over the first result on a phone -#}\n"""
     """<button type="reset" class="md-search__icon md-icon" aria-label"""),
    ('</div>\n<ol class="md-search-result__list"',
     '</div>\n{#- ours: the correction note -#}\n'
     '<p class="search-note" role="status" data-prefix="{{ words.t(\'Showing results for\') }}"></p>\n'
     '<ol class="md-search-result__list"'),
]


def _body(template: str) -> str:
    """The template without its leading comment, one stripped line per line."""
    template = re.sub(r"\A\s*\{#.*?#\}\s*", "", template, flags=re.S)
    return "\n".join(line.strip() for line in template.strip().splitlines()) + "\n"


HEADER_CHANGES = [
    ('{% include "partials/alternate.html" %}\n{% endif %}\n',
     '{% include "partials/alternate.html" %}\n{% endif %}\n'
     '{#- ours: the language switch -#}\n{% include "partials/language-switch.html" %}\n'),
    ('</nav>\n', '</nav>\n{#- ours: the crisis line -#}\n{% include "partials/crisis-bar.html" %}\n'),
    # Under Zensical (which names the plugin "search"), its search button,
    # with our crisis help for its dialog.
    ('{% include "partials/search.html" %}\n{% endif %}\n{% endif %}\n',
     '{% include "partials/search.html" %}\n{% endif %}\n'
     '{#- ours: Zensical\'s search, with our crisis help -#}\n{% elif "search" in config.plugins and (config.plugins["search"] | attr("config")).enabled %}\n'
     '{% include "partials/zensical-search.html" %}\n{% endif %}\n'),
]


LANGUAGE_CHANGES = [
    # Material's words from the edition's interface_language (Filipino: tl).
    ('{% import "partials/languages/" ~ config.theme.language ~ ".html" as lang %}',
     '{% macro material_language() %}{% for entry in config.extra.languages or [] if entry.code == '
     'config.theme.language %}{{ entry.interface_language or entry.code }}{% endfor %}{% endmacro %}\n'
     '{% import "partials/languages/" ~ ((material_language() | trim) or config.theme.language) ~ ".html"'
     ' as lang %}'),
    # "Not on this page", and the page's lang from theme.language.
    ('{% macro t(key) %}{{ lang.t(key) or fallback.t(key) or key }}{% endmacro %}',
     '{% import "partials/words.html" as words with context %}\n'
     '{% macro t(key) %}{% if key == "search.result.term.missing" %}{{ words.t("Not on this page") }}'
     # "4 results", not "4 matching documents" (plain words).
     '{% elif key == "search.result.none" %}{{ words.t("No results") }}'
     '{% elif key == "search.result.one" %}{{ words.t("1 result") }}'
     '{% elif key == "search.result.other" %}{{ words.t("# results") }}'
     '{% elif key == "language" %}{{ config.theme.language }}'
     '{% else %}{{ lang.t(key) or fallback.t(key) or key }}{% endif %}{% endmacro %}'),
]


@pytest.mark.parametrize("partial,changes", [("search.html", PARTIAL_CHANGES), ("header.html", HEADER_CHANGES),
                                             ("language.html", LANGUAGE_CHANGES)])
def test_partial_is_materials_plus_our_changes_only(partial, changes):
    expected = _body((MATERIAL / "partials" / partial).read_text(encoding="utf-8"))
    for theirs, ours in changes:
        assert theirs in expected, (
            f"Material's partials/{partial} no longer contains {theirs!r}: it changed in this Material "
            f"version. Copy the new file to overrides/partials/{partial} and redo our changes.")
        expected = expected.replace(theirs, ours, 1)
    actual = _body((ROOT / "overrides" / "partials" / partial).read_text(encoding="utf-8"))
    diff = "\n".join(difflib.unified_diff(expected.splitlines(), actual.splitlines(),
                                          "Material + our changes", f"overrides/partials/{partial}", lineterm=""))
    assert actual == expected, f"overrides/partials/{partial} differs from Material's plus our changes:\n" + diff


# What lazy-search.html and search.js rely on in Material's bundle, each
# with the reason. A Material upgrade that changes one fails here by name.
BUNDLE_ASSUMPTIONS = {
    "the search worker is created with `new Worker(url)` (lazy-search.html hands it a stand-in)":
        r"new Worker\(e\)",
    "the index is fetched with XMLHttpRequest (lazy-search.html holds back its send())":
        r"new XMLHttpRequest",
    "the index is search/search_index.json under the site's base":
        r'new URL\("search/search_index\.json",',
    "SETUP is {type:0,data:{config,docs,options:{suggest}}}":
        r"\{type:0,data:\{config:\w+,docs:\w+,options:\{suggest:",
    "QUERY is {type:2,data:<the query as typed>}":
        r"\{type:2,data:\w+\}",
    "the status line and the list are found as the first and last child (the note goes between)":
        r'":scope > :first-child",e\),\w+=\w+\(":scope > :last-child",e\)',
    "the status line's text is set with textContent (it stays a live region)":
        r"\w+\.textContent=\w+\.length\?\w+\(\"search\.result\.none\"\)",
    "opening search with a shortcut or ?q= clicks the toggle (lazy-search.html listens for change)":
        r'\.checked!==t&&\w+\[e\]\.click\(\)',
}


@pytest.mark.parametrize("assumption", list(BUNDLE_ASSUMPTIONS))
def test_materials_bundle_still_works_as_our_search_code_assumes(assumption):
    assert re.search(BUNDLE_ASSUMPTIONS[assumption], BUNDLE), (
        f"Material's bundle changed: {assumption} no longer holds. Check overrides/partials/lazy-search.html "
        "and docs/assets/javascripts/search.js against the new version.")

"""A `jsmin` filter for templates: inline scripts are written readable,
with comments, and shipped minified (mkdocs-minify-plugin minifies our
script files, but not scripts inside a page). Usage:

    <script>{% filter jsmin %} ... {% endfilter %}</script>

kbsite/postbuild/csp.py hashes inline scripts after the build, so it hashes the minified text.
"""

from __future__ import annotations

import jsmin
from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files


def minify(source: str) -> str:
    # quote_chars: jsmin treats backticks as string quotes only when asked.
    return jsmin.jsmin(source, quote_chars="'\"`").strip()


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    env.filters["jsmin"] = minify
    return env

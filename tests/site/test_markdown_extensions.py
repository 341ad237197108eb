"""The site's Python-Markdown extensions (kbsite/markdown/), called as any
generator would: `markdown.markdown(text, extensions=[...])`. Markdown in,
HTML out, in the style of pymdown-extensions' tests.

Here: the session's build (tests/site/). The same feature's other layers:
tests/unit/test_markdown_extensions.py."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("name", ["kbsite.markdown.footnote_backlinks", "kbsite.markdown.copy_link_buttons",
                                  "kbsite.markdown.first_use_tooltips", "kbsite.markdown.markers",
                                  "kbsite.markdown.explicit_ids"])
def test_each_extension_is_listed_in_mkdocs_yml(config, name):
    assert name in config["markdown_extensions"]

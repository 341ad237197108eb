"""Hook style (hooks/): every event handler takes its arguments
the way MkDocs' own BasePlugin declares them (the item positional, the rest
keyword-only), each one typed, so a reader sees at once what a hook touches.

Here: the session's build (tests/site/). The same feature's other layers:
tests/unit/test_hook_style.py."""

from __future__ import annotations


def test_the_markdown_extensions_are_found_by_their_entry_points(config):
    from importlib.metadata import entry_points

    points = {point.name: point for point in entry_points(group="markdown.extensions")}
    ours = [name if isinstance(name, str) else next(iter(name)) for name in config["markdown_extensions"]]
    ours = [name for name in ours if name.startswith("kbsite.")]
    assert ours, "mkdocs.yml lists the site's extensions"
    for name in ours:
        assert name in points, f"{name}: not registered in pyproject.toml (make installs it)"
        assert points[name].load().__module__ == name

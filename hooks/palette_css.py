"""Ship only the colour palettes the site uses.

Material's palette.css holds a rule set for each of its 20-odd named
primary and accent colours, whichever one a site picks. We use `custom`
colours (set in extra.css), so those rules are dead weight on every first
visit: about 1.4 KB of the 2 KB (gzip). After the build this removes the
rules of every named colour that mkdocs.yml's theme.palette does not use;
the light and dark schemes and the toggle stay as Material wrote them.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

# A rule set that styles one named colour: [data-md-color-primary=red] {...}
_NAMED_RULE = re.compile(r"\[data-md-color-(?:primary|accent)=(?P<name>[a-z-]+)\][^{}]*\{[^{}]*\}")


def colours_in_use(palette) -> set[str]:
    schemes = palette if isinstance(palette, list) else [palette]
    return {scheme.get(key, "indigo") for scheme in schemes for key in ("primary", "accent")}


def prune(css: str, keep: set[str]) -> str:
    return _NAMED_RULE.sub(lambda m: m[0] if m["name"] in keep else "", css)


def on_post_build(*, config: MkDocsConfig) -> None:
    palette = config.theme.get("palette")
    if not palette:
        return
    files = sorted(Path(config.site_dir, "assets", "stylesheets").glob("palette.*.min.css"))
    if len(files) != 1:
        raise PluginError(f"palette_css.py: expected one Material palette stylesheet in "
                          f"{config.site_dir}/assets/stylesheets, found {[f.name for f in files]}. "
                          "Material's file naming may have changed; check the hook after an upgrade.")
    # Material's own file, from the theme: a second build into the same
    # folder (`mkdocs build --dirty`) finds our pruned copy in the site.
    source = next((p for d in config.theme.dirs for p in sorted(Path(d).glob(f"assets/stylesheets/{files[0].name}"))),
                  files[0])
    css = source.read_text(encoding="utf-8")
    pruned = prune(css, colours_in_use(palette))
    if pruned == css:
        raise PluginError(f"palette_css.py: found no named-colour rules in {source}. Material's "
                          "palette stylesheet may have changed; check the hook after an upgrade.")
    files[0].write_text(pruned, encoding="utf-8")

"""Ship only the colour palettes the site uses.

Material's palette.css holds a rule set for each of its 20-odd named
primary and accent colours, whichever one a site picks. We use `custom`
colours (set in extra.css), so those rules are dead weight on every first
visit: about 1.4 KB of the 2 KB (gzip). After the build this removes the
rules of every named colour that the built pages do not set (mkdocs.yml's
theme.palette); the light and dark schemes and the toggle stay as Material
wrote them. A step of the post-build layer (kbsite.postbuild).
"""

from __future__ import annotations

import re
from pathlib import Path

from kbsite.errors import SiteError

# One rule set: its selector list (after the start, a `{` or a `}`, so never
# an at-rule's prelude) and its declarations.
_RULE = re.compile(r"(?<![^{}])(?P<selectors>[^{}@;]+)\{(?P<body>[^{}]*)\}")
# A selector that styles one named colour: [data-md-color-primary=red]
_NAMED_COLOUR = re.compile(r"\[data-md-color-(?:primary|accent)=(?P<name>[a-z-]+)\]")


def prune(css: str, keep: set[str]) -> str:
    """Drop each selector that names a colour not in `keep`, and each rule
    left with none. Whole selectors, not the attribute alone: Material
    writes `[data-md-color-scheme=slate][data-md-color-primary=red]`, and a
    scheme left behind would join the next rule's selector and change it."""
    def rule(match: re.Match) -> str:
        selectors = match["selectors"].split(",")
        kept = [s for s in selectors if all(name in keep for name in _NAMED_COLOUR.findall(s))]
        if len(kept) == len(selectors):
            return match[0]
        return f"{','.join(kept)}{{{match['body']}}}" if kept else ""
    return _RULE.sub(rule, css)


_COLOUR_ATTRIBUTE = re.compile(r"""data-md-color-(?:primary|accent)=["']?([a-z-]+)""")


def colours_in_pages(pages) -> set[str]:
    """The named colours the built pages set (Material writes the palette's
    colours on <body> and on each palette toggle)."""
    return {name for text in pages for name in _COLOUR_ATTRIBUTE.findall(text)}


def apply(site, source: Path | None = None) -> None:
    """Prune the edition's palette stylesheet. `source` is Material's own
    file, from the theme, where a generator knows it: a second build into
    the same folder (`mkdocs build --dirty`) finds our pruned copy in the
    site. Without it, the site's file is Material's (a fresh build)."""
    from kbsite.postbuild.unused_css import theme_folder

    folder = theme_folder(site)
    files = sorted(folder.glob("palette.*.min.css"))
    if not files:
        return   # no palette configured: Material ships none
    if len(files) != 1:
        raise SiteError(f"palette_css.py: expected one Material palette stylesheet in "
                        f"{site.name(folder)}, found {[f.name for f in files]}. "
                        "Material's file naming may have changed; check kbsite/postbuild/ after an upgrade.")
    if source is None and not any(files[0].name in text for text in site.pages.values()):
        return   # joined into the main stylesheet already: the step ran on this folder before
    css = (source or files[0]).read_text(encoding="utf-8")
    pruned = prune(css, colours_in_pages(site.pages.values()))
    if pruned == css:
        raise SiteError(f"palette_css.py: found no named-colour rules in {source or site.name(files[0])}. "
                        "Material's palette stylesheet may have changed (check kbsite/postbuild/ after an "
                        "upgrade), or the post-build step ran on this folder before.")
    files[0].write_text(pruned, encoding="utf-8")

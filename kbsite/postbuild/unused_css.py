"""Ship only the part of Material's stylesheet this site can use.

Material's main.css (about 23 KB gzip, a third of a page's first visit)
styles every feature Material has: content tabs, code annotations, blog
posts, cookie consent, version selectors, a dozen admonition types and
their icons. After the build, this keeps a rule only if every class, id
and attribute it requires appears somewhere in what the site ships: the
built HTML pages, the search index, and every script (Material's bundle
and search worker write some classes at run time, so their class names
are in their text). It is the approach of PurgeCSS, conservative by
design: a word anywhere in a page or script keeps every rule that needs it.
Then custom properties that nothing reads any more (the icons of unused
admonition types) are dropped.

A step of the post-build layer (kbsite.postbuild).

The site's other stylesheets (Material's palette, pruned by palette_css.py,
and our extra.css) are then appended, in the order the pages linked them,
so a first visit waits for one stylesheet request, not three: on a phone
each extra render-blocking request can cost a round trip before the first
paint. The file gets a name with its own content hash, so a browser never
pairs a cached old stylesheet with new pages; every page links it alone.
tests/browser/test_unused_css.py checks, in Chromium, that every element of every
page, with search open too, has exactly the computed style it has with
Material's whole stylesheet and the other two.
"""

from __future__ import annotations

import collections
import functools
import hashlib
import re
from pathlib import Path

import tinycss2
from kbsite.errors import SiteError

_WORD = re.compile(r"[A-Za-z0-9_-]+")
# The site's other stylesheets, joined after Material's (in the pages' order).
# Material's palette sits beside its main stylesheet; ours in assets/stylesheets/.
APPENDED = ("palette.*.min.css", "extra.min.css")
# Material's stylesheets are in assets/stylesheets/ (MkDocs) or a folder
# below it (Zensical: assets/stylesheets/modern/).
_MAIN_LINK = re.compile(r"(assets/stylesheets/(?:[\w-]+/)?)main\.[0-9a-f]{8}\.min\.css")
_APPENDED_LINK = re.compile(
    r"""<link rel=["']?stylesheet["']? href=["']?[^"' >]*assets/stylesheets/(?:[\w-]+/)?(?:palette\.[0-9a-f]{8}|extra)\.min\.css["']?\s*/?>""")


def theme_folder(site) -> Path:
    """The folder of Material's stylesheets in the built site, as its pages link them."""
    for text in site.pages.values():
        found = _MAIN_LINK.search(text)
        if found:
            return site.root / found[1]
    return site.root / "assets" / "stylesheets"
# Material's bundle names the classes of every component it can mount, so
# their words are in its text. These components only build on markup a page
# must have first: content tabs (.tabbed-set), code annotations and the
# buttons of code blocks (a <pre> code block), and the version selector
# (extra.version). Their rules stay only where a page or the search index
# has their words: 13 KB of the joined stylesheet, 2.3 KB gzip, on every
# first visit. tests/browser/test_unused_css.py holds every page's computed style.
PAGE_MARKUP_ONLY = ("tabbed-", "md-annotation", "md-code__", "md-version")

# Pseudo-classes whose argument is a list of alternatives: the selector can
# match if any alternative can. :not() never stops a selector matching.
_ANY_OF = ("is", "where", "has", "matches", "-webkit-any", "-moz-any")
_GROUPING_AT_RULES = {"media", "supports", "container", "layer", "document"}


def words_in(pages: str, scripts: str) -> set[str]:
    """The words the site ships: every word of its pages and data, and of
    its scripts all but those of PAGE_MARKUP_ONLY's components."""
    return set(_WORD.findall(pages)) | {w for w in _WORD.findall(scripts) if not w.startswith(PAGE_MARKUP_ONLY)}


def split_top_level(text: str, separator: str = ",") -> list[str]:
    """Split on `separator` outside brackets and parentheses."""
    parts, depth, current = [], 0, []
    for char in text:
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        if char == separator and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return parts


def _pseudo_groups(selector: str):
    """(name, start, end) of each top-level :name(...) group; end is past ')'."""
    for match in re.finditer(r":([-\w]+)\(", selector):
        depth, index = 1, match.end()
        while index < len(selector) and depth:
            depth += {"(": 1, ")": -1}.get(selector[index], 0)
            index += 1
        yield match[1].lower(), match.start(), index


def can_match(selector: str, used: set[str]) -> bool:
    """False only when the selector needs a class, id or attribute that
    nothing the site ships contains."""
    if "\\" in selector:  # escaped characters: keep, rather than parse them
        return True
    # Replace each :name(...) group: :not() drops out; :is()/:where()/:has()
    # stay only if one of their alternatives can match.
    rest, last = [], 0
    for name, start, end in list(_pseudo_groups(selector)):
        if start < last:  # nested inside a group already handled
            continue
        rest.append(selector[last:start])
        inner = selector[start + len(name) + 2:end - 1]
        if name in _ANY_OF and not any(can_match(alt, used) for alt in split_top_level(inner)):
            return False
        last = end
    rest.append(selector[last:])
    simple = "".join(rest)
    # Attribute selectors: only the attribute's name must occur.
    attributes = re.findall(r"\[\s*([-\w]+)", simple)
    simple = re.sub(r"\[[^\]]*\]", "", simple)
    needed = re.findall(r"[.#](-?[_a-zA-Z][-\w]*)", simple) + attributes
    return all(word in used for word in needed)


def _trim_rules(rules, used: set[str]) -> list[str]:
    kept = []
    for rule in rules:
        if rule.type == "qualified-rule":
            selectors = [s for s in split_top_level(tinycss2.serialize(rule.prelude)) if can_match(s, used)]
            if selectors:
                kept.append(",".join(s.strip() for s in selectors) + "{" + tinycss2.serialize(rule.content) + "}")
        elif rule.type == "at-rule" and rule.lower_at_keyword in _GROUPING_AT_RULES and rule.content is not None:
            inner = _trim_rules(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True), used)
            if inner:
                kept.append(f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}{{{''.join(inner)}}}")
        elif rule.type in ("at-rule", "qualified-rule"):
            kept.append(tinycss2.serialize([rule]))
        elif rule.type == "error":
            raise SiteError(f"unused_css.py: cannot parse Material's stylesheet ({rule.message}). "
                              "Check the hook after a Material upgrade.")
    return kept


def _declaration(d) -> str:
    return f"{d.name}:{tinycss2.serialize(d.value).strip()}{'!important' if d.important else ''}"


def _drop_custom_properties(rules, unread: set[str]) -> list[str]:
    kept = []
    for rule in rules:
        if rule.type == "qualified-rule":
            items = tinycss2.parse_blocks_contents(rule.content, skip_comments=True, skip_whitespace=True)
            if any(i.type not in ("declaration", ";") for i in items):  # nested rules: keep as written
                kept.append(tinycss2.serialize([rule]))
                continue
            body = ";".join(_declaration(d) for d in items if d.type == "declaration" and d.name not in unread)
            if body:
                kept.append(tinycss2.serialize(rule.prelude).strip() + "{" + body + "}")
        elif rule.type == "at-rule" and rule.lower_at_keyword in _GROUPING_AT_RULES and rule.content is not None:
            inner = _drop_custom_properties(
                tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True), unread)
            if inner:
                kept.append(f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}{{{''.join(inner)}}}")
        else:
            kept.append(tinycss2.serialize([rule]))
    return kept


def var_reads(css: str) -> set[str]:
    return set(re.findall(r"var\(\s*(--[-\w]+)", css))


def _custom_declarations(rules) -> list[tuple[str, collections.Counter]]:
    """(name, the custom properties its value reads) for each `--name:`
    declaration that _drop_custom_properties could drop."""
    found = []
    for rule in rules:
        if rule.type == "qualified-rule":
            items = tinycss2.parse_blocks_contents(rule.content, skip_comments=True, skip_whitespace=True)
            if any(i.type not in ("declaration", ";") for i in items):
                continue   # kept as written
            found += [(d.name, collections.Counter(re.findall(r"var\(\s*(--[-\w]+)", tinycss2.serialize(d.value))))
                      for d in items if d.type == "declaration" and d.name.startswith("--")]
        elif rule.type == "at-rule" and rule.lower_at_keyword in _GROUPING_AT_RULES and rule.content is not None:
            found += _custom_declarations(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True))
    return found


def drop_unread_custom_properties(css: str, read_elsewhere: set[str]) -> str:
    """Remove `--name: value` declarations that no var(--name) in this
    stylesheet reads, and that are not in `read_elsewhere`; and then those
    only they read, and so on. The stylesheet is parsed once: what reads
    what is counted, and a property whose readers are all gone goes too."""
    declared = set(re.findall(r"(?<=[{;])(--[-\w]+)\s*:", css))
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    declarations = _custom_declarations(rules)
    reads = collections.Counter(re.findall(r"var\(\s*(--[-\w]+)", css))
    keep = set(read_elsewhere)
    unread: set[str] = set()
    waiting = [name for name in declared if not reads[name] and name not in keep]
    while waiting:
        name = waiting.pop()
        if name in unread:
            continue
        unread.add(name)
        for declared_name, its_reads in declarations:
            if declared_name != name:
                continue
            for read, times in its_reads.items():
                reads[read] -= times
                if reads[read] <= 0 and read in declared and read not in keep and read not in unread:
                    waiting.append(read)
    return "".join(_drop_custom_properties(rules, unread)) if unread else css


@functools.lru_cache(maxsize=2)
def _parsed(css: str) -> tuple:
    """Material's stylesheet, parsed once for every edition of a build (the
    rules are only read). Parsing it was a fifth of a build's time."""
    return tuple(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True))


def trim(css: str, used: set[str], read_elsewhere: set[str] = frozenset()) -> str:
    """Material's stylesheet without the rules nothing in `used` (words the
    site ships) can match, and without custom properties nothing reads."""
    rules = _parsed(css)
    return drop_unread_custom_properties("".join(_trim_rules(rules, used)), read_elsewhere)


def apply(site, source: Path | None = None) -> None:
    """Trim and join one edition's stylesheets. `source` is Material's own
    main stylesheet, from the theme, where a generator knows it (see
    palette_css.apply); without it, the site's file is Material's."""
    styles = theme_folder(site)
    found = sorted(styles.glob("main.*.min.css"))
    # With the theme's file known, an earlier build's joined file may sit
    # beside Material's (`mkdocs build --dirty`); both are replaced below.
    if source is None and len(found) != 1:
        raise SiteError(f"unused_css.py: expected one Material main.*.min.css in {site.name(styles)}, "
                        f"found {[f.name for f in found]}. Check kbsite/postbuild/ after a Material upgrade.")
    original = source or found[0]
    pages = site.pages
    if source is None and not any(_APPENDED_LINK.search(text) for text in pages.values()):
        return   # joined already: the step ran on this folder before
    shipped = [*pages.values(), *(p.read_text(encoding="utf-8") for p in site.files("**/*.json"))]
    scripts = "".join(p.read_text(encoding="utf-8") for p in site.files("**/*.js"))
    other_css = "".join(p.read_text(encoding="utf-8") for p in site.files("assets/stylesheets/**/*.css")
                        if not p.name.startswith("main."))
    used = words_in("".join(shipped), scripts)
    # Other stylesheets read custom properties with var(); a script or page
    # may name one in any form (style.setProperty, getPropertyValue).
    read_elsewhere = var_reads(other_css) | set(re.findall(r"--[-\w]+", "".join(shipped)))
    css = trim(original.read_text(encoding="utf-8"), used, read_elsewhere)
    joined = [css]
    for folder, pattern in zip((styles, site.root / "assets" / "stylesheets"), APPENDED):
        matches = sorted(folder.glob(pattern))
        if len(matches) != 1:
            raise SiteError(f"unused_css.py: expected one {pattern} in {site.name(folder)}, "
                            f"found {[f.name for f in matches]}.")
        joined.append(matches[0].read_text(encoding="utf-8"))
    css = "\n".join(joined)
    digest = hashlib.sha256(css.encode("utf-8")).hexdigest()[:8]
    combined = f"main.{digest}.min.css"
    # Material's file, and any file of an earlier build into this folder.
    for stale in styles.glob("main.*.min.css*"):
        if stale.name != combined:
            stale.unlink()
    (styles / combined).write_text(css, encoding="utf-8")
    for path, text in pages.items():
        relinked = _MAIN_LINK.sub(rf"\g<1>{combined}", text)
        relinked, dropped = _APPENDED_LINK.subn("", relinked)
        # 0: a page an earlier build into this folder joined already (--dirty).
        if dropped not in (0, len(APPENDED)):
            raise SiteError(f"unused_css.py: {site.name(path)} links {dropped} of the stylesheets {APPENDED}, "
                            "not each once; check the theme's templates.")
        pages[path] = relinked

"""Keep every published link working.

permalinks.yml lists every page URL and #section anchor the site has
published. After each build this hook checks, in both directions, that
  - every listed anchor still exists on its page, or has an anchor redirect
    whose target exists, and every listed page still exists or redirects;
  - every id the site's content publishes is listed, or marked private.
It also gives each page with anchor redirects a small JSON map that
docs/assets/javascripts/site.js follows in the browser.
"""

from __future__ import annotations

import fnmatch
import html
import json
import posixpath
import re
from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError

REGISTRY = "permalinks.yml"
KEYS = {"pages", "anchor_redirects", "private"}

_ID = re.compile(r'\sid="([^"]+)"')
_HEADING = re.compile(r"^ {0,3}(#{1,6})(?!#)\s*(?P<text>.*?)(?:\s+#+)?\s*$")
_SETEXT_UNDERLINE = re.compile(r"^ {0,3}(=+|-+)\s*$")
_EXPLICIT_ID = re.compile(r"\{[^}]*#[\w-]+[^}]*\}$")
_FENCE = re.compile(r"^\s*(```|~~~)")

_registry: dict = {}
_published: dict[str, set[str]] = {}   # "/page/" -> ids in its content
_sources: dict[str, str] = {}          # "/page/" -> "docs/page.md"


def load_registry(path: Path) -> dict:
    """Read and check the registry's shape; errors name the file and field."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise PluginError(f"{path.name}: cannot read the permalink registry: {exc}") from exc
    unknown = set(data) - KEYS
    if unknown:
        raise PluginError(f"{path.name}: unknown key(s) {sorted(unknown)}. Expected only {sorted(KEYS)}.")
    pages = data.get("pages") or {}
    for url, anchors in pages.items():
        if not (isinstance(url, str) and url.startswith("/") and url.endswith("/")):
            raise PluginError(f"{path.name}: pages: {url!r} is not a page URL. Expected a path like /pain-overlap/.")
        if not isinstance(anchors, list) or not all(isinstance(a, str) for a in anchors):
            raise PluginError(f"{path.name}: pages > {url}: expected a list of section ids, got {anchors!r}.")
    redirects = data.get("anchor_redirects") or {}
    for old, new in redirects.items():
        for link in (old, new):
            if not (isinstance(link, str) and re.fullmatch(r"/([\w-]+/)*#[\w-]+", link)):
                raise PluginError(f"{path.name}: anchor_redirects: {link!r} is not a section link. "
                                  "Expected the form \"/page/#section-id\".")
    private = data.get("private") or []
    if not all(isinstance(p, str) for p in private):
        raise PluginError(f"{path.name}: private: expected a list of id patterns, got {private!r}.")
    return {"pages": pages, "anchor_redirects": redirects, "private": private}


def headings_without_ids(markdown: str) -> list[str]:
    """Headings, at any level and in either Markdown form, that lack an
    explicit {#id}. An automatic id changes whenever someone rewords the
    heading, which breaks published links."""
    missing, fenced, previous = [], False, ""
    for line in markdown.splitlines():
        if _FENCE.match(line):
            fenced = not fenced
        if fenced:
            previous = ""
            continue
        match = _HEADING.match(line)
        if match and match["text"] and not _EXPLICIT_ID.search(match["text"]):
            missing.append(line.strip())
        # "Heading" over a line of === or --- (a --- after a blank line is a rule)
        elif (_SETEXT_UNDERLINE.match(line) and previous.strip() and not _EXPLICIT_ID.search(previous.strip())
              and not previous.lstrip().startswith(("-", "*", "+", ">", "|", "<", "!!!", "???"))
              and not _HEADING.match(previous)):
            missing.append(previous.strip())
        previous = line
    return missing


def check(registry: dict, published: dict[str, set[str]], redirected_pages: set[str],
          sources: dict[str, str]) -> list[str]:
    """Every broken published link and every unlisted id, one message each."""
    errors = []

    def resolves(link: str) -> bool:
        url, _, anchor = link.partition("#")
        return url in published and (not anchor or anchor in published[url])

    for url, anchors in registry["pages"].items():
        if url not in published:
            if url not in redirected_pages:
                errors.append(
                    f"Published page {url} no longer exists. Restore it, or add a redirect for it "
                    "under plugins > redirects > redirect_maps in mkdocs.yml.")
            continue
        for anchor in anchors:
            link = f"{url}#{anchor}"
            if anchor in published[url]:
                continue
            target = registry["anchor_redirects"].get(link)
            if target is None:
                errors.append(
                    f"Published link {link} is broken: {sources[url]} has no section with id "
                    f"'{anchor}'. Put {{#{anchor}}} back on its heading, or, if the section was "
                    f"renamed or removed, add to anchor_redirects in {REGISTRY}:\n"
                    f"      \"{link}\": \"{url}#<new-id>\"")
            elif not resolves(target):
                errors.append(f"Anchor redirect {link} -> {target} in {REGISTRY} leads nowhere: "
                              f"{target} does not exist.")
    for url, ids in sorted(published.items()):
        listed = set(registry["pages"].get(url, []))
        for anchor in sorted(ids - listed):
            if not any(fnmatch.fnmatchcase(anchor, pattern) for pattern in registry["private"]):
                errors.append(
                    f"{sources[url]} publishes #{anchor}, which is not in {REGISTRY}. Add it under "
                    f"pages > {url} (clinicians may link to it), or to private if it is not a section.")
    return errors


def redirects_for_page(registry: dict, url: str) -> dict[str, str]:
    """{old-id: target} for one page, targets relative to that page."""
    result = {}
    for old, new in registry["anchor_redirects"].items():
        old_url, _, old_id = old.partition("#")
        if old_url == url:
            new_url, _, new_id = new.partition("#")
            relative = posixpath.relpath(new_url, url) + "/" if new_url != url else ""
            result[old_id] = f"{relative}#{new_id}"
    return result


def _page_key(page) -> str:
    return "/" + page.url


def on_config(config):
    _registry.clear()
    _published.clear()
    _sources.clear()
    _registry.update(load_registry(Path(config.config_file_path).parent / REGISTRY))


def on_page_markdown(markdown, page, config, files):
    missing = headings_without_ids(markdown)
    if missing:
        raise PluginError(
            f"docs/{page.file.src_uri}: these headings have no explicit id, so their links would "
            "change whenever the wording does. Add one in the form `## Heading {#short-stable-id}`:\n  "
            + "\n  ".join(missing))
    return markdown


def on_page_content(html_content, page, config, files):
    key = _page_key(page)
    _published[key] = set(_ID.findall(html_content))
    _sources[key] = "docs/" + page.file.src_uri
    redirects = redirects_for_page(_registry, key)
    if redirects:
        # Data in an attribute, not a <script>: Material's instant navigation
        # re-creates script elements, which would run JSON as code (and the
        # CSP would block it). html.escape makes the JSON a safe attribute.
        data = html.escape(json.dumps(redirects, sort_keys=True))
        html_content += f'\n<div hidden data-anchor-redirects="{data}"></div>'
    return html_content


def on_post_build(config):
    redirect_plugin = config.plugins.get("redirects")
    redirected = set()
    if redirect_plugin:
        for old in redirect_plugin.config.get("redirect_maps", {}):
            stem = old[:-3] if old.endswith(".md") else old
            stem = stem[:-5] if stem.endswith("index") else stem + "/"
            redirected.add("/" + stem.lstrip("/"))
    errors = check(_registry, _published, redirected, _sources)
    if errors:
        raise PluginError("Permalink check failed:\n  - " + "\n  - ".join(errors))

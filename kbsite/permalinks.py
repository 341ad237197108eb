"""The permalink registry (permalinks.yml): every page URL and #section
anchor the site has published, so a published link never breaks.

The registry is checked in both directions against what a built site
publishes (kbsite.postbuild.anchors, after every build):
  - every listed anchor still exists on its page, or has an anchor redirect
    whose target exists, and every listed page still exists or redirects;
  - every id the site's content publishes is listed, or marked private.
`make permalinks` records new ids (record); the source checks read its
shape (load_registry); pages with anchor redirects carry a small JSON map
(redirects_for_page) that docs/assets/javascripts/site.js follows.
"""

from __future__ import annotations

import fnmatch
import posixpath
import re
from pathlib import Path

import yaml
from mkdocs.config import base
from mkdocs.config import config_options as c

from kbsite.meta import load_yaml
from kbsite.errors import SiteError

REGISTRY = "permalinks.yml"
KEYS = {"pages", "anchor_redirects", "private"}


def page_url(src: str) -> str:
    """The URL MkDocs gives a Markdown file: "index.md" -> "/",
    "a/index.md" -> "/a/", "reindex.md" -> "/reindex/"."""
    stem = src[:-3] if src.endswith(".md") else src
    parts = [p for p in stem.strip("/").split("/") if p]
    if parts and parts[-1] == "index":
        parts.pop()
    return "/" + "".join(p + "/" for p in parts)


class _Pages(c.BaseConfigOption):
    def run_validation(self, value):
        for url, anchors in (value or {}).items():
            if not (isinstance(url, str) and url.startswith("/") and url.endswith("/")):
                raise c.ValidationError(f"{url!r} is not a page URL. Expected a path like /pain-overlap/.")
            if not isinstance(anchors, list) or not all(isinstance(a, str) for a in anchors):
                raise c.ValidationError(f"> {url}: expected a list of section ids, got {anchors!r}.")
        return value or {}


class _AnchorRedirects(c.BaseConfigOption):
    def run_validation(self, value):
        for old, new in (value or {}).items():
            for link in (old, new):
                if not (isinstance(link, str) and re.fullmatch(r"/([\w-]+/)*#[\w-]+", link)):
                    raise c.ValidationError(f"{link!r} is not a section link. Expected the form \"/page/#section-id\".")
        return value or {}


class _Patterns(c.BaseConfigOption):
    def run_validation(self, value):
        if not all(isinstance(p, str) for p in value or []):
            raise c.ValidationError(f"expected a list of id patterns, got {value!r}.")
        return value or []


class Registry(base.Config):
    """permalinks.yml, in MkDocs' config_options as front matter is."""
    pages = _Pages()
    anchor_redirects = _AnchorRedirects()
    private = _Patterns()


def load_registry(path: Path) -> dict:
    """Read and check the registry's shape (Registry); errors name the file and field."""
    try:
        data = load_yaml(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise SiteError(f"{path.name}: cannot read the permalink registry: {exc}") from exc
    unknown = set(data) - KEYS
    if unknown:
        raise SiteError(f"{path.name}: unknown key(s) {sorted(unknown)}. Expected only {sorted(KEYS)}.")
    checked = {}
    for key, option in Registry._schema:
        try:
            checked[key] = option.validate(data.get(key))
        except c.ValidationError as error:
            said = str(error)
            raise SiteError(f"{path.name}: {key}{' ' if said.startswith('>') else ': '}{said}") from None
    return checked


def headings_without_ids(markdown: str) -> list[str]:
    """The headings Python-Markdown finds without an explicit id (the source
    checks; the build uses the same extension, kbsite.markdown.explicit_ids)."""
    import markdown as python_markdown

    missing: list[str] = []
    python_markdown.Markdown(extensions=["attr_list", "toc", "pymdownx.superfences", "kbsite.markdown.explicit_ids"],
                             extension_configs={"kbsite.markdown.explicit_ids": {"report": missing.extend}}
                             ).convert(markdown)
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
                    f"{sources[url]} publishes #{anchor}, which is not in {REGISTRY}. Run `make permalinks`, "
                    f"which adds it under pages > {url} (clinicians may link to it); or, if it is not a section, "
                    f"add it to private in {REGISTRY}.")
    return errors


def unlisted(registry: dict, published: dict[str, set[str]]) -> dict[str, list[str]]:
    """{url: [ids]} the site publishes that the registry neither lists nor
    marks private, in the order the page has them."""
    found = {}
    for url, ids in published.items():
        listed = set(registry["pages"].get(url, []))
        new = [i for i in ids if i not in listed
               and not any(fnmatch.fnmatchcase(i, pattern) for pattern in registry["private"])]
        if new:
            found[url] = new
    return found


def record(text: str, new: dict[str, list[str]]) -> str:
    """permalinks.yml with new ids added under their page (a new page at the
    end of `pages:`), its comments and order kept. Nothing is removed."""
    lines = text.splitlines()
    start = lines.index("pages:")
    end = next((n for n in range(start + 1, len(lines)) if lines[n] and not lines[n].startswith(" ")), len(lines))
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1
    for url, ids in new.items():
        head = f"  {url}:"
        if head in lines[start:end]:
            at = lines.index(head, start) + 1
            while at < end and lines[at].startswith("    - "):
                at += 1
        else:
            lines[end:end] = [head]
            at = end + 1
            end += 1
        lines[at:at] = [f"    - {i}" for i in ids]
        end += len(ids)
    return "\n".join(lines) + "\n"


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

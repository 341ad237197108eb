"""The project's configuration (mkdocs.yml), read the way any generator
that understands it would: without MkDocs, with its `!ENV` tags resolved.
The editions it describes: the first language at the site's root, each
other one in <code>/, built from docs/<code>/."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import yaml

from kbsite.editions import folder
from kbsite.errors import SiteError


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):   # libyaml when there: the same YAML, faster
    pass


def _env(loader: _Loader, node: yaml.Node):
    """`!ENV [NAME, default]` or `!ENV NAME`, as MkDocs reads it."""
    names = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [loader.construct_scalar(node)]
    *variables, default = names if len(names) > 1 else (names + [None])
    return next((os.environ[name] for name in variables if name in os.environ), default)


_Loader.add_constructor("!ENV", _env)
# Python names in the config (e.g. a pymdownx emoji function) are not ours to read.
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def load(path: Path) -> dict:
    try:
        data = yaml.load(Path(path).read_text(encoding="utf-8"), Loader=_Loader)  # noqa: S506 (SafeLoader subclass)
    except (OSError, yaml.YAMLError) as exc:
        raise SiteError(f"{path}: cannot read the configuration: {exc}") from None
    if not isinstance(data, dict):
        raise SiteError(f"{path}: expected the site's configuration (a mapping), found {type(data).__name__}.")
    parent = data.pop("INHERIT", None)
    if parent:   # as MkDocs and Zensical read it: mappings merge, anything else replaces
        data = _merged(load(Path(path).parent / parent), data)
    return data


def _merged(base: dict, child: dict) -> dict:
    result = dict(base)
    for key, value in child.items():
        result[key] = _merged(result[key], value) if isinstance(value, dict) and isinstance(result.get(key), dict) \
            else value
    return result


@dataclass(frozen=True)
class Edition:
    code: str
    path: str          # "" for the first language, "es/" for another
    url: str           # its published address
    docs: str          # its source folder, e.g. "docs/es/"


def editions(config: dict, config_path: Path) -> list[Edition]:
    site_url = config.get("site_url") or ""
    if not site_url:
        raise SiteError(f"{config_path.name}: site_url is not set. The post-build steps need the site's own "
                        "address (the Content Security Policy allows scripts from it only, QR codes point to it).")
    site_url = site_url if site_url.endswith("/") else site_url + "/"
    docs = (config.get("docs_dir") or "docs").rstrip("/") + "/"
    entries = (config.get("extra") or {}).get("languages") or [{"code": (config.get("theme") or {}).get("language", "en")}]
    # An edition's own configuration (kbsite.editions.write_configs) has
    # its own address and folder: the site's are one folder up.
    code = (config.get("theme") or {}).get("language")
    if code and isinstance(entries[0], dict) and code != entries[0].get("code"):
        site_url = site_url.removesuffix(folder(code) + "/")
        docs = docs.removesuffix(folder(code) + "/")
    result = []
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict) or not isinstance(entry.get("code"), str):
            raise SiteError(f"{config_path.name}: extra.languages, entry {index + 1}: expected `{{code: ..., name: ..., "
                            "locale: ...}}`.")
        path = "" if index == 0 else folder(entry["code"]) + "/"
        result.append(Edition(entry["code"], path, site_url + path, docs + path))
    return result


def redirected_pages(config: dict) -> set[str]:
    """Page URLs ("/old/") that plugins > redirects sends elsewhere."""
    from kbsite.permalinks import page_url

    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and "redirects" in plugin:
            return {page_url(old) for old in ((plugin["redirects"] or {}).get("redirect_maps") or {})}
    return set()

"""The site in several languages: one strict build per language.

mkdocs.yml lists the languages under `extra.languages`; the first is the
site's own (English, at the site's root). After the English build, this hook
builds each other language from the same mkdocs.yml into <site>/<code>/,
changing only what a language must:

  docs_dir        docs/<code>/             the same file names, so the same URLs
  site_url        <site_url><code>/        canonical links, sitemap, CSP
  theme.language  <code>                   Material's own words, <html lang>
  search          lang: <code>             a separate index, lunr's stop words
                                           (plus the entry's `search:` options)
  snippets        includes/<code>/         the glossary and the crisis box
  nav             the English nav's files, each titled by its page's title
  edit_uri        <edit_uri><code>/        "Edit this page" opens the translation
  our words       includes/<code>/interface.yml, through `translate` (Python)
                  and partials/words.html (templates, from config.extra.interface)

Every hook runs in every build, so every check (strict links and anchors,
permalinks.yml's section ids, CSP, privacy, sizes) covers every language.
A language needs no code: a folder of pages, an includes folder, a config
entry and a search query set (CONTRIBUTING.md#add-a-language).

Why not mkdocs-static-i18n: under --strict its warning about
navigation.instant fails the build, its one search index mixes the
languages, and its [material] extra pins an older Material.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from kbsite import project
from kbsite.editions import (INTERFACE, edition_overrides, edition_path, edition_url, folder, is_translation,
                             load_interface, missing_template_words, source_docs_dir, unpaired_pages)

log = logging.getLogger("mkdocs.hooks.languages")

FIELDS = {
    "code": "a language code, e.g. `code: es` (also Material's theme.language and the folder docs/es/)",
    "name": "the language's name in that language, e.g. `name: Español`",
    "locale": "the Open Graph locale, e.g. `locale: es_US`",
}
OPTIONAL_FIELDS = {"search": "options for the search plugin in this language, e.g. `search: {separator: ...}`"}


def languages(config: MkDocsConfig) -> list[dict]:
    """extra.languages, checked (their addresses: kbsite.editions.edition_url)."""
    entries = config.extra.get("languages")
    if not isinstance(entries, list) or not entries:
        raise PluginError("mkdocs.yml: extra.languages should list the site's languages, the site's own first, "
                          "e.g.\n  languages:\n    - {code: en, name: English, locale: en_US}")
    seen = set()
    for number, entry in enumerate(entries, 1):
        where = f"mkdocs.yml: extra.languages, entry {number}"
        if not isinstance(entry, dict):
            raise PluginError(f"{where} is {entry!r}; expected a mapping with {', '.join(FIELDS)}.")
        for key in entry:
            if key not in FIELDS and key not in OPTIONAL_FIELDS:
                raise PluginError(f"{where}: unknown field {key!r}. Known fields: "
                                  f"{', '.join([*FIELDS, *OPTIONAL_FIELDS])}.")
        for key, expected in FIELDS.items():
            if not isinstance(entry.get(key), str) or not entry[key].strip():
                raise PluginError(f"{where}: field {key!r} is {entry.get(key)!r}. Expected {expected}.")
        if not isinstance(entry.get("search", {}), dict):
            raise PluginError(f"{where}: field 'search' is {entry['search']!r}. Expected {OPTIONAL_FIELDS['search']}.")
        if entry["code"] in seen:
            raise PluginError(f"{where}: the language {entry['code']!r} is listed twice.")
        seen.add(entry["code"])
    current = config.theme["language"]
    if current not in seen:
        raise PluginError(f"mkdocs.yml: theme.language is {current!r}, which extra.languages does not list.")
    return entries


def on_config(config: MkDocsConfig) -> None:
    languages(config)
    # Interface words by language, for templates (partials/words.html) and
    # for translate(): every edition has every language's words, since the
    # 404 page and crisis help speak each language.
    root = Path(config.config_file_path).parent
    config.extra["interface"] = {entry["code"]: load_interface(root / "includes" / folder(entry["code"]) / INTERFACE)
                                 for entry in config.extra["languages"][1:]}
    # The templates fall back to English for a missing word: the first
    # language's build fails instead, naming the file to add it to.
    custom_dir = config.theme.dirs[0] if config.theme.custom_dir else None
    if custom_dir and not is_translation(config):
        errors = missing_template_words(root, Path(custom_dir).relative_to(root).as_posix(),
                                        [entry["code"] for entry in config.extra["languages"][1:]])
        if errors:
            raise PluginError("Interface words:\n  " + "\n  ".join(errors))


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """The first language's build leaves the other languages' folders to
    their own builds, and checks that every page has its counterpart."""
    if is_translation(config):
        return _with_shared_assets(files, config)
    folders = [folder(entry["code"]) + "/" for entry in config.extra["languages"][1:]]
    errors = unpaired_pages([f.src_uri for f in files.documentation_pages()], folders)
    if errors:
        raise PluginError("Languages:\n  " + "\n  ".join(errors))
    for file in [f for f in files if f.src_uri.startswith(tuple(folders))]:
        files.remove(file)
    return files


def _with_shared_assets(files: Files, config: MkDocsConfig) -> Files:
    """A translation's build takes the first language's images, scripts and
    stylesheets (everything in docs/ but pages and other languages), so they
    are kept once, in docs/assets/."""
    source = source_docs_dir(config)
    folders = tuple(folder(entry["code"]) for entry in config.extra["languages"][1:])
    for path in sorted(source.rglob("*")):
        relative = path.relative_to(source)
        if (path.is_dir() or path.suffix == ".md" or relative.parts[0] in folders
                or any(part.startswith(".") for part in relative.parts)
                or files.get_file_from_path(relative.as_posix())):
            continue
        files.append(File(relative.as_posix(), str(source), config.site_dir, config.use_directory_urls))
    return files


def language_overrides(config: MkDocsConfig, entry: dict) -> dict:
    """What a language's build changes in mkdocs.yml (see the module's doc)."""
    return edition_overrides(project.load(Path(config.config_file_path)), Path(config.config_file_path).parent,
                             entry, docs_dir=Path(config.docs_dir) / folder(entry["code"]),
                             site_dir=Path(config.site_dir) / folder(entry["code"]), url=edition_url(config, entry))


class EditionsHook:
    """State of one build: the command it runs under (`mkdocs serve` or
    `build`), which each other edition's build is started with."""

    def __init__(self):
        self.command = "build"

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command

    # Last of all: the other editions are built once this one is finished,
    # post-build steps included (hooks/postbuild.py, -50).
    @event_priority(-100)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if is_translation(config):
            return
        from mkdocs.commands.build import build
        from mkdocs.config import load_config

        for entry in config.extra["languages"][1:]:
            log.info(f"Building the {entry['name']} edition into {edition_path(config, entry)}")
            edition = load_config(config_file=config.config_file_path, **language_overrides(config, entry))
            edition.plugins.on_startup(command=self.command, dirty=False)
            try:
                build(edition)
            finally:
                edition.plugins.on_shutdown()


_hook = EditionsHook()
on_startup = _hook.on_startup
on_post_build = _hook.on_post_build

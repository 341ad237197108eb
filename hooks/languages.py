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
  our words       includes/<code>/interface.yml, through `translate` (Python
                  hooks) and the `t` filter (templates)

Every hook runs in every build, so every check (strict links and anchors,
permalinks.yml's section ids, CSP, privacy, sizes) covers every language.
A language needs no code: a folder of pages, an includes folder, a config
entry and a search query set (CONTRIBUTING.md#languages).

Why not mkdocs-static-i18n: under --strict its warning about
navigation.instant fails the build, its one search index mixes the
languages, and its [material] extra pins an older Material.
"""

from __future__ import annotations

import copy
import logging
from pathlib import Path

import yaml
from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.hooks.languages")

FIELDS = {
    "code": "a language code, e.g. `code: es` (also Material's theme.language and the folder docs/es/)",
    "name": "the language's name in that language, e.g. `name: Español`",
    "locale": "the Open Graph locale, e.g. `locale: es_US`",
}
OPTIONAL_FIELDS = {"search": "options for the search plugin in this language, e.g. `search: {separator: ...}`"}
INTERFACE = "interface.yml"

_command = "build"


def languages(config: MkDocsConfig) -> list[dict]:
    """extra.languages, checked; each entry gains `url`, the absolute address
    of that language's home page, and `path`, its folder ('' for the first)."""
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
            if key not in FIELDS and key not in OPTIONAL_FIELDS and key not in ("url", "path"):
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
    # This build's site_url is the root's, or the root's plus "<code>/".
    root = config.site_url or ""
    if current != entries[0]["code"]:
        root = root[: -len(current) - 1]
    for index, entry in enumerate(entries):
        entry["path"] = "" if index == 0 else entry["code"] + "/"
        entry["url"] = root + entry["path"]
    return entries


def is_translation(config: MkDocsConfig) -> bool:
    """True in the build of any language but the first (English). A site
    without extra.languages has one language, its own."""
    entries = config.extra.get("languages")
    return bool(entries) and config.theme.get("language") != entries[0]["code"]


def source_docs_dir(config: MkDocsConfig) -> Path:
    """The first language's docs/ folder, from any language's build."""
    docs = Path(config.docs_dir)
    return docs.parent if is_translation(config) else docs


def source_path(config: MkDocsConfig, page: Page) -> str:
    """A page's file as an editor finds it, e.g. docs/es/safety.md."""
    root = Path(config.config_file_path).parent
    try:
        return Path(page.file.abs_src_path).relative_to(root).as_posix()
    except (TypeError, ValueError):
        return f"docs/{page.file.src_uri}"


def load_interface(path: Path) -> dict[str, object]:
    """includes/<code>/interface.yml: English text -> its translation."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise PluginError(f"{path}: missing. Each language but the first needs its interface words here: "
                          "English text, a colon, the translation.") from None
    except yaml.YAMLError as exc:
        raise PluginError(f"{path}: not valid YAML: {exc}") from None
    if not isinstance(data, dict):
        raise PluginError(f"{path}: expected lines of `English text: translation`, found {type(data).__name__}.")
    for key, value in data.items():
        if not isinstance(key, str) or not (isinstance(value, str) and value.strip()
                                            or isinstance(value, list) and all(isinstance(v, str) for v in value)):
            raise PluginError(f"{path}: {key!r}: {value!r} is not `English text: translation`.")
    return data


def _yaml_key(text: str) -> str:
    """`text` as a YAML key, quoted when YAML needs it."""
    dumped = yaml.safe_dump({text: 0}, allow_unicode=True, width=10_000)
    return dumped.rsplit(":", 1)[0]


def translate(config: MkDocsConfig, text: str, code: str | None = None) -> str:
    """`text` in this build's language, or in language `code` (the 404 page
    speaks every language). The first language returns it as it is; another
    fails loudly when its interface.yml lacks it."""
    code = code or config.theme["language"]
    if code == config.extra["languages"][0]["code"]:
        return text
    if code not in config.extra["interface"]:
        config.extra["interface"][code] = load_interface(
            Path(config.config_file_path).parent / "includes" / code / INTERFACE)
    strings = config.extra["interface"][code]
    if text not in strings:
        raise PluginError(f"includes/{code}/{INTERFACE}: no translation for {text!r}. Add a line:\n"
                          f"  {_yaml_key(text)}: <the {code} text>")
    return strings[text]


def alternates(config: MkDocsConfig, page: Page | None) -> list[dict]:
    """The page in every language: code, name, absolute url, and href, a link
    relative to this page that also works on a local preview."""
    if page is None or not getattr(page, "file", None) or page.url is None:
        return []
    depth = page.url.count("/")
    up = "../" * depth + ("../" if is_translation(config) else "")
    return [{"code": entry["code"], "name": entry["name"], "locale": entry["locale"],
             "current": entry["code"] == config.theme["language"],
             "url": entry["url"] + page.url, "href": (up + entry["path"] + page.url) or "./"}
            for entry in config.extra["languages"]]


def on_startup(*, command: str, dirty: bool) -> None:
    global _command
    _command = command


def on_config(config: MkDocsConfig) -> None:
    languages(config)
    # Interface words by language, read when first needed (translate).
    config.extra["interface"] = {}


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """The first language's build leaves the other languages' folders to
    their own builds, and checks that every page has its counterpart."""
    if is_translation(config):
        return _with_shared_assets(files, config)
    folders = [entry["code"] + "/" for entry in config.extra["languages"][1:]]
    errors = unpaired_pages([f.src_uri for f in files.documentation_pages()], folders)
    if errors:
        raise PluginError("Languages:\n  " + "\n  ".join(errors))
    for file in [f for f in files if f.src_uri.startswith(tuple(folders))]:
        files.remove(file)
    return files


def unpaired_pages(src_uris: list[str], folders: list[str]) -> list[str]:
    """One message per page without its translation in a language folder
    ("es/"), and per translation without its English page."""
    pages = {uri for uri in src_uris if not uri.startswith(tuple(folders))}
    errors = []
    for folder in folders:
        translated = {uri[len(folder):] for uri in src_uris if uri.startswith(folder)}
        errors += [f"docs/{folder}{name} is missing: every page in docs/ needs its translation there, "
                   "with the same file name (the same URL and section ids)." for name in sorted(pages - translated)]
        errors += [f"docs/{folder}{name} has no English page docs/{name}: translate an existing page, or add the "
                   "English page first." for name in sorted(translated - pages)]
    return errors


def _with_shared_assets(files: Files, config: MkDocsConfig) -> Files:
    """A translation's build takes the first language's images, scripts and
    stylesheets (everything in docs/ but pages and other languages), so they
    are kept once, in docs/assets/."""
    source = source_docs_dir(config)
    folders = tuple(entry["code"] for entry in config.extra["languages"][1:])
    for path in sorted(source.rglob("*")):
        relative = path.relative_to(source)
        if (path.is_dir() or path.suffix == ".md" or relative.parts[0] in folders
                or any(part.startswith(".") for part in relative.parts)
                or files.get_file_from_path(relative.as_posix())):
            continue
        files.append(File(relative.as_posix(), str(source), config.site_dir, config.use_directory_urls))
    return files


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    env.filters["t"] = lambda text, code=None: translate(config, text, code)
    env.globals["alternates"] = lambda page: alternates(config, page)
    env.globals["language"] = next(e for e in config.extra["languages"] if e["code"] == config.theme["language"])
    return env


def language_overrides(config: MkDocsConfig, entry: dict) -> dict:
    """What a language's build changes in mkdocs.yml (see the module's doc)."""
    from mkdocs.utils.yaml import yaml_load

    with open(config.config_file_path, "rb") as source:
        raw = yaml_load(source)
    code = entry["code"]
    strings = load_interface(Path(config.config_file_path).parent / "includes" / code / INTERFACE)

    theme = {**raw["theme"], "language": code}
    plugins = []
    for plugin in raw.get("plugins", []):
        name, options = (plugin, {}) if isinstance(plugin, str) else next(iter(plugin.items()))
        if name == "search":
            options = {**(options or {}), "lang": code, **entry.get("search", {})}
        plugins.append({name: options})

    def translated(value):
        # String options of Markdown extensions that readers see (the
        # permalink's title, the footnote back-link's) are interface words.
        if isinstance(value, str) and value in strings:
            return strings[value]
        return value

    extensions = []
    for extension in raw.get("markdown_extensions", []):
        name, options = (extension, None) if isinstance(extension, str) else next(iter(extension.items()))
        if isinstance(options, dict):
            options = {key: translated(value) for key, value in copy.deepcopy(options).items()}
            if name == "pymdownx.snippets":
                options["base_path"] = [f"{base}/{code}" for base in options.get("base_path") or ["."]]
        extensions.append({name: options} if options is not None else name)

    def required(text):
        if text not in strings:
            raise PluginError(f"includes/{code}/{INTERFACE}: no translation for {text!r}. Add a line:\n"
                              f"  {_yaml_key(text)}: <the {code} text>")
        return strings[text]

    def translated_nav(items):
        """The English nav's files, each titled by its translated page's own
        title; a section keeps its place, titled from interface.yml."""
        nav = []
        for item in items:
            title, target = next(iter(item.items())) if isinstance(item, dict) else (None, item)
            if isinstance(target, str):
                nav.append(target)
            elif isinstance(target, list) and title:
                nav.append({required(title): translated_nav(target)})
            else:
                raise PluginError(f"mkdocs.yml: nav: {item!r} is neither `Title: file.md` nor a section "
                                  "`Title: [...]` of them.")
        return nav

    nav = translated_nav(raw.get("nav", []))

    return {
        "site_name": required(raw["site_name"]),
        "site_description": required(" ".join(raw.get("site_description", "").split())),
        "docs_dir": str(Path(config.docs_dir) / code),
        "site_dir": str(Path(config.site_dir) / code),
        "site_url": entry["url"],
        "edit_uri": (raw.get("edit_uri") or "") + code + "/" if raw.get("edit_uri") else None,
        "theme": theme,
        "plugins": plugins,
        "markdown_extensions": extensions,
        "nav": nav,
    }


# Last of all: the other editions are built once this one is finished,
# post-build steps included (hooks/postbuild.py, -50).
@event_priority(-100)
def on_post_build(*, config: MkDocsConfig) -> None:
    if is_translation(config):
        return
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    for entry in config.extra["languages"][1:]:
        log.info(f"Building the {entry['name']} edition into {entry['path']}")
        edition = load_config(config_file=config.config_file_path, **language_overrides(config, entry))
        edition.plugins.on_startup(command=_command, dirty=False)
        try:
            build(edition)
        finally:
            edition.plugins.on_shutdown()

"""The site's editions: the first language at the site's root, each other
one built from docs/<code>/ and includes/<code>/ into /<code>/, with the same
page URLs and section ids (mkdocs.yml: extra.languages, checked by
`languages` below; kbsite.mkdocs_build builds them one after another).

What every layer needs of them, for any generator's configuration object
with MkDocs' fields (extra, theme, docs_dir, config_file_path): which
edition a build is, the file an editor opens for a page, the interface
words of a language (includes/<code>/interface.yml), and the same page in
every language.

Each edition is built from the same mkdocs.yml, changing only what a language
must (edition_overrides): docs_dir docs/<folder>/ (the same file names, so
the same URLs), site_url, theme.language, the search language, the snippets
folder includes/<folder>/, the nav's titles and edit_uri. Every layer runs in
every edition's build, so every check covers every language.

Why not mkdocs-static-i18n: under --strict its warning about
navigation.instant fails the build, its one search index mixes the
languages, and its [material] extra pins an older Material.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import yaml
from mkdocs.config import base
from mkdocs.config import config_options as c

from kbsite.meta import load_yaml
from kbsite.errors import SiteError

INTERFACE = "interface.yml"


FIELDS = {
    "code": "a language code, e.g. `code: es` (also Material's theme.language and the folder docs/es/)",
    "name": "the language's name in that language, e.g. `name: Español`",
    "locale": "the Open Graph locale, e.g. `locale: es_US`",
}
OPTIONAL_FIELDS = {
    "search": "options for the search plugin in this language, e.g. `search: {separator: ...}`",
    # Material names some languages otherwise than the page's lang should:
    # it ships Filipino's interface words as Tagalog (tl), while the city
    # and the issue call the language Filipino (fil), as BCP 47 does.
    "interface_language": "the name of Material's interface words for this language where it is not `code`: "
                          "a file in Material's partials/languages/, e.g. `interface_language: tl` (Tagalog) "
                          "for `code: fil`",
}


class _Entry(c.BaseConfigOption):
    """An option of a language entry: its value, or "is <value>"."""

    def __init__(self, test, optional: bool = False):
        super().__init__()
        self.test, self.optional = test, optional

    def run_validation(self, value):
        if value is None and self.optional:
            return value
        if not self.test(value):
            raise c.ValidationError(f"is {value!r}")
        return value


def _text(value) -> bool:
    return isinstance(value, str) and bool(value.strip())


class LanguageEntry(base.Config):
    """One entry of extra.languages (FIELDS, OPTIONAL_FIELDS say what each is)."""
    code = _Entry(_text)
    name = _Entry(_text)
    locale = _Entry(_text)
    search = _Entry(lambda value: isinstance(value, dict), optional=True)
    interface_language = _Entry(lambda value: isinstance(value, str)
                                and re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]+)*", value) is not None, optional=True)


def languages(config) -> list[dict]:
    """extra.languages, checked against LanguageEntry, in MkDocs'
    config_options as front matter is (their addresses: edition_url)."""
    entries = config.extra.get("languages")
    if not isinstance(entries, list) or not entries:
        raise SiteError("mkdocs.yml: extra.languages should list the site's languages, the site's own first, "
                        "e.g.\n  languages:\n    - {code: en, name: English, locale: en_US}")
    expected = {**FIELDS, **OPTIONAL_FIELDS}
    seen = set()
    for number, entry in enumerate(entries, 1):
        where = f"mkdocs.yml: extra.languages, entry {number}"
        if not isinstance(entry, dict):
            raise SiteError(f"{where} is {entry!r}; expected a mapping with {', '.join(FIELDS)}.")
        for key in entry:
            if key not in expected:
                raise SiteError(f"{where}: unknown field {key!r}. Known fields: {', '.join(expected)}.")
        for key, option in LanguageEntry._schema:
            try:
                option.validate(entry.get(key))
            except c.ValidationError:
                raise SiteError(f"{where}: field {key!r} is {entry.get(key)!r}. Expected {expected[key]}.") from None
        if entry["code"] in seen:
            raise SiteError(f"{where}: the language {entry['code']!r} is listed twice.")
        seen.add(entry["code"])
    current = config.theme["language"]
    if current not in seen:
        raise SiteError(f"mkdocs.yml: theme.language is {current!r}, which extra.languages does not list.")
    return entries


def folder(code: str) -> str:
    """An edition's folder (docs/<folder>/, includes/<folder>/) and the path
    of its URLs (/<folder>/): its language code in lower case, since URLs
    are case-sensitive and ours are lower case ("zh-Hant" -> "zh-hant").
    The code itself, as written, is the page's lang and hreflang."""
    return code.lower()


def is_translation(config) -> bool:
    """True in the build of any language but the first (English). A site
    without extra.languages has one language, its own."""
    entries = config.extra.get("languages")
    return bool(entries) and config.theme.get("language") != entries[0]["code"]


def source_docs_dir(config) -> Path:
    """The first language's docs/ folder, from any language's build."""
    docs = Path(config.docs_dir)
    return docs.parent if is_translation(config) else docs


def source_path(config, page) -> str:
    """A page's file as an editor finds it, e.g. docs/es/safety.md."""
    root = Path(config.config_file_path).parent
    try:
        return Path(page.file.abs_src_path).relative_to(root).as_posix()
    except (TypeError, ValueError):
        return f"docs/{page.file.src_uri}"


def load_interface(path: Path) -> dict[str, object]:
    """includes/<code>/interface.yml: English text -> its translation."""
    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SiteError(f"{path}: missing. Each language but the first needs its interface words here: "
                          "English text, a colon, the translation.") from None
    except yaml.YAMLError as exc:
        raise SiteError(f"{path}: not valid YAML: {exc}") from None
    if not isinstance(data, dict):
        raise SiteError(f"{path}: expected lines of `English text: translation`, found {type(data).__name__}.")
    for key, value in data.items():
        if not isinstance(key, str) or not (isinstance(value, str) and value.strip()
                                            or isinstance(value, list) and all(isinstance(v, str) for v in value)):
            raise SiteError(f"{path}: {key!r}: {value!r} is not `English text: translation`.")
    return data


@functools.lru_cache(maxsize=32)
def _interface_as_of(path: Path, mtime_ns: int) -> dict[str, object]:
    """load_interface, once per version of the file (a page asks for several
    words; `mkdocs serve` rereads the file once it changes)."""
    return load_interface(path)


def yaml_key(text: str) -> str:
    """`text` as a YAML key, quoted when YAML needs it."""
    dumped = yaml.safe_dump({text: 0}, allow_unicode=True, width=10_000)
    return dumped.rsplit(":", 1)[0]


def translate(config, text: str, code: str | None = None) -> str:
    """`text` in this build's language, or in language `code` (the 404 page
    speaks every language). The first language returns it as it is; another
    fails loudly when its interface.yml lacks it."""
    code = code or config.theme["language"]
    if code == config.extra["languages"][0]["code"]:
        return text
    strings = (config.extra.get("interface") or {}).get(code)   # Zensical's generated configuration
    if strings is None:
        path = Path(config.config_file_path).parent / "includes" / folder(code) / INTERFACE
        strings = _interface_as_of(path, path.stat().st_mtime_ns if path.exists() else 0)
    if text not in strings:
        raise SiteError(f"includes/{folder(code)}/{INTERFACE}: no translation for {text!r}. Add a line:\n"
                          f"  {yaml_key(text)}: <the {code} text>")
    return strings[text]


def edition_path(config, entry: dict) -> str:
    """An edition's folder in the site: "" for the first language, "es/" for another."""
    return "" if entry["code"] == config.extra["languages"][0]["code"] else folder(entry["code"]) + "/"


def edition_url(config, entry: dict) -> str:
    """An edition's address, from any edition's build: this build's
    site_url is the root's, or the root's plus its own folder."""
    root = config.site_url or ""
    if is_translation(config):
        root = root[: -len(folder(config.theme["language"])) - 1]
    return root + edition_path(config, entry)


def alternates(config, page) -> list[dict]:
    """The page in every language: code, name, absolute url, and href, a link
    relative to this page that also works on a local preview."""
    if page is None or not getattr(page, "file", None) or page.url is None:
        return []
    return [{"code": entry["code"], "name": entry["name"], "locale": entry["locale"],
             "current": entry["code"] == config.theme["language"],
             "url": edition_url(config, entry) + page.url,
             "href": page_href(page.url, is_translation(config), edition_path(config, entry))}
            for entry in config.extra["languages"]]


def page_href(url: str, from_translation: bool, to_edition: str) -> str:
    """A link from the page at `url` ("safety/") of one edition to the same
    page of the edition in folder `to_edition` ("" or "es/"): up to the
    edition's root, up once more from a translation, then down again, so it
    also works on a local preview."""
    return ("../" * url.count("/") + ("../" if from_translation else "") + to_edition + url) or "./"


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


def files_of_other_editions(config, pages: list[str], files: list[str]) -> list[str]:
    """The first language's build: the files (of `files`, by src_uri) that
    belong to the other editions' builds, after a check that every page
    (`pages`) has its counterpart in every language."""
    prefixes = tuple(folder(entry["code"]) + "/" for entry in config.extra["languages"][1:])
    errors = unpaired_pages(pages, list(prefixes))
    if errors:
        raise SiteError("Languages:\n  " + "\n  ".join(errors))
    return [uri for uri in files if uri.startswith(prefixes)]


def shared_files(config, have: set[str]) -> list[str]:
    """A translation's build: the first language's images, scripts and
    stylesheets it lacks (by src_uri in source_docs_dir), kept once in docs/assets/."""
    source = source_docs_dir(config)
    folders = {folder(entry["code"]) for entry in config.extra["languages"][1:]}
    found = []
    for path in sorted(source.rglob("*")):
        relative = path.relative_to(source)
        if not (path.is_dir() or path.suffix == ".md" or relative.parts[0] in folders
                or any(part.startswith(".") for part in relative.parts) or relative.as_posix() in have):
            found.append(relative.as_posix())
    return found


GENERATED = ".edition.{code}.yml"


def write_configs(config_file: Path, *, site_dir: Path | None = None, site_url: str | None = None,
                  name: str = GENERATED, exclude_other_editions: bool = False) -> list[tuple[str, Path]]:
    """Each edition's configuration, written beside `config_file` (where
    its relative paths mean what they mean in it): INHERIT it, plus what the
    edition changes (edition_overrides; only its folder and address for the
    first language), plus every language's interface words as
    extra.interface, which the templates read (partials/words.html) under
    any generator. `site_dir` and `site_url` move the whole site (a test's
    folder, `serve`'s address); `name` makes the files' names (a build in
    progress writes its own, so two builds of one project never share one).
    `exclude_other_editions`: the first language's build leaves out the
    other editions' folders by exclude_docs (for a generator that runs no
    adapter; MkDocs' adapter removes them itself, once it has checked that
    every page has its translations). Returns (code, path) for each edition,
    the first language first."""
    from kbsite import project
    from kbsite.page_context import edition_contexts

    config_file = Path(config_file)
    root = config_file.parent
    raw = project.load(config_file)
    found = project.editions({**raw, "site_url": site_url or raw.get("site_url")}, config_file)
    site = Path(site_dir) if site_dir is not None else Path(raw.get("site_dir") or "site")
    interface = {e.code: load_interface(root / "includes" / e.path / INTERFACE) for e in found[1:]}
    written = []
    for index, edition in enumerate(found):
        overrides = {"site_dir": str(site / edition.path), "site_url": edition.url}
        if not index and exclude_other_editions:
            overrides["exclude_docs"] = "".join(f"/{other.path}\n" for other in found[1:])
        if index:
            entry = next(e for e in raw["extra"]["languages"] if e["code"] == edition.code)
            overrides = {key: value for key, value in edition_overrides(
                raw, root, entry, docs_dir=Path(raw.get("docs_dir") or "docs") / edition.path,
                site_dir=site / edition.path, url=edition.url).items() if value is not None}
        # What each page's template shows beyond its HTML (review dates, the
        # translation note): in the configuration, for any generator's templates.
        page_contexts = edition_contexts(
            root / edition.docs, edition.code, skip=tuple(other.path for other in found[1:]) if not index else (),
            english_docs=root / found[0].docs if index else None,
            english={"code": found[0].code, "name": raw["extra"]["languages"][0]["name"]} if index else None)
        overrides["markdown_extensions"] = with_markers_options(
            overrides.get("markdown_extensions") or raw.get("markdown_extensions") or [], raw,
            nav=overrides.get("nav") or raw.get("nav") or [], docs_dir=edition.docs, url=edition.url,
            language=edition.code)
        path = root / name.format(code=edition.code)
        path.write_text("# Written by kbsite/editions.py (write_configs); not an editor's file.\n"
                        + yaml.safe_dump({"INHERIT": config_file.name, **overrides,
                                          "extra": {"interface": interface, "page_context": page_contexts}},
                                         allow_unicode=True, sort_keys=False), encoding="utf-8")
        written.append((edition.code, path))
    return written


def _nav_pages(items) -> list[list]:
    """The nav's pages in order, as [file, its title in the nav or None]."""
    pages = []
    for item in items:
        title, target = next(iter(item.items())) if isinstance(item, dict) else (None, item)
        if isinstance(target, list):
            pages += _nav_pages(target)
        elif isinstance(target, str) and target.endswith(".md"):
            pages.append([target, title])
    return pages


def with_markers_options(extensions: list, raw: dict, *, nav: list, docs_dir: str, url: str, language: str) -> list:
    """The Markdown extensions, with what kbsite.markdown.markers takes from
    elsewhere in the configuration for this edition: the clinic and the
    repository (as read, so a file that INHERITs mkdocs.yml and changes
    extra.clinic is followed, where a YAML alias would not be), the pages,
    folder and address the clinicians' table lists, and the edition's
    language and the site's languages, for the theme's partials."""
    import copy

    result = []
    for extension in copy.deepcopy(extensions):
        name = extension if isinstance(extension, str) else next(iter(extension))
        if name == "kbsite.markdown.markers":
            options = {} if isinstance(extension, str) else dict(extension[name] or {})
            options.update(clinic=(raw.get("extra") or {}).get("clinic") or {}, repo_url=raw.get("repo_url") or "",
                           pages=_nav_pages(nav), docs_dir=docs_dir.rstrip("/"), site_url=url,
                           language=language, languages=(raw.get("extra") or {}).get("languages") or [],
                           booking_page=(raw.get("extra") or {}).get("booking_page") or "booking.md")
            extension = {name: options}
        result.append(extension)
    return result


def main(argv: list[str] | None = None) -> int:
    """`python -m kbsite.editions configs [mkdocs.yml]`: each edition's
    configuration, as a generator that builds the editions one by one reads
    them (the MkDocs adapter: kbsite.mkdocs_build; Zensical: kbsite.zensical)."""
    import sys

    args = sys.argv[1:] if argv is None else argv
    if not args or args[0] != "configs":
        print("usage: python -m kbsite.editions configs [CONFIG_FILE]", file=sys.stderr)
        return 2
    try:
        for code, path in write_configs(Path(args[1] if len(args) > 1 else "mkdocs.yml")):
            print(f"{code}\t{path}")
    except SiteError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


# A template's request for an interface word: words.t("text") or
# words.t('text', code), in partials/words.html's form.
_TEMPLATE_WORD = re.compile(r"""words\.t\(\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)')""")


def template_words(theme_dir: Path) -> dict[str, list[str]]:
    """{English text: [templates that ask for it]} in a theme folder."""
    found: dict[str, list[str]] = {}
    for path in sorted(theme_dir.rglob("*")):
        if path.suffix in (".html", ".xml") and path.is_file():
            for match in _TEMPLATE_WORD.finditer(path.read_text(encoding="utf-8")):
                text = (match[1] if match[1] is not None else match[2]).replace('\\"', '"').replace("\\'", "'")
                found.setdefault(text, []).append(path.relative_to(theme_dir.parent).as_posix())
    return found


def missing_template_words(root: Path, theme_dir: str, codes: list[str]) -> list[str]:
    """One message per interface word a template asks for that a
    translation's includes/<code>/interface.yml lacks. The templates fall
    back to English (partials/words.html), so this check is what keeps an
    edition from showing English words."""
    wanted = template_words(root / theme_dir)
    errors = []
    for code in codes:
        path = root / "includes" / folder(code) / INTERFACE
        try:
            strings = load_interface(path)
        except SiteError as error:
            errors.append(str(error))
            continue
        for text, templates in wanted.items():
            if text not in strings:
                errors.append(f"includes/{folder(code)}/{INTERFACE}: no translation for {text!r}, which "
                              f"{', '.join(dict.fromkeys(templates))} shows. Add a line:\n  {yaml_key(text)}: <the {code} text>")
    return errors


def edition_overrides(raw: dict, root: Path, entry: dict, *, docs_dir: Path, site_dir: Path, url: str) -> dict:
    """What the edition of `entry` (an item of extra.languages) changes in
    the site's configuration `raw` (mkdocs.yml as read, kbsite.project.load):
    its folders and address, Material's language, the search language, the
    snippets folder includes/<code>/, the interface words in Markdown
    extensions' options, the site's name and the nav's titles. Any generator
    that reads mkdocs.yml builds the edition from it (hooks/knowledge_base.py
    for MkDocs; tests/projects/test_zensical.py writes it out for Zensical)."""
    import copy

    code = entry["code"]
    strings = load_interface(root / "includes" / folder(code) / INTERFACE)

    # theme.language is the page's lang (and which edition a template is
    # in); partials/language.html reads Material's words from the entry's
    # interface_language where it names one.
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
            # Folders to read from (pymdownx.snippets, kbsite.markdown.markers): the edition's own.
            if name == "pymdownx.snippets" or "base_path" in options:
                options["base_path"] = [f"{base}/{folder(code)}" for base in options.get("base_path") or ["."]]
        extensions.append({name: options} if options is not None else name)

    def required(text):
        if text not in strings:
            raise SiteError(f"includes/{folder(code)}/{INTERFACE}: no translation for {text!r}. Add a line:\n"
                              f"  {yaml_key(text)}: <the {code} text>")
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
                raise SiteError(f"mkdocs.yml: nav: {item!r} is neither `Title: file.md` nor a section "
                                  "`Title: [...]` of them.")
        return nav

    nav = translated_nav(raw.get("nav", []))

    return {
        "site_name": required(raw["site_name"]),
        "site_description": required(" ".join(raw.get("site_description", "").split())),
        "docs_dir": str(docs_dir),
        "site_dir": str(site_dir),
        "site_url": url,
        "edit_uri": (raw.get("edit_uri") or "") + folder(code) + "/" if raw.get("edit_uri") else None,
        "theme": theme,
        "plugins": plugins,
        "markdown_extensions": extensions,
        "nav": nav,
    }


if __name__ == "__main__":
    raise SystemExit(main())

"""search/crisis.json in each edition: what crisis.js needs to show crisis
help in the search panel (docs/assets/javascripts/crisis.js).

  page        the edition's language, whose help comes first;
  languages   every language's lexicon (crisis-words.yml, checked by
              kbsite.crisis_words): every edition checks every language;
  simplified  "简繁简繁…": the Simplified form of each Chinese character
              of the lexicons, with the Traditional one they use (OpenCC's
              table, read at build time), so 自杀 reads as 自殺;
  help        the crisis help in each of the site's languages, as its
              pages show it: includes/<folder>/crisis-help.md, rendered
              (ids made the search panel's own, the language marked);
  model       the crisis model (crisis-model.json, kbsite.crisis_model),
              which reads phrasings no rule foresaw: its weights, without
              its notes on how it was trained;
  more        the crisis section of the edition's crisis page
              (extra.crisis_page, "mental-health.md#crisis-help"): its
              address and title, the first link under detected help.

A file of its own, not a part of the generator's search index, so the
same step serves a MkDocs build and a Zensical one. It loads when the
reader opens search, so none of it weighs on a page's first view.

A step of the post-build layer (kbsite.postbuild).
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import markdown

from kbsite import crisis_model, crisis_words, project
from kbsite.editions import folder
from kbsite.errors import SiteError

FILE = "search/crisis.json"
HELP_SNIPPET = "crisis-help.md"
DEFAULT_CRISIS_PAGE = "mental-health.md#crisis-help"
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]")
_H1 = re.compile(r"<h1\b[^>]*>(?P<title>.*?)</h1>", re.S)   # the page as minified (attributes may be unquoted)


def help_html(snippet: Path, code: str) -> str:
    """The crisis box of includes/<folder>/crisis-help.md, as the search
    panel shows it: the page's id made the panel's own for this language
    (one panel may show two languages' help), and its language marked."""
    if not snippet.is_file():
        raise SiteError(f"{snippet}: missing. Every language's crisis help is in includes/<folder>/{HELP_SNIPPET}; "
                        "copy the English one (includes/crisis-help.md) and translate it.")
    rendered = markdown.markdown(snippet.read_text(encoding="utf-8"), extensions=["attr_list", "md_in_html"])
    own = f"search-crisis-title-{code}"
    rendered = rendered.replace('id="crisis-help-title"', f'id="{own}"').replace(
        'aria-labelledby="crisis-help-title"', f'aria-labelledby="{own}"')
    rendered = re.sub(r'\s(?:id="crisis-help"|data-search-exclude(?:="[^"]*")?)', "", rendered)
    if f'id="{own}"' not in rendered or "<aside" not in rendered:
        raise SiteError(f"{snippet}: expected an <aside class=\"crisis-help\" ...> with a title "
                        "<p id=\"crisis-help-title\">, as in includes/crisis-help.md.")
    rendered = rendered.replace("<aside ", f'<aside lang="{code}" ', 1)
    return re.sub(r"\s+", " ", re.sub(r">\s+<", "><", rendered)).strip()


def simplified_pairs(lists: dict) -> str:
    """'简繁…': each Chinese character of the lexicons (their classes and
    ordinary expressions: 杀死脑细胞 is 殺死腦細胞) that has another
    Simplified form, that form first. Empty when the lexicons have none."""
    texts = [text for data in lists.values()
             for entries in [*data["classes"].values(), data.get("ordinary") or []] for text in entries]
    chars = sorted({ch for text in texts for ch in _HAN.findall(text)})
    if not chars:
        return ""
    import opencc   # only a lexicon with Chinese needs it (requirements.in)

    to_simplified = opencc.OpenCC("t2s")
    pairs = {}
    for char in chars:
        simple = to_simplified.convert(char)
        if simple != char and len(simple) == 1 and simple not in chars:
            pairs.setdefault(simple, char)
    return "".join(s + t for s, t in sorted(pairs.items()))


def _compact(data: dict) -> dict:
    """A language's lists as crisis.js reads them, in fewer bytes: each list
    one string, an entry a line (every edition carries every language)."""
    return {**data, "filler": "\n".join(data["filler"]), "ordinary": "\n".join(data["ordinary"]),
            "spelled": "\n".join(data["spelled"]),
            "letters": "\n".join(data["letters"]),
            "classes": {name: "\n".join(entries) for name, entries in data["classes"].items()}}


def crisis_page(config: dict) -> tuple[str, str]:
    """extra.crisis_page as (page file, section id)."""
    value = (config.get("extra") or {}).get("crisis_page", DEFAULT_CRISIS_PAGE)
    page, _, section = str(value).partition("#")
    if not page.endswith(".md") or not section:
        raise SiteError(f"mkdocs.yml: extra.crisis_page is {value!r}; it should name the page whose crisis section "
                        f"detected help links to, with the section's id, e.g. crisis_page: {DEFAULT_CRISIS_PAGE}.")
    return page, section


def crisis_data(root: Path, config: dict, code: str, site_root: Path) -> dict:
    """The contents of one edition's search/crisis.json (see the module's
    head). `root` is the project's folder, `site_root` the edition's built
    folder."""
    lists = crisis_words.load(root / crisis_words.DATA_FILE)
    codes = [e.code for e in project.editions(config, root / "mkdocs.yml")]
    missing = crisis_words.missing_languages(lists, codes)
    if missing:
        raise SiteError("\n".join(missing))
    helps = {}
    for index, other in enumerate(codes):
        includes = root / "includes" / ("" if index == 0 else folder(other))
        helps[other] = help_html(includes / HELP_SNIPPET, other)
    page, section = crisis_page(config)
    url = "" if page == "index.md" else page[: -len(".md")] + "/"
    built = site_root / url / "index.html"
    text = built.read_text(encoding="utf-8") if built.is_file() else ""
    if not re.search(rf"""\bid=["']?{re.escape(section)}(?=["'\s>])""", text):
        raise SiteError(f"{built}: no section with id {section!r}, which extra.crisis_page ({page}#{section}) names: "
                        f"detected crisis help links to it. Include the crisis box there (--8<-- \"{HELP_SNIPPET}\"), "
                        "or set extra.crisis_page to a page that has it.")
    title = _H1.search(text)
    title_text = re.sub(r"<(a|button)\b[^>]*>.*?</\1>", "", title["title"], flags=re.S) if title else ""
    return {
        "page": code,
        "languages": {lang: _compact(data) for lang, data in lists.items()},
        "simplified": simplified_pairs(lists),
        "help": helps,
        "model": crisis_model.shipped(crisis_model.load(root / crisis_model.MODEL.name)),
        "more": {"location": f"{url}#{section}",
                 "title": html.unescape(re.sub(r"<[^>]+>", "", title_text)).strip()},
    }


def apply(site) -> None:
    """Writes the edition's search/crisis.json (site.project: the project's
    folder; site.code: the edition's language)."""
    if site.project is None:
        return
    config = project.load(site.project / "mkdocs.yml")
    data = crisis_data(site.project, config, site.code, site.root)
    target = site.root / FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")

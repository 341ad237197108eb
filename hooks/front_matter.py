"""Validate every page's front matter against the site's schema.

Every page must say what it is (`title`, `description`) and when a person
last checked it (`last_reviewed`, `next_review`), because this is medical
content. A typo in a key would silently drop the value, so unknown keys fail
the build too. Errors name the file, the field and the expected form.
"""

from __future__ import annotations

import datetime as dt
import re

from mkdocs.exceptions import PluginError
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from kbsite import editions

DESCRIPTION_MAX = 160  # search engines cut snippets beyond this

REQUIRED = {
    "title": "text, e.g. `title: Pain overlap`",
    "description": f"one sentence of at most {DESCRIPTION_MAX} characters",
    "last_reviewed": "an ISO date, e.g. `last_reviewed: 2026-11-25`",
    "next_review": "an ISO date after last_reviewed, e.g. `next_review: 2027-11-25`",
}
OPTIONAL = {
    "reviewed_by": "text: the reviewer's name and role",
    "keywords": "a list of words patients search for, e.g. `keywords: [addictive, addiction]`",
    # Material for MkDocs' own page settings.
    "hide": "a list of navigation, toc, footer, path",
    "search": "a mapping with `boost: <number>` or `exclude: true`",
    "template": "a template file name in overrides/",
}
# Only on translated pages (docs/<code>/), where the first two are required
# (translation_status.py).
TRANSLATION = {
    "translation_of": "an ISO date: the English page's last_reviewed when it was translated, "
                      "e.g. `translation_of: 2026-11-25`",
    "translation_source": "the English page's fingerprint, 12 hexadecimal characters, in quotes, as `make audit` "
                          "prints it, e.g. `translation_source: \"3f2a9c1d0b7e\"`",
    "translation_reviewed_by": "text: the name and role of the person who checked the translation",
}


def validate(meta: dict, src_path: str, translation: bool = False) -> list[str]:
    """Return one message per problem in a page's front matter; [] if valid.
    `translation`: the page is a translation (docs/<code>/...)."""
    errors: list[str] = []

    def fail(field: str, problem: str, expected: str) -> None:
        errors.append(f"docs/{src_path}: front matter field '{field}' {problem}. Expected {expected}.")

    for key in meta:
        if key in TRANSLATION and not translation:
            fail(key, "is only for translated pages (docs/<code>/)", "no translation fields on an English page")
        elif key not in REQUIRED and key not in OPTIONAL and key not in TRANSLATION:
            known = ", ".join(sorted({*REQUIRED, *OPTIONAL, *(TRANSLATION if translation else {})}))
            fail(key, "is not a known field (a typo?)", f"one of: {known}")
    required = {**REQUIRED, **({k: TRANSLATION[k] for k in ("translation_of", "translation_source")}
                               if translation else {})}
    for key, expected in required.items():
        if key not in meta or meta[key] in (None, ""):
            fail(key, "is missing", expected)
    if translation:
        of = meta.get("translation_of")
        if of not in (None, "") and (isinstance(of, dt.datetime) or not isinstance(of, dt.date)):
            fail("translation_of", f"is {of!r}, not a date", TRANSLATION["translation_of"])
        source = meta.get("translation_source")
        if source not in (None, "") and not (isinstance(source, str) and re.fullmatch(r"[0-9a-f]{12}", source)):
            fail("translation_source", f"is {source!r}" + ("" if isinstance(source, str) else
                 ", not quoted text (YAML reads digits as a number)"), TRANSLATION["translation_source"])
        by = meta.get("translation_reviewed_by")
        if by is not None and not (isinstance(by, str) and by.strip()):
            fail("translation_reviewed_by", f"is {by!r}", TRANSLATION["translation_reviewed_by"])

    for key in ("title", "description", "reviewed_by"):
        if key in meta and meta[key] is not None and not isinstance(meta[key], str):
            fail(key, f"is {type(meta[key]).__name__}, not text", REQUIRED.get(key) or OPTIONAL[key])
    description = meta.get("description")
    if isinstance(description, str) and len(description) > DESCRIPTION_MAX:
        fail("description", f"is {len(description)} characters long", REQUIRED["description"])

    dates = {}
    for key in ("last_reviewed", "next_review"):
        value = meta.get(key)
        if value in (None, ""):
            continue
        # YAML turns a valid unquoted ISO date into a date; anything else
        # (2026-13-01, 25/11/2026, a quoted string) arrives as text.
        if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
            fail(key, f"is {value!r}, not a date", REQUIRED[key])
        else:
            dates[key] = value
    if len(dates) == 2 and dates["next_review"] <= dates["last_reviewed"]:
        fail("next_review", f"({dates['next_review']}) is not after last_reviewed ({dates['last_reviewed']})",
             REQUIRED["next_review"])

    keywords = meta.get("keywords")
    if keywords is not None and not (
        isinstance(keywords, list) and all(isinstance(k, str) and k.strip() for k in keywords)
    ):
        fail("keywords", f"is {keywords!r}", OPTIONAL["keywords"])
    return errors


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    errors = validate(page.meta, editions.source_path(config, page).removeprefix("docs/"),
                      translation=editions.is_translation(config))
    if errors:
        raise PluginError("Invalid front matter:\n  " + "\n  ".join(errors))
    return markdown

"""Validate every page's front matter against the site's schema.

Every page must say what it is (`title`, `description`) and when a person
last checked it (`last_reviewed`, `next_review`), because this is medical
content. A typo in a key would silently drop the value, so unknown keys fail
the build too. Errors name the file, the field and the expected form.
"""

from __future__ import annotations

import datetime as dt

from mkdocs.exceptions import PluginError
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

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


def validate(meta: dict, src_path: str) -> list[str]:
    """Return one message per problem in a page's front matter; [] if valid."""
    errors: list[str] = []

    def fail(field: str, problem: str, expected: str) -> None:
        errors.append(f"docs/{src_path}: front matter field '{field}' {problem}. Expected {expected}.")

    for key in meta:
        if key not in REQUIRED and key not in OPTIONAL:
            known = ", ".join(sorted({*REQUIRED, *OPTIONAL}))
            fail(key, "is not a known field (a typo?)", f"one of: {known}")
    for key, expected in REQUIRED.items():
        if key not in meta or meta[key] in (None, ""):
            fail(key, "is missing", expected)

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
    errors = validate(page.meta, page.file.src_uri)
    if errors:
        raise PluginError("Invalid front matter:\n  " + "\n  ".join(errors))
    return markdown

"""The schema of every page's front matter, as MkDocs config_options (the
way Material's blog plugin declares a post's front matter), and the check
against it that the build (hooks/knowledge_base.py) and `make check` run.

Every page must say what it is (`title`, `description`) and when a person
last checked it (`last_reviewed`, `next_review`), because this is medical
content. A typo in a key would silently drop the value, so unknown keys are
errors too. Each message names the file, the field and the expected form.
"""

from __future__ import annotations

import datetime as dt
import re

from mkdocs.config import base
from mkdocs.config import config_options as c

DESCRIPTION_MAX = 160  # search engines cut snippets beyond this
HIDE = ("navigation", "toc", "footer", "path")
# What kind of page it is (EDITING.md#page-types-and-their-style): the style
# it follows and what the tests ask of it (a topic, questions or reference
# page opens with a Key points box).
PAGE_TYPES = ("home", "topic", "questions", "reference", "glossary", "clinicians", "about")
KEY_POINTS_TYPES = ("topic", "questions", "reference")


class Required(c.BaseConfigOption):
    """An option a page must set: no value is "missing"."""

    def validate(self, value: object, /):
        if value is None:
            raise c.ValidationError("is missing")
        return self.run_validation(value)


class Text(Required):
    """Text that is not empty, of at most `max_length` characters."""

    def __init__(self, max_length: int | None = None):
        super().__init__()
        self.max_length = max_length

    def run_validation(self, value: object) -> str:
        if not isinstance(value, str):
            raise c.ValidationError(f"is {type(value).__name__}, not text")
        if not value.strip():
            raise c.ValidationError("is empty")
        if self.max_length and len(value) > self.max_length:
            raise c.ValidationError(f"is {len(value)} characters long")
        return value


class Date(Required):
    """A date. YAML turns a valid unquoted ISO date into one; anything else
    (2026-13-01, 25/11/2026, a quoted string) arrives as text."""

    def run_validation(self, value: object) -> dt.date:
        if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
            raise c.ValidationError(f"is {value!r}, not a date")
        return value


class Words(Required):
    """A list of words or phrases, none empty."""

    def run_validation(self, value: object) -> list:
        if not (isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value)):
            raise c.ValidationError(f"is {value!r}")
        return value


class PageType(Required):
    """One of PAGE_TYPES."""

    def run_validation(self, value: object) -> str:
        if value not in PAGE_TYPES:
            raise c.ValidationError(f"is {value!r}")
        return value


class Fingerprint(Required):
    """12 hexadecimal characters, in quotes (kbsite.editions: make audit prints it)."""

    def run_validation(self, value: object) -> str:
        if not (isinstance(value, str) and re.fullmatch(r"[0-9a-f]{12}", value)):
            raise c.ValidationError(f"is {value!r}" + ("" if isinstance(value, str) else
                                    ", not quoted text (YAML reads digits as a number)"))
        return value


class PageFrontMatter(base.Config):
    """An English page's front matter; each option's `expected` is the fix a message gives."""
    title = Text()
    type = PageType()
    description = Text(max_length=DESCRIPTION_MAX)
    last_reviewed = Date()
    next_review = Date()
    reviewed_by = c.Optional(Text())
    keywords = c.Optional(Words())
    booking_cta = c.Optional(c.Type(bool))
    # Material for MkDocs' own page settings.
    hide = c.Optional(c.ListOfItems(c.Choice(HIDE)))
    search = c.Optional(c.Type(dict))
    template = c.Optional(c.Type(str))


class TranslatedPageFrontMatter(PageFrontMatter):
    """A page of docs/<folder>/: the English page's fields, and which English
    review it follows (kbsite/translation_status.py)."""
    translation_of = Date()
    translation_source = Fingerprint()
    translation_reviewed_by = c.Optional(Text())


EXPECTED = {
    "title": "text, e.g. `title: Pain overlap`",
    "type": f"one of {', '.join(PAGE_TYPES)} (EDITING.md#page-types-and-their-style), e.g. `type: topic`",
    "description": f"one sentence of at most {DESCRIPTION_MAX} characters",
    "last_reviewed": "an ISO date, e.g. `last_reviewed: 2026-11-25`",
    "next_review": "an ISO date after last_reviewed, e.g. `next_review: 2027-11-25`",
    "reviewed_by": "text: the reviewer's name and role",
    "keywords": "a list of words patients search for, e.g. `keywords: [addictive, addiction]`",
    "booking_cta": "`booking_cta: false` to leave out the \"Book a consultation\" box at the page's end (as Safety does)",
    "hide": f"a list of {', '.join(HIDE)}",
    "search": "a mapping with `boost: <number>` or `exclude: true`",
    "template": "a template file name in overrides/",
    "translation_of": "an ISO date: the English page's last_reviewed when it was translated, "
                      "e.g. `translation_of: 2026-11-25`",
    "translation_source": "the English page's fingerprint, 12 hexadecimal characters, in quotes, as `make audit` "
                          "prints it, e.g. `translation_source: \"3f2a9c1d0b7e\"`",
    "translation_reviewed_by": "text: the name and role of the person who checked the translation",
}
TRANSLATION_ONLY = {key for key, _ in TranslatedPageFrontMatter._schema} - {key for key, _ in PageFrontMatter._schema}


def validate(meta: dict, src_path: str, translation: bool = False) -> list[str]:
    """One message per problem in a page's front matter; [] if valid.
    `src_path` is the page under docs/ ("es/safety.md"); `translation`: the
    page is a translation (docs/<folder>/...). Each option is checked on its
    own, so every problem is reported at once (MkDocs' Config.validate stops
    at the first)."""
    errors: list[str] = []

    def fail(field: str, problem: str, expected: str | None = None) -> None:
        errors.append(f"docs/{src_path}: front matter field '{field}' {problem}. "
                      f"Expected {expected or EXPECTED.get(field, field)}.")

    schema = (TranslatedPageFrontMatter if translation else PageFrontMatter)._schema
    known = {key for key, _ in schema}
    for key in meta:
        if key in TRANSLATION_ONLY and not translation:
            fail(key, "is only for translated pages (docs/<folder>/)", "no translation fields on an English page")
        elif key not in known:
            fail(key, "is not a known field (a typo?)", f"one of: {', '.join(sorted(known))}")
    valid = {}
    for key, option in schema:
        value = meta.get(key)
        try:
            # An empty field (YAML `key:`) counts as not set.
            valid[key] = option.validate(None if value == "" else value)
        except c.ValidationError as error:
            problem = str(error)
            fail(key, problem if problem.startswith("is ") else f"is not valid ({problem})")
    if valid.get("last_reviewed") and valid.get("next_review") and valid["next_review"] <= valid["last_reviewed"]:
        fail("next_review", f"({valid['next_review']}) is not after last_reviewed ({valid['last_reviewed']})")
    return errors

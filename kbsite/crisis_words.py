"""crisis-words.yml, the lexicon that makes search show crisis help: kinds
of meaning (classes) in each language, and the rules that combine them.

Editors extend the file without code. `load` checks it against a schema of
MkDocs config_options, as the front matter and extra.clinic are checked,
and reports every problem at once, each naming the file, the language, the
field and the entry, with the fix. `make check` and each build run it. The
post-build step kbsite.postbuild.crisis_data writes what it returns into
each edition's search/crisis.json, where docs/assets/javascripts/crisis.js
reads it in the browser.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from mkdocs.config import config_options as c

from kbsite.meta import load_yaml
from kbsite.errors import SiteError

DATA_FILE = "crisis-words.yml"
TOP_LEVEL = ("sources", "classes", "rules")
# The ways of typing crisis.js can read back (TYPING there).
TYPING = ("telex", "texting")
LANGUAGE_FIELDS = {
    "filler": "a list of words a phrase can do without, e.g. `filler: [a, the, to]`",
    "same": "a map of written forms to what they mean, e.g. `same: {dont: do not}`",
    "ordinary": "a list of ordinary expressions whose words count for nothing, e.g. `- kill the pain`",
    "spelled": "a list of ordinary words spelled right, never read as a misspelling of a lexicon word, "
               "e.g. `spelled: [quedar, quedarme]`",
    "rules": "a list of this language's own rules, e.g. `rules: [wish + death]`",
    "exact_marks": "true where a word typed with its marks must match them (Vietnamese), e.g. `exact_marks: true`",
    "typing": f"how the language may be typed without its marks: one of {', '.join(TYPING)}",
    "letters": "the letters beyond a-z the language writes, e.g. `letters: [á, é, í, ó, ú, ñ, ü]`: a query with "
               "other such letters (Vietnamese ơ, ư) is not read as this language",
}
_RULE = re.compile(r"^\s*(?P<classes>[a-z_]+(?:\s*[+>]\s*[a-z_]+)*)(?:\s+unless\s+(?P<unless>[a-z_]+(?:\s*\+\s*[a-z_]+)*(?:\s+or\s+[a-z_]+(?:\s*\+\s*[a-z_]+)*)*))?\s*$")


class _Invalid(c.ValidationError):
    """What is wrong with one value, and how to fix it."""


def _entry(value, example: str) -> str:
    """A word or phrase as editors write it: text, lowercase, one line."""
    if isinstance(value, bool):
        raise _Invalid(f"{value!r} is YAML's {str(value).lower()}, not a word: write the word in quotes, "
                       f"e.g. \"no\" or \"off\"")
    if not isinstance(value, (str, int)) or not str(value).strip():
        raise _Invalid(f"{value!r} is not a word or phrase: write it as text, e.g. {example}")
    text = str(value)
    if text != text.strip().lower():
        raise _Invalid(f"{text!r} must be lowercase with no spaces around it: write {text.strip().lower()!r}")
    if "\n" in text:
        raise _Invalid(f"{text!r} is more than one line: write each entry on its own line")
    return text


class _Entries(c.BaseConfigOption):
    """A list of words and phrases, none twice."""

    def __init__(self, example: str):
        super().__init__()
        self.example = example

    def run_validation(self, value):
        if value is None:
            return []
        if not isinstance(value, list):
            raise _Invalid(f"expected a list, e.g. {self.example}, got {value!r}")
        seen: set[str] = set()
        for n, item in enumerate(value, 1):
            try:
                text = _entry(item, self.example)
            except _Invalid as error:
                raise _Invalid(f"entry {n}: {error}") from None
            if text in seen:
                raise _Invalid(f"entry {n}: {text!r} is listed twice; delete one")
            seen.add(text)
        return [str(item) for item in value]


class _Filler(_Entries):
    def run_validation(self, value):
        words = super().run_validation(value)
        for n, word in enumerate(words, 1):
            if " " in word:
                raise _Invalid(f"entry {n}: {word!r} is more than one word; list each filler word on its own")
        return words


class _Same(c.BaseConfigOption):
    def run_validation(self, value):
        if value is None:
            return {}
        if not isinstance(value, dict):
            raise _Invalid(f"expected {LANGUAGE_FIELDS['same']}, got {value!r}")
        forms = {}
        for key, meaning in value.items():
            form = _entry(key, "dont: do not")
            if " " in form:
                raise _Invalid(f"{form!r} is more than one word; `same` maps one written word to what it means. "
                               "Write a phrase in the class it means instead")
            forms[form] = _entry(meaning, "dont: do not")
            if forms[form] == form:
                raise _Invalid(f"{form!r} means itself; delete the line")
        return forms


class _Rules(c.BaseConfigOption):
    def run_validation(self, value):
        if value is None:
            return []
        if not isinstance(value, list):
            raise _Invalid(f"expected a list of rules, e.g. `- wish + death`, got {value!r}")
        for n, rule in enumerate(value, 1):
            if not isinstance(rule, str) or not _RULE.match(rule):
                raise _Invalid(f"rule {n}: {rule!r} is not a rule: write class names joined by + (together) or > "
                               "(in this order), with an optional `unless <class>`, `unless <class> or <class>` or `unless <class> + <class>` "
                               "(both found), e.g. `wish + death` or `overdose unless relative + departed`")
        return [str(rule) for rule in value]


class _Typing(c.BaseConfigOption):
    def run_validation(self, value):
        if value is not None and value not in TYPING:
            raise _Invalid(f"{value!r} is not a way of typing crisis.js reads: use one of {', '.join(TYPING)}")
        return value


def _classes_of(rule: str) -> list[str]:
    match = _RULE.match(rule)
    return re.split(r"\s*[+>]\s*", match["classes"]) + (re.split(r"\s+or\s+|\s*\+\s*", match["unless"]) if match["unless"] else [])


def _language_schema(class_names: list[str]) -> list[tuple[str, c.BaseConfigOption]]:
    """A language's fields: its own settings, and a list for every class."""
    return [
        ("filler", _Filler("`filler: [a, the, to]`")),
        ("same", _Same()),
        ("ordinary", _Entries("`- kill the pain`")),
        ("spelled", _Filler("`spelled: [quedar, quedarme]`")),
        ("rules", _Rules()),
        ("exact_marks", c.Type(bool, default=False)),
        ("typing", _Typing()),
        ("letters", _Filler("`letters: [á, é, ñ]`")),
    ] + [(name, _Entries(f"`{name}: [...]`")) for name in class_names]


def load(path: Path) -> dict:
    """crisis-words.yml, checked: {code: {filler, same, ordinary, rules (the
    shared ones and the language's own), exact_marks, typing, classes: {name:
    [entries]}}}. Raises SiteError listing every problem."""
    name = Path(path).name
    try:
        data = load_yaml(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise SiteError(f"{name}: cannot read the crisis words: {exc}") from None
    if not isinstance(data, dict) or not all(k in data for k in TOP_LEVEL):
        raise SiteError(f"{name}: expected `sources:`, `classes:` and `rules:`, then each language's lists, e.g.\n"
                        "sources: {nimh: ...}\nclasses: {wish: {means: wanting, sources: [nimh]}}\n"
                        "rules: [wish + death]\nen:\n  wish: [want]\n  ...")
    errors: list[str] = []
    sources = data["sources"] if isinstance(data["sources"], dict) else {}
    if not sources:
        errors.append(f"{name}: sources: expected the published warning signs each class comes from, e.g. "
                      "`nimh: National Institute of Mental Health. Warning Signs of Suicide. https://...`")
    classes = data["classes"] if isinstance(data["classes"], dict) else {}
    if not classes:
        errors.append(f"{name}: classes: expected each kind of meaning with what it means and its sources, e.g. "
                      "`wish: {means: wanting, wishing, sources: [nimh]}`")
    for cls, spec in classes.items():
        if not re.fullmatch(r"[a-z_]+", str(cls)):
            errors.append(f"{name}: classes: {cls!r} is not a class name: use lowercase letters and _")
        if not isinstance(spec, dict) or not isinstance(spec.get("means"), str) or not spec["means"].strip():
            errors.append(f"{name}: classes: {cls}: expected `means:` (what the class is), e.g. "
                          f"`{cls}: {{means: ..., sources: [nimh]}}`")
            continue
        cited = spec.get("sources")
        if not isinstance(cited, list) or not cited:
            errors.append(f"{name}: classes: {cls}: expected `sources:`, a list of the warning signs it comes "
                          f"from, e.g. `sources: [nimh]` (ids under `sources:`)")
        else:
            errors += [f"{name}: classes: {cls}: source {s!r} is not under `sources:`; add it there with its "
                       "full reference, or cite one that is" for s in cited if s not in sources]
    class_names = [str(cls) for cls in classes]
    try:
        shared = _Rules().validate(data["rules"])
    except c.ValidationError as error:
        errors.append(f"{name}: rules: {error}")
        shared = []
    languages = {code: entry for code, entry in data.items() if code not in TOP_LEVEL}
    if not languages:
        errors.append(f"{name}: no language's lists; add one, e.g. `en:` with a list for each class")
    lists: dict[str, dict] = {}
    for code, entry in languages.items():
        where = f"{name}: {code}"
        if not isinstance(entry, dict):
            errors.append(f"{where}: expected a mapping of this language's fields and classes, got {entry!r}")
            continue
        schema = dict(_language_schema(class_names))
        known = ", ".join(list(LANGUAGE_FIELDS) + class_names)
        errors += [f"{where}: {key!r} is not a field or a class (a typo?). The fields and classes are: {known}. "
                   "A new kind of meaning goes under `classes:` first" for key in entry if key not in schema]
        # A class the language does not list has no words in it yet: a new
        # language starts with a few classes (suicide, wish, death, ...).
        if not any(entry.get(cls) for cls in class_names):
            errors.append(f"{where}: no words in any class; list at least the words for suicide, e.g. "
                          "`suicide: [...]`, then the other classes under `classes:`")
        values = {}
        for key, option in schema.items():
            try:
                values[key] = option.validate(entry.get(key))
            except c.ValidationError as error:
                errors.append(f"{where}: {key}: {error}")
        own_rules = values.get("rules") or []
        for rule in shared + own_rules:
            unknown = [cls for cls in _classes_of(rule) if cls not in classes]
            errors += [f"{name}: rule {rule!r}: {cls!r} is not a class under `classes:`" for cls in unknown
                       if rule in own_rules or code == next(iter(languages))]
        forms = values.get("same") or {}
        for cls in class_names:
            for text in values.get(cls) or []:
                if text in forms:
                    errors.append(f"{where}: {cls}: {text!r} is a written form under `same`, which reads it as "
                                  f"{forms[text]!r} first; list {forms[text]!r} in the class it means (once), and "
                                  f"delete {text!r} here")
        fillers = set(values.get("filler") or [])
        for cls in class_names:
            for text in values.get(cls) or []:
                if text in fillers:
                    errors.append(f"{where}: {cls}: {text!r} is also a filler word, which matching leaves out, so it "
                                  "could never count; take it out of `filler` or out of the class")
        lists[str(code)] = {
            "filler": values.get("filler") or [], "same": values.get("same") or {},
            "ordinary": values.get("ordinary") or [], "spelled": values.get("spelled") or [],
            "rules": shared + own_rules,
            "exact_marks": bool(values.get("exact_marks")), "typing": values.get("typing"),
            "letters": values.get("letters") or [],
            "classes": {cls: values.get(cls) or [] for cls in class_names},
        }
    if errors:
        raise SiteError(f"{name}: the crisis words have {len(errors)} problem(s):\n  " + "\n  ".join(errors))
    return lists


def missing_languages(lists: dict, codes: list[str]) -> list[str]:
    """The site's languages (extra.languages) with no lists in the file."""
    return [f"{DATA_FILE}: no lists for the site's language {code!r}; add `{code}:` with a list for each class "
            "(copy another language's and translate it)" for code in codes if code not in lists]

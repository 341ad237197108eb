"""Crisis words for search, from crisis-words.yml.

Editors extend the file without code. `load` checks it (a clear error
names the file, the language, the entry and the fix), in `make check` and
when the build's config loads. After the build, the MkDocs adapter
(hooks/knowledge_base.py) writes it into the search index's config, as
`crisis`:

  lists  every language's phrases, filler words and same forms: every
         edition checks every language (a Spanish speaker on an English
         page, and the reverse);
  help   the crisis help in each language, as the search panel shows it
         (partials/search-crisis.html, in that language's words);
  page   this edition's language, whose help comes first.

The index loads when the reader opens search, so none of this weighs on a
page's first view. The matching runs in the browser (search.js).
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from kbsite.errors import SiteError

DATA_FILE = "crisis-words.yml"
FIELDS = {
    "phrases": "a list of words and phrases that read as crisis, e.g.\n    phrases:\n      - kill myself",
    "filler": "a list of words a phrase can do without, e.g. filler: [a, the, to]",
    "same": "a map of written forms to what they mean, e.g.\n    same:\n      dont: do not",
}


def _text(value, where: str, example: str) -> str:
    if not isinstance(value, (str, int)) or not str(value).strip():
        raise SiteError(f"{where}: {value!r} is not a word or phrase. Write it as text, e.g. {example}")
    text = str(value)
    if text != text.strip().lower():
        raise SiteError(f"{where}: {text!r} must be lowercase with no spaces around it: write {text.strip().lower()!r}.")
    return text


def load(path: Path) -> dict[str, dict]:
    """crisis-words.yml, checked: {code: {phrases: [...], filler: [...], same: {...}}}."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise SiteError(f"{path.name}: cannot read the crisis words: {exc}") from exc
    if not isinstance(data, dict) or not data:
        raise SiteError(f"{path.name}: expected a language code with its phrases, e.g.\nen:\n  phrases:\n    - suicide")
    lists = {}
    for lang, entry in data.items():
        if not isinstance(entry, dict) or "phrases" not in entry:
            raise SiteError(f"{path.name}: {lang}: expected `phrases:` with {FIELDS['phrases']}, got {entry!r}.")
        unknown = sorted(set(entry) - set(FIELDS))
        if unknown:
            raise SiteError(f"{path.name}: {lang}: unknown field {unknown[0]!r}. The fields are "
                              + "; ".join(f"{k}: {v}" for k, v in FIELDS.items()))
        phrases, filler, same = entry["phrases"], entry.get("filler") or [], entry.get("same") or {}
        if not isinstance(phrases, list) or not phrases:
            raise SiteError(f"{path.name}: {lang}: phrases: expected {FIELDS['phrases']}, got {phrases!r}.")
        if not isinstance(filler, list):
            raise SiteError(f"{path.name}: {lang}: filler: expected {FIELDS['filler']}, got {filler!r}.")
        if not isinstance(same, dict):
            raise SiteError(f"{path.name}: {lang}: same: expected {FIELDS['same']}, got {same!r}.")
        seen: set[str] = set()
        checked = []
        for n, value in enumerate(phrases, 1):
            text = _text(value, f"{path.name}: {lang}, phrase {n}", "- kill myself")
            if text in seen:
                raise SiteError(f"{path.name}: {lang}, phrase {n}: {text!r} is listed twice; delete one.")
            if "\n" in text:
                raise SiteError(f"{path.name}: {lang}, phrase {n}: {text!r} is more than one line; "
                                  "write each phrase on its own line.")
            seen.add(text)
            checked.append(text)
        fillers = [_text(w, f"{path.name}: {lang}, filler {n}", "to") for n, w in enumerate(filler, 1)]
        for n, word in enumerate(fillers, 1):
            if " " in word:
                raise SiteError(f"{path.name}: {lang}, filler {n}: {word!r} is more than one word; filler "
                                  "words are single words (list each on its own).")
        if set(fillers) & seen:
            word = sorted(set(fillers) & seen)[0]
            raise SiteError(f"{path.name}: {lang}: {word!r} is both a phrase and a filler word, so it could never "
                              "match; take it out of one of them.")
        for n, text in enumerate(checked, 1):
            words = [w for w in re.split(r"[^\w]+", text) if w]
            if words and all(w in fillers for w in words):
                raise SiteError(f"{path.name}: {lang}, phrase {n}: {text!r} is all filler words, so it could "
                                  "never match; add a word that means crisis.")
        forms = {_text(k, f"{path.name}: {lang}, same", "dont: do not"):
                 _text(v, f"{path.name}: {lang}, same: {k}", "dont: do not") for k, v in same.items()}
        for form, meaning in forms.items():
            if form == meaning:
                raise SiteError(f"{path.name}: {lang}, same: {form!r} means itself; delete the line.")
            if " " in form:
                raise SiteError(f"{path.name}: {lang}, same: {form!r} is more than one word; `same` maps one "
                                  "written word to what it means. Write the phrase under `phrases` instead.")
        lists[str(lang)] = {"phrases": checked, "filler": fillers, "same": forms}
    return lists

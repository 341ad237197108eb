"""Crisis words for search, from crisis-words.yml.

Editors extend the list without code. The hook checks it when the config
loads (a clear error names the file, the entry and the fix) and gives the
search panel's template the list for the reader's language as
`crisis_words`. The matching itself runs in the browser (search.js).
"""

from __future__ import annotations

from pathlib import Path

import yaml
from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

DATA_FILE = "crisis-words.yml"

_words: dict[str, list[str]] = {}


def load(path: Path) -> dict[str, list[str]]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise PluginError(f"{path.name}: cannot read the crisis words: {exc}") from exc
    if not isinstance(data, dict) or not data:
        raise PluginError(f"{path.name}: expected a language code with its list, e.g.\nen:\n  - suicide")
    for lang, entries in data.items():
        if not isinstance(entries, list) or not entries:
            raise PluginError(f"{path.name}: {lang}: expected a list of words and phrases, got {entries!r}.")
        seen = set()
        for n, entry in enumerate(entries, 1):
            where = f"{path.name}: {lang}, entry {n}"
            if not isinstance(entry, (str, int)) or not str(entry).strip():
                raise PluginError(f"{where}: {entry!r} is not a word or phrase. Write it as text, e.g. - kill myself")
            text = str(entry)
            if text != text.strip().lower():
                raise PluginError(f"{where}: {text!r} must be lowercase with no spaces around it: "
                                  f"write {text.strip().lower()!r}.")
            if text in seen:
                raise PluginError(f"{where}: {text!r} is listed twice; delete one.")
            seen.add(text)
    return {lang: [str(e) for e in entries] for lang, entries in data.items()}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _words
    path = Path(config.config_file_path).parent / DATA_FILE
    _words = load(path)
    lang = config.theme["language"]
    if lang not in _words:
        raise PluginError(f"{DATA_FILE}: no list for the site's language {lang!r}; add `{lang}:` with its words.")
    return config


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    env.globals["crisis_words"] = _words[config.theme["language"]]
    return env

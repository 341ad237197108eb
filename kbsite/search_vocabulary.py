"""The patients' vocabulary for search: includes/<code>/search-vocabulary.yml.

Editors extend it without code. `load` checks the file (a clear error
names the file, the group, the entry and the fix), in `make check` and when
the build's config loads. After the build, the post-build step
kbsite.postbuild.search_additions checks that every page word an entry points at (`find`) is on
a page of this edition, since an entry that adds a word no page has finds
nothing, and writes the vocabulary into the search index's config as
`vocabulary`: [[page words], "said|said|..."] per entry, for
search.js, which loads with the index when the reader opens search.

The English file is includes/search-vocabulary.yml; each other language's
is in its includes folder (the snippets base path of its build).
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import yaml
from mkdocs.config import base
from mkdocs.config import config_options as c

from kbsite.meta import load_yaml
from kbsite.errors import SiteError

DATA_FILE = "search-vocabulary.yml"
# A language that lunr has no stop words for (Filipino) lists its own here;
# search.js drops them from a query, as it drops lunr's (a query word is a
# prefix: "sa*" would match "sakit", "ang*" "anghel").
STOP_WORDS_FILE = "search-stop-words.txt"
FIELDS = {"find": "the words our pages use, e.g. find: [benzodiazepines, diazepam]",
          "said": "how readers say it, e.g. said: [xanax, valium, \"anxiety pills\"]",
          "source": "where brand and generic names come from, e.g. source: FDA NDC Directory"}


def vocabulary_file(config) -> Path:
    """This edition's file: in the snippets base path (includes/ or includes/<code>/)."""
    snippets = config.mdx_configs.get("pymdownx.snippets", {})
    base = snippets.get("base_path") or ["includes"]
    base = base[0] if isinstance(base, list) else base
    root = Path(config.config_file_path).parent
    return (root / base / DATA_FILE) if not Path(base).is_absolute() else Path(base) / DATA_FILE


def _shown(path: Path) -> str:
    try:
        return path.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return path.as_posix()


def fold(text: str) -> str:
    """Lowercase, accents and apostrophes dropped: as search.js compares."""
    text = unicodedata.normalize("NFD", text)
    return re.sub(r"['’`´]", "", "".join(c for c in text if not unicodedata.combining(c))).lower()


class _WordList(c.BaseConfigOption):
    """A list of words or phrases, none empty."""

    def __init__(self, field: str):
        super().__init__()
        self.field = field

    def run_validation(self, value):
        if not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value):
            raise c.ValidationError(f"expected a list of words, {FIELDS[self.field]}; got {value!r}.")
        return value


class _Source(c.BaseConfigOption):
    def run_validation(self, value):
        if value is not None and not (isinstance(value, str) and value.strip()):
            raise c.ValidationError(f"expected text, {FIELDS['source']}; got {value!r}.")
        return value


class VocabularyEntry(base.Config):
    """One entry of a search vocabulary, in MkDocs' config_options as front
    matter is; what ties entries together (a form in one entry only) is
    checked by load."""
    find = _WordList("find")
    said = _WordList("said")
    source = _Source()


def load(path: Path) -> list[dict]:
    """The file, checked: [{group, n, find: [...], said: [...], source}]."""
    name = _shown(path)
    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise SiteError(f"{name}: missing. Each language needs its search vocabulary here; copy "
                          f"includes/{DATA_FILE} and write it in the language ({exc.strerror}).") from exc
    except yaml.YAMLError as exc:
        raise SiteError(f"{name}: cannot read the search vocabulary: {exc}") from exc
    if not isinstance(data, dict) or not data:
        raise SiteError(f"{name}: expected groups of entries, e.g.\nmedicines:\n  - find: [diazepam]\n    said: [valium]")
    entries, said_where = [], {}
    for group, items in data.items():
        if not isinstance(items, list) or not items:
            raise SiteError(f"{name}: {group}: expected a list of entries, each with find: and said:.")
        for n, entry in enumerate(items, 1):
            where = f"{name}: {group}, entry {n}"
            if not isinstance(entry, dict):
                raise SiteError(f"{where}: expected find: and said:, got {entry!r}.")
            unknown = sorted(set(entry) - set(FIELDS))
            if unknown:
                raise SiteError(f"{where}: unknown field {unknown[0]!r}. The fields are "
                                  + "; ".join(f"{k}: {v}" for k, v in FIELDS.items()))
            for field, option in VocabularyEntry._schema:
                try:
                    option.validate(entry.get(field))
                except c.ValidationError as error:
                    raise SiteError(f"{where}: {field}: {error}") from None
            finds = {fold(w) for w in entry["find"]}
            for form in entry["said"]:
                if "|" in form:
                    raise SiteError(f"{where}: said: {form!r} has a '|', which the index uses between forms; "
                                      "write it as two forms.")
                key = fold(form.strip())
                if key in finds:
                    raise SiteError(f"{where}: said: {form!r} is one of its own page words (find); delete it from said.")
                if key in said_where:
                    raise SiteError(f"{where}: said: {form!r} is also in {said_where[key]}; keep it in one entry.")
                said_where[key] = f"{group}, entry {n}"
            entries.append({"group": group, "n": n, "find": [w.strip() for w in entry["find"]],
                            "said": [s.strip() for s in entry["said"]], "source": entry.get("source")})
    return entries


def load_stop_words(path: Path) -> list[str]:
    """includes/<code>/search-stop-words.txt: words separated by spaces or
    lines, `#` to the end of a line a comment. None when the file is absent
    (the edition's lunr language has its own)."""
    name = _shown(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    words: list[str] = []
    for number, line in enumerate(text.splitlines(), 1):
        for word in line.split("#", 1)[0].split():
            if word != word.lower() or not re.fullmatch(r"[^\W\d_]+", word):
                raise SiteError(f"{name}, line {number}: {word!r} is not a stop word: write single words in lower "
                                "case, letters only, separated by spaces (a comment starts with #).")
            if word in words:
                raise SiteError(f"{name}, line {number}: {word!r} is listed twice; delete one.")
            words.append(word)
    if not words:
        raise SiteError(f"{name}: no words. List the language's stop words, or delete the file.")
    return words


def _in_words(word: str, words: set[str]) -> bool:
    """Chinese has no spaces: the index holds the words the build's
    segmenter (jieba, in Material's search plugin) cut its text into, and
    the browser cuts a query the same way, by the index's words (search.js).
    So a Chinese page word is found when it is a run of index words."""
    if not all("\u3400" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff" for c in word):
        return False
    reachable = [True] + [False] * len(word)   # reachable[i]: word[:i] is a run of index words
    for end in range(1, len(word) + 1):
        reachable[end] = any(reachable[start] and word[start:end] in words for start in range(max(0, end - 8), end))
    return reachable[-1]


def dead_words(entries: list[dict], index: dict, path: Path, *, segmented: bool = True) -> list[str]:
    """One message per page word that no document of the index has.
    `segmented`: the generator cut Chinese text into words when it wrote the
    index (Material, with jieba). Zensical keeps it whole and cuts it in the
    browser (Intl.Segmenter), so there a Chinese word need only be in the text."""
    separator = re.compile(index["config"]["separator"])
    words: set[str] = set()
    for doc in index["docs"]:
        text = " ".join([doc.get("title", ""), doc.get("text", "")] + list(doc.get("tags") or []))
        words.update(fold(w) for w in separator.split(re.sub(r"<[^>]*>", " ", text)) if w)
    if not segmented:
        runs = " ".join(word for word in words if re.search(r"[\u3400-\u9fff]", word))
        words.update(fold(word) for entry in entries for phrase in entry["find"] for word in separator.split(phrase)
                     if word and re.fullmatch(r"[\u3400-\u9fff\uf900-\ufaff]+", word) and fold(word) in runs)
    stop = set(index["config"].get("stop_words") or []) | set(index["config"].get("edition_stop_words") or [])
    errors = []
    for entry in entries:
        for phrase in entry["find"]:
            for word in (w for w in separator.split(phrase) if w):
                if fold(word) not in words and fold(word) not in stop and not _in_words(fold(word), words):
                    errors.append(f"{_shown(path)}: {entry['group']}, entry {entry['n']}: find: {phrase!r}: no page of "
                                  f"this edition has the word {word!r}, so the entry would find nothing. Use a word "
                                  "the pages use, or add it to a page.")
    return errors


def teach_segmenter(glossary_file: Path) -> None:
    """jieba (Material's Chinese segmenter) cuts Chinese text into the words
    of its dictionary, which has few medical ones: 神經可塑性 came out as
    神經 + 可塑性, so a search for it ranked the page with most 神經 first.
    The glossary's Chinese terms are added as words (jieba's own user-word
    call; adding one twice changes nothing). jieba is imported only then: it
    loads its dictionary (a second) on the first word added."""
    from kbsite.glossary import read_glossary

    chinese = [term for term, _ in read_glossary(glossary_file)
               if re.search(r"[\u3400-\u9fff]", term)] if glossary_file.is_file() else []
    if not chinese:
        return
    try:
        import jieba
    except ImportError:
        return
    for term in chinese:
        jieba.add_word(term)

"""What search.js needs beyond the search index a generator writes, added
to that index (search/search_index.json) after the build, and what it does
not need taken out. The index loads when the reader opens search, so none
of it weighs on a page's first view.

Added to each page's own entry: `tags`, the page's front-matter `keywords`,
which Material's worker weights by mkdocs.yml's `fields: tags` (a keyword says
what the page is for). Editors write `keywords` (kbsite/front_matter.py); no
tags plugin shows them.

Added to the index's `config`:
  stop_words          the index language's lunr stop words, so search.js drops
                      from a query exactly the words the index left out ("de*"
                      would match "depresión"); from kbsite/data/lunr-stop-words/,
                      copied from the lunr-languages files Material ships;
  edition_stop_words  a language lunr has none for (Filipino) lists its own in
                      includes/<folder>/search-stop-words.txt; a language lunr
                      has may list words to drop beside lunr's (English: make);
  vocabulary          the patients' words (kbsite.search_vocabulary), after a
                      check that every page word an entry points at is indexed;
  simplified          in an index with Chinese text, the Simplified form of each
                      of its characters (kbsite.simplified_forms).

Taken out: the References sections, which list sources: a search for
"pain" or "i" listed trial titles and journal names as answers (#35); the
page's own text cites them, and its footnotes lead there.

Taken out too: a generator's own tags on sections. Only the page's own entry
has keywords: copies on each section (Material copies a page's tags) cost
4.7 KB of the English index (a tenth of it) and ranked no query better (the
query and check sets, Material's worker in Node, 2026-12-01).

One reader per index format: Material's lunr JSON ({config, docs}) and
Zensical's ({config, items}), which differ only in the list's name here.
Crisis help has a file of its own (crisis_data), not a part of this index.
"""

from __future__ import annotations

import json
from pathlib import Path

from kbsite import meta, project, search_vocabulary, simplified_forms
from kbsite.errors import SiteError

# Material's, and Zensical's (one per edition, each built on its own).
INDEXES = ("search/search_index.json", "search.json")
# The id of the References section, the same in every edition.
REFERENCES = "references"
LUNR_STOP_WORDS = Path(__file__).parents[1] / "data" / "lunr-stop-words"


def lunr_stop_words(lang: str) -> list[str]:
    """The stop words lunr leaves out of an index in `lang` ([] for English,
    whose index keeps every word, and for a language lunr has none for)."""
    path = LUNR_STOP_WORDS / f"{lang}.txt"
    if lang == "en" or not path.is_file():
        return []
    return search_vocabulary.load_stop_words(path) or []


def entries(index: dict) -> list[dict]:
    """The index's entries, in either format."""
    for name in ("docs", "items"):
        if isinstance(index.get(name), list):
            return index[name]
    raise SiteError(f"{' or '.join(INDEXES)}: neither Material's `docs` nor Zensical's `items`: an index this step cannot read.")


def add_to_index(index: dict, includes: Path, *, partial: bool = False,
                 keywords: dict[str, list[str]] | None = None) -> dict:
    """The index with search.js's additions. `includes`: the edition's
    includes folder (its vocabulary and own stop words); `partial`: the index
    holds only the pages a --dirty build rebuilt, so no word is missed;
    `keywords`: each page's keywords by its location ("", "safety/")."""
    docs = entries(index)
    docs[:] = [doc for doc in docs if not doc["location"].endswith("#" + REFERENCES)]
    for doc in docs:
        doc.pop("tags", None)
        if "#" not in doc["location"] and (keywords or {}).get(doc["location"]):
            doc["tags"] = keywords[doc["location"]]
    config = index.setdefault("config", {})
    langs = config.get("lang") or []
    words = sorted({word for lang in ([langs] if isinstance(langs, str) else langs) for word in lunr_stop_words(lang)})
    if words:
        config["stop_words"] = words
    own = search_vocabulary.load_stop_words(includes / search_vocabulary.STOP_WORDS_FILE)
    if own:
        config["edition_stop_words"] = own
    vocabulary_path = includes / search_vocabulary.DATA_FILE
    vocabulary = search_vocabulary.load(vocabulary_path)
    errors = [] if partial else search_vocabulary.dead_words(vocabulary, {"config": config, "docs": docs}, vocabulary_path,
                                                              segmented="docs" in index)
    if errors:
        raise SiteError("Search vocabulary:\n  " + "\n  ".join(errors))
    # [page words, "said|said|..."]: compact, in every edition's index.
    config["vocabulary"] = [[e["find"], "|".join(e["said"])] for e in vocabulary]
    simplified = simplified_forms.simplified_forms({"config": config, "docs": docs})
    if simplified:
        config["simplified"] = simplified
    return index


def page_keywords(source: Path) -> list[str]:
    """The front-matter keywords of the page whose Markdown is `source`
    ([] when it has none, or the page has no Markdown file)."""
    if not source.is_file():
        return []
    return [str(keyword).strip() for keyword in meta.split(source.read_text(encoding="utf-8"))[1].get("keywords") or []]


def apply(site) -> None:
    """Adds to the edition's index (site.project: the project's folder;
    site.code: the edition's language; site.partial: a --dirty build)."""
    path = next((site.root / name for name in INDEXES if (site.root / name).is_file()), None)
    if site.project is None or path is None:
        return
    config_file = site.project / "mkdocs.yml"
    [edition] = [e for e in project.editions(project.load(config_file), config_file) if e.code == site.code]
    includes = site.project / "includes" / edition.path   # includes/ or includes/<folder>/
    index = json.loads(path.read_text(encoding="utf-8"))
    keywords = {doc["location"]: page_keywords(site.project / site.source("/" + doc["location"]))
                for doc in entries(index) if "#" not in doc["location"]}
    index = add_to_index(index, includes, partial=site.partial, keywords=keywords)
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")

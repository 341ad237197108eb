"""Search drops the stop words of the page's language.

search.js takes stop words out of a query before Material adds its prefix
wildcard ("de*" would match "depresión"), using lunr's English list by
default. For another language, this hook copies that language's list from
the lunr language file Material ships (lunr.<code>.min.js, the file its
search worker loads) into the search index's config as `stop_words`, so the
query rewriter drops exactly the words the index left out. A language file
without a list fails the build, rather than letting "de*" match everything.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

_LIST = re.compile(r'generateStopWordFilter\("(?P<words>[^"]*)"\.split\(" "\)\)')


def stop_words(language_file: Path) -> list[str]:
    match = _LIST.search(language_file.read_text(encoding="utf-8"))
    if not match:
        raise PluginError(f"{language_file.name}: no stop word list found (lunr.generateStopWordFilter(\"...\"."
                          "split(\" \"))). If this language has none, search.js needs another way to keep "
                          "short words from matching as prefixes.")
    return [word for word in match["words"].split(" ") if word]


def on_post_build(*, config: MkDocsConfig) -> None:
    search = config.plugins.get("material/search") or config.plugins.get("search")
    if search is None:
        return
    languages = [lang for lang in search.config.lang or [] if lang != "en"]
    if not languages:
        return
    site = Path(config.site_dir)
    index_path = site / "search" / "search_index.json"
    index = json.loads(index_path.read_text(encoding="utf-8"))
    words: list[str] = []
    for lang in languages:
        words += stop_words(site / "assets" / "javascripts" / "lunr" / "min" / f"lunr.{lang}.min.js")
    index["config"]["stop_words"] = sorted(set(words))
    index_path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")

"""The source checks, on their own: `make check` (python -m kbsite.source_checks).

The build runs each of these checks from the MkDocs adapter
(hooks/knowledge_base.py), page by page; this runs the same functions over docs/, includes/ and the config in
a second or two, without building, so an editor hears of a mistake before
a build and CI can run them first. Each message names the file to open, the
field and the fix, as in the build.

What it checks: mkdocs.yml (MkDocs' own validation, extra.languages and
extra.clinic), every page's front matter in every edition, the headings'
explicit ids, the generated-content markers, the references (dated, the
same on every page of an edition), permalinks.yml's shape, crisis-words.yml,
each edition's search vocabulary, and that every page has its translation.
What needs the built pages stays in the build: links and anchors, the
permalink registry against the published ids, the CSP, the vocabulary's
page words, the interface words a template renders.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from kbsite.meta import split as split_front_matter

from kbsite import clinic, crisis_words, editions, front_matter, markers, permalinks, references, search_vocabulary
from kbsite.errors import SiteError

ROOT = Path(__file__).resolve().parent.parent


def _caught(check) -> list[str]:
    """A check that raises on the first problem, as a list of its message."""
    try:
        check()
    except SiteError as error:
        return [str(error)]
    return []


def run(root: Path = ROOT) -> list[str]:
    """Every problem found, one message each; [] when the sources are sound."""
    from mkdocs.config import load_config

    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    errors: list[str] = []
    try:
        config = load_config(config_file=str(root / "mkdocs.yml"))
    except Exception as error:   # MkDocs' own validation: its message names the setting
        return [f"mkdocs.yml: {error}"]
    errors += _caught(lambda: editions.languages(config))
    if errors:
        return errors
    errors += clinic.validate(config.extra.get("clinic"))
    configured_markers = markers.MARKERS
    try:
        configured_markers = markers.markers_for(config)
    except SiteError as error:
        errors.append(str(error))
    if config.theme.custom_dir:
        errors += editions.missing_template_words(root, Path(config.theme.custom_dir).relative_to(root).as_posix(),
                                                  [entry["code"] for entry in config.extra["languages"][1:]])
    try:
        # Every language of the site needs its crisis words (the build's
        # post-build step crisis_data checks the same).
        errors += crisis_words.missing_languages(crisis_words.load(root / crisis_words.DATA_FILE),
                                                 [entry["code"] for entry in config.extra["languages"]])
    except SiteError as error:
        errors.append(str(error))
    errors += _caught(lambda: permalinks.load_registry(root / permalinks.REGISTRY))

    docs = Path(config.docs_dir)
    codes = [entry["code"] for entry in config.extra["languages"]]
    folders = [editions.folder(code) + "/" for code in codes[1:]]
    pages = sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md"))
    errors += editions.unpaired_pages(pages, folders)
    includes = root / "includes"
    for code in codes:
        folder = "" if code == codes[0] else editions.folder(code) + "/"
        errors += _caught(lambda: search_vocabulary.load(includes / folder / search_vocabulary.DATA_FILE))
        errors += _caught(lambda: search_vocabulary.load_stop_words(includes / folder / search_vocabulary.STOP_WORDS_FILE))
        seen: list = []
        for uri in (p for p in pages if (p.startswith(folder) if folder else not p.startswith(tuple(folders)))):
            path = docs / uri
            shown = path.relative_to(root).as_posix()
            text = path.read_text(encoding="utf-8")
            markdown, meta = split_front_matter(text)
            errors += front_matter.validate(meta, shown.removeprefix("docs/"), translation=bool(folder))
            missing = permalinks.headings_without_ids(markdown)
            if missing:
                errors.append(f"{shown}: these headings have no explicit id, so their links would change whenever "
                              "the wording does. Add one in the form `## Heading {#short-stable-id}`:\n  "
                              + "\n  ".join(missing))
            errors += markers.check_markers(markdown, uri[len(folder):], shown, configured_markers)
            try:
                seen += references.read_references(markdown, shown)
            except SiteError as error:
                errors.append(str(error))
        errors += references.check_consistent(seen)
    errors += _caught(lambda: references.read_reread(root / references.REREAD_FILE, docs))
    return errors


def main() -> int:
    # The project's folder: this one's, or another given (a copy, kbsite/zensical.py).
    errors = run(Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else ROOT)
    for error in errors:
        print(error)
    print(f"{len(errors)} problem(s) in the sources." if errors else "The sources are sound: no problems found.")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())

"""The source checks, on their own: `make check` (python -m kbsite.source_checks).

The build runs each of these checks (the registry, kbsite.checks) from the
MkDocs adapter (hooks/knowledge_base.py), page by page; this runs the same
ones over docs/, includes/ and the config in a second or two, without building, so an editor hears of a mistake before
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

from kbsite import checks, editions
from kbsite.meta import split as split_front_matter

ROOT = Path(__file__).resolve().parent.parent


def run(root: Path = ROOT) -> list[str]:
    """Every problem found, one message each; [] when the sources are sound:
    every check of the registry (kbsite.checks), the site's, then every
    page's in every edition."""
    from mkdocs.config import load_config

    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    try:
        config = load_config(config_file=str(root / "mkdocs.yml"))
    except Exception as error:   # MkDocs' own validation: its message names the setting
        return [f"mkdocs.yml: {error}"]
    errors: list[str] = []
    for name, check in checks.SITE_CHECKS.items():
        errors += check(config, root)
        if name == "Languages" and errors:
            return errors   # the other checks read the languages
    docs = Path(config.docs_dir)
    codes = [entry["code"] for entry in config.extra["languages"]]
    folders = [editions.folder(code) + "/" for code in codes[1:]]
    pages = sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md"))
    for code in codes:
        folder = "" if code == codes[0] else editions.folder(code) + "/"
        reading = checks.reading(config)
        for uri in (p for p in pages if (p.startswith(folder) if folder else not p.startswith(tuple(folders)))):
            path = docs / uri
            markdown, meta = split_front_matter(path.read_text(encoding="utf-8"))
            page = checks.Page(markdown, meta, uri[len(folder):], path.relative_to(root).as_posix(), bool(folder))
            for check in checks.PAGE_CHECKS.values():
                errors += check(page, reading)
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

"""A translated page says how current it is.

Its front matter records the English page it was translated from
(kbsite/front_matter.py checks the fields):

    translation_of: 2026-11-25        the English page's last_reviewed then
    translation_source: "3f2a9c1d0b7e"  the English page's fingerprint then
    translation_reviewed_by: Name, role   optional: who checked the translation

The fingerprint is a hash of the English page's text, so any change to it,
not only a new review date, shows. On the page:
  - until a reviewer is recorded, a short note: this is a translation, and
    the English page is the reference;
  - when the English page has been reviewed or changed since, a note that
    the translation is behind, linking the English page.
The build logs each page that is behind, and `make audit` lists them
(python -m kbsite.translation_status docs), with the fingerprint
to record once the translation is brought up to date. A translation that is
behind does not fail the build: a correction to an English page must never
wait for its translation, and the translated page says it is behind.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

from kbsite.meta import split as split_front_matter


def fingerprint(markdown: str) -> str:
    """12 hex characters that change whenever the page's text does (front
    matter aside: the review date is compared on its own)."""
    body, _ = split_front_matter(markdown)
    return hashlib.sha256(body.strip().encode("utf-8")).hexdigest()[:12]


def status(meta: dict, english: Path) -> dict:
    """What a translated page shows about its age. `meta` is its checked
    front matter; `english` its English page's file."""
    text = english.read_text(encoding="utf-8")
    _, english_meta = split_front_matter(text)
    reasons = []
    if english_meta.get("last_reviewed") != meta["translation_of"]:
        reasons.append(f"the English page was reviewed on {english_meta.get('last_reviewed')}, "
                       f"the translation follows the review of {meta['translation_of']}")
    if fingerprint(text) != meta["translation_source"]:
        reasons.append(f"the English page's text has changed (fingerprint now {fingerprint(text)}, "
                       f"translation_source {meta['translation_source']})")
    return {"reviewed_by": meta.get("translation_reviewed_by"), "behind": bool(reasons), "reasons": reasons}


def audit(docs: Path) -> list[str]:
    """One line per translated page that is behind its English page."""
    lines = []
    for folder in sorted(p for p in docs.iterdir() if p.is_dir() and (docs / "index.md").is_file()
                         and (p / "index.md").is_file()):
        for path in sorted(folder.glob("*.md")):
            english = docs / path.name
            _, meta = split_front_matter(path.read_text(encoding="utf-8"))
            if not english.is_file():
                continue
            if "translation_of" not in meta or "translation_source" not in meta:
                # A new translation: the values it must record, to copy in.
                text = english.read_text(encoding="utf-8")
                lines.append(f"{path.as_posix()}: new translation of {english.as_posix()}: add to its front matter "
                             f"translation_of: {split_front_matter(text)[1].get('last_reviewed')} and translation_source: "
                             f"\"{fingerprint(text)}\".")
                continue
            state = status(meta, english)
            if state["behind"]:
                text = english.read_text(encoding="utf-8")
                lines.append(f"{path.as_posix()}: behind {english.as_posix()}: " + "; ".join(state["reasons"])
                             + f". Once the translation is updated, record translation_of: "
                             f"{split_front_matter(text)[1].get('last_reviewed')} and translation_source: \"{fingerprint(text)}\".")
    return lines


if __name__ == "__main__":
    late = audit(Path(sys.argv[1] if len(sys.argv) > 1 else "docs"))
    for line in late:
        print(line)
    print(f"{len(late)} translated page(s) behind their English page.")

"""`make check` (python -m kbsite.source_checks): the source checks without a build.
Each planted mistake is found, and the message names the file to open, in
every edition. The build runs the same functions (hooks/knowledge_base.py).

Here: builds of changed copies of the project (tests/projects/). The same
feature's other layers: tests/unit/test_source_checks.py."""

from __future__ import annotations

import pytest
from sitebuild import copy_project
from kbsite import source_checks


def _append(path, text):
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def _front(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"this test's assumption: {path.name} has {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _without_top_level_key(path, key):
    """The file without one top-level YAML block (`key:` and its indented lines)."""
    lines, out, skipping = path.read_text(encoding="utf-8").splitlines(keepends=True), [], False
    for line in lines:
        if line.startswith(f"{key}:"):
            skipping = True
            continue
        if skipping and line.strip() and not line[0].isspace() and not line.startswith("#"):
            skipping = False
        if not skipping:
            out.append(line)
    assert len(out) < len(lines), f"this test's assumption: {path.name} has `{key}:`"
    path.write_text("".join(out), encoding="utf-8")


MISTAKES = {
    "front matter": (lambda p: _front(p / "docs/es/safety.md", "next_review:", "next_reviw:"),
                     "docs/es/safety.md: front matter field 'next_reviw'"),
    "heading without an id": (lambda p: _append(p / "docs/es/about.md", "\n## Sin identificador\n\nTexto.\n"),
                              "docs/es/about.md: these headings have no explicit id"),
    "unknown marker": (lambda p: _append(p / "docs/es/about.md", "\n<!-- kb:clinic-contacts -->\n"),
                       "docs/es/about.md: unknown marker <!-- kb:clinic-contacts -->"),
    "undated reference": (lambda p: _append(p / "docs/es/safety.md", "\n[^sin-fecha]: Una página. [x](https://example.org/)\n"),
                          "docs/es/safety.md: reference [^sin-fecha] does not say when it was read"),
    "missing translation": (lambda p: (p / "docs/es/glossary.md").unlink(), "docs/es/glossary.md is missing"),
    "no booking link after the key points": (
        lambda p: _front(p / "docs/es/pain-overlap.md", "<!-- kb:book -->\n", ""),
        "docs/es/pain-overlap.md: put <!-- kb:book --> on a line of its own right after the Key points box"),
    "a booking link on the booking page": (
        lambda p: _append(p / "docs/booking.md", "\n<!-- kb:book -->\n"),
        "docs/booking.md: <!-- kb:book --> does not belong on this page (it is the booking page)"),
    "crisis words": (lambda p: _append(p / "crisis-words.yml", "  - Suicide\n"), "crisis-words.yml"),
    "crisis words for a language": (lambda p: _without_top_level_key(p / "crisis-words.yml", "es"),
                                    "crisis-words.yml: no lists for the site's language 'es'"),
    "vocabulary": (lambda p: _append(p / "includes/es/search-vocabulary.yml", "  - find: [x]\n    said: []\n"),
                   "includes/es/search-vocabulary.yml: intents, entry"),
    "clinic": (lambda p: _front(p / "mkdocs.yml", "    website: https://avidsportsmed.com/", "    website: avidsportsmed"),
               "extra.clinic.website"),
    # A template falls back to English for a missing word (partials/words.html): the check names the file.
    "interface word": (lambda p: _append(p / "overrides/partials/booking-cta.html", '{{ words.t("A new word") }}\n'),
                       "includes/es/interface.yml: no translation for 'A new word', which "
                       "overrides/partials/booking-cta.html shows. Add a line:\n  A new word: <the es text>"),
}


@pytest.mark.parametrize("mistake", list(MISTAKES))
def test_a_planted_mistake_is_found_and_names_its_file(tmp_path, mistake):
    project = copy_project(tmp_path / "project")
    plant, says = MISTAKES[mistake]
    plant(project)
    errors = source_checks.run(project)
    assert any(says in e for e in errors), errors

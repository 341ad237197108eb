"""kbsite/search_vocabulary.py: each edition's vocabulary
(includes/<code>/search-vocabulary.yml) is checked when the config loads and
against the built pages; a bad entry names the file, the entry and the fix.
How search uses it is tested in Node (tests/js/search.test.mjs).

Here: builds of changed copies of the project (tests/projects/). The same
feature's other layers: tests/site/test_search_vocabulary.py,
tests/unit/test_search_vocabulary.py."""

from __future__ import annotations

import yaml
from sitebuild import build, copy_project


def test_a_dead_spanish_entry_fails_the_build_naming_the_spanish_file(tmp_path):
    project = copy_project(tmp_path / "project")
    path = project / "includes" / "es" / "search-vocabulary.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["medicines"].append({"find": ["zzzquetiapina"], "said": ["seroquel"]})
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = build(tmp_path / "site", project / "mkdocs.yml")
    assert result.returncode != 0
    assert "includes/es/search-vocabulary.yml: medicines, entry" in result.stderr
    assert "'zzzquetiapina': no page of this edition has the word" in result.stderr

"""The front-matter schema (kbsite/front_matter.py): each problem named with
its file, field and fix, and the error reaching the editor in a real build,
naming the file in each edition.

Here: no build and no browser (tests/unit/). The same feature's other layers:
tests/projects/test_front_matter.py."""

from __future__ import annotations

import datetime as dt

import pytest

from kbsite.front_matter import validate

VALID = {
    "title": "Pain overlap",
    "type": "topic",
    "description": "How pain and distress feed each other.",
    "last_reviewed": dt.date(2026, 11, 25),
    "next_review": dt.date(2027, 11, 25),
}


def test_valid_front_matter_passes():
    assert validate(VALID, "page.md") == []
    assert validate({**VALID, "reviewed_by": "Dr A. Reviewer", "keywords": ["addiction"],
                     "hide": ["toc"], "search": {"boost": 2}}, "page.md") == []


@pytest.mark.parametrize("change,field,says", [
    ({"title": None}, "title", "is missing"),
    ({"description": "x" * 161}, "description", "is 161 characters long"),
    ({"last_reviewed": "2026-13-01"}, "last_reviewed", "not a date"),
    ({"last_reviewed": "25/11/2026"}, "last_reviewed", "not a date"),
    ({"next_review": dt.date(2026, 11, 25)}, "next_review", "is not after last_reviewed"),
    ({"next_review": dt.date(2025, 1, 1)}, "next_review", "is not after last_reviewed"),
    ({"last_reviewd": dt.date(2026, 1, 1)}, "last_reviewd", "is not a known field"),
    ({"title": 42}, "title", "is int, not text"),
    ({"keywords": "addiction"}, "keywords", "is 'addiction'"),
    ({"type": None}, "type", "is missing"),
    ({"type": "article"}, "type", "is 'article'"),
])
def test_bad_front_matter_names_file_field_and_fix(change, field, says):
    meta = {k: v for k, v in {**VALID, **change}.items() if v is not None}
    errors = validate(meta, "pain-overlap.md")
    assert len(errors) == 1, errors
    assert errors[0].startswith(f"docs/pain-overlap.md: front matter field '{field}' ")
    assert says in errors[0]
    assert "Expected " in errors[0]


def test_every_problem_is_reported_at_once():
    errors = validate({"title": "T"}, "x.md")
    assert [e.split("'")[1] for e in errors] == ["type", "description", "last_reviewed", "next_review"]



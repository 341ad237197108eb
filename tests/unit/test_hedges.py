"""The hedge check of tests/site/test_hedges.py (its docstring says why), shown
here to find a dropped hedge, and run on the glossary's source, without a build."""

from __future__ import annotations


import pytest

from kbsite.editions import folder
from sitebuild import ROOT, TRANSLATIONS
from hedges_helpers import dropped


def _glossary(path) -> list[str]:
    return [line.split(":", 1)[1] for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("*[")]


@pytest.mark.parametrize("code", TRANSLATIONS)
def test_every_hedge_in_the_english_glossary_is_kept_in_the_translation(code):
    english = _glossary(ROOT / "includes" / "glossary.md")
    translated = _glossary(ROOT / "includes" / folder(code) / "glossary.md")
    assert len(english) == len(translated), f"includes/{folder(code)}/glossary.md: not a term for each English one"
    assert not dropped(english, translated, code)


@pytest.mark.parametrize("code,english,translated,kept", [
    ("fil", "This rapid relief can be life-changing.", "Malaking pagbabago sa buhay ang mabilis na ginhawang ito.",
     False),
    ("fil", "This rapid relief can be life-changing.", "Maaaring magpabago ng buhay ang mabilis na ginhawang ito.",
     True),
    ("zh-Hant", "The label warns it may cause liver injury.", "說明書警告，這種藥會造成肝臟損傷。", False),
    ("zh-Hant", "The label warns it may cause liver injury.", "說明書警告，這種藥可能造成肝臟損傷。", True),
    ("es", "It can be misused and can lead to dependence.", "Se usa mal y causa dependencia.", False),
    ("es", "It can be misused and can lead to dependence.", "Se puede usar mal y puede causar dependencia.", True),
])
def test_the_hedge_check_finds_a_dropped_hedge(code, english, translated, kept):
    assert (dropped([english], [translated], code) == []) is kept

"""A hedge the English has is kept in every translation (issue #32).

"May" and "can" are how a label, a guideline or a trial says no more than
it found; a translation that drops one says more than its source (the
review found the Filipino article's "can be life-changing" turned into "is
a big life change"). The check lists the English page's hedged sentences,
block by block (a translation has the same blocks in the same order,
tests/test_languages.py), and asks that the translated block hedge at
least as often: the clinic's article as much as our own words."""

from __future__ import annotations

import re

import pytest

from kbsite.editions import folder
from page_text import EVERY_PAGE, blocks, page_path
from sitebuild import LANGUAGES, ROOT, TRANSLATIONS

# The words that hedge, in each language: modal verbs of possibility and
# ability, as the translations use them for "may" and "can".
HEDGES = {
    "en": r"\b(?:may|might|can|could|cannot|can['’]t)\b",
    "es": r"\b(?:pued(?:e|en|a|an|o)|podría(?:n)?|pudiera(?:n)?|quizás?|posiblemente|posible)\b",
    "zh": r"可能|可以|能夠|不能|無法|能|或許|也許",
    # maaari, puwede; kaya (able); the "can" of a verb: makaka-, makapag-, maka- (makagaling), masasabi
    "fil": r"\b(?:maaari(?:ng)?|puwede(?:ng)?|pwede(?:ng)?|posible(?:ng)?|baka|kaya(?:ng|nitong)?|makaka\w+|"
           r"makapag\w+|makagaling|makarating|masasabi)\b",
}
# What is not a hedge in English: a question ("Can long-term use cause...?")
# and what a person can do ("you can get help now", "so you can ask").
NOT_HEDGES = re.compile(r"[^.!?]*\?|\b(?:you|we|i)\s+(?:can|could|cannot|can['’]t)\b", re.I)


def hedges(text: str, code: str) -> int:
    if code == "en":
        text = NOT_HEDGES.sub(" ", text)
    return len(re.findall(HEDGES[code.split("-")[0]], text, re.I))


def hedged_sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", text) if hedges(s, "en")]


def dropped(english: list[str], translated: list[str], code: str) -> list[str]:
    """A message for each block whose translation hedges less often."""
    found = []
    for source, target in zip(english, translated):
        wanted, given = hedges(source, "en"), hedges(target, code)
        if given < wanted:
            found.append(f"{wanted} hedge(s) in English, {given} in {code}: {hedged_sentences(source)} -> {target!r}")
    return found


# The glossary page lists its terms in each language's alphabetical order,
# so its blocks do not line up; its sources (includes/<folder>/glossary.md)
# do, a term a line in the English order, and are compared instead.
SORTED_PAGES = {"glossary/"}


def _glossary(path) -> list[str]:
    return [line.split(":", 1)[1] for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("*[")]


@pytest.mark.parametrize("code", TRANSLATIONS)
def test_every_hedge_in_the_english_glossary_is_kept_in_the_translation(code):
    english = _glossary(ROOT / "includes" / "glossary.md")
    translated = _glossary(ROOT / "includes" / folder(code) / "glossary.md")
    assert len(english) == len(translated), f"includes/{folder(code)}/glossary.md: not a term for each English one"
    assert not dropped(english, translated, code)


@pytest.mark.parametrize("code", TRANSLATIONS)
def test_every_hedge_in_english_is_kept_in_the_translation(site, code):
    problems, hedged = {}, 0
    for url in [u for u in EVERY_PAGE if u not in SORTED_PAGES]:
        english = [t for _, t in blocks(page_path(site, LANGUAGES[0], url).read_text(encoding="utf-8"))]
        translated = [t for _, t in blocks(page_path(site, code, url).read_text(encoding="utf-8"))]
        assert len(english) == len(translated), f"/{code}/{url}: the blocks differ (test_languages.py says how)"
        hedged += sum(1 for text in english if hedges(text, "en"))
        found = dropped(english, translated, code)
        if found:
            problems[url or "home"] = found
    assert hedged >= 30, "this test's assumption: it reads the English pages' hedged sentences"
    assert not problems, "Hedges dropped in translation (keep 'may' and 'can' as the English has them):\n" + \
        "\n".join(f"  {url}: {line}" for url, lines in problems.items() for line in lines)


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

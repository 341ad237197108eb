"""What we write, checked in every edition (the clinic's article is its
own: tests/site/test_fidelity.py). Each check is shown to fail on a planted
error.

- Spelling, with Debian's hunspell dictionaries (en_US, es_US) and a
  project word list per language (tests/spelling/) of real terms and names
  only; British spellings and British usage fail in English. Chinese has
  no spelling but has its slip: a Simplified character in the Traditional
  edition (OpenCC's Simplified-to-Taiwan table finds them).
- Repetition: a doubled word, or a word said twice a few words apart with
  nothing joining the two ("presión aumento de la presión").
- Reading level of every section of our text: grade 8 or below in English
  (Flesch-Kincaid), "bastante fácil" or easier in Spanish (INFLESZ, the
  Szigriszt-Pazos formula, 65 or more). textstat has no formula for
  Chinese: there, our own limit on sentence length, the measure a reader
  feels first (at most 25 characters a sentence on average in a section,
  and no sentence over 80). Exceptions are named, with reasons,
  in tests/reading_level_exceptions.yml, and that list can only shrink.
- Clinic practice: no sentence of ours says what the clinic or its staff
  will do, unless it is a question to ask, comes from the article or from
  configuration (CLINIC_FACTS below).
- The year of an expert statement is given wherever it is cited.

Here: the session's build (tests/site/). The same feature's other layers:
tests/unit/test_writing.py.
"""

from __future__ import annotations

import re
import subprocess
import warnings
from pathlib import Path

import pytest
import yaml

from page_text import EVERY_PAGE, as_sentences, our_blocks, page_path, sections
from sitebuild import LANGUAGES, ROOT, require_tool
from writing_helpers import (DICTIONARIES, dictionary_versions, HAN, MAX_GRADE, MAX_HAN_MEAN, MAX_HAN_SENTENCE, MAX_WORDS_MEAN,
                             MAX_WORDS_SENTENCE, MIN_INFLESZ, british, chinese_style, clinic_practice, misspelt,
                             reading_score, repeats, simplified_characters, too_hard, undated_expert_citations,
                             word_list)

def _our_text(site: Path, code: str) -> dict[str, list[str]]:
    """{url: our blocks' text} in language `code`, the article left out."""
    return {url: [b.text for b in our_blocks(site, url, code) if b.text and not (b.article and code != "en")]
            for url in EVERY_PAGE}


# ---- Spelling ---------------------------------------------------------------------

def _words(text: str) -> list[str]:
    """The words of a text, as a spelling checker should see them: no web
    addresses or domain names, no possessive 's, no numbers."""
    text = re.sub(r"https?://\S+|\b[\w-]+\.(?:com|org|gov|io)\b\S*", " ", text)
    words = re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)*", text)
    # A letter alone is no word to spell: the N and D of N-metil-D-aspartato,
    # which one hunspell-es accepts and another does not.
    return [re.sub(r"['’]s$", "", w) for w in words if len(w) > 1]


@pytest.mark.parametrize("code", LANGUAGES)
def test_our_text_is_spelt_right(site, code):
    by_page = _our_text(site, code)
    words = {w for texts in by_page.values() for t in texts for w in _words(t)}
    wrong = misspelt(words, code)
    where = {w: sorted({url or "home" for url, texts in by_page.items() if any(w in _words(t) for t in texts)})
             for w in sorted(wrong)}
    if code.startswith("zh"):   # characters, not words
        where = {c: sorted({url or "home" for url, texts in by_page.items() if any(c in x for x in texts)})
                 for c in sorted(wrong)}
    assert not wrong, (f"Spelling ({DICTIONARIES.get(code, code)}): " + "; ".join(f"{w!r} on {', '.join(p)}" for w, p in where.items())
                       + f". Fix the word, or, if it is a real term or name, add it to tests/spelling/{code}.txt.")


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_word_on_the_list_is_needed_and_used(site, code):
    """A word on the list must be one the dictionary lacks, and one the site
    uses: the list holds terms and names, never a typo kept quiet."""
    listed = word_list(code)
    text = " ".join(t for texts in _our_text(site, code).values() for t in texts)
    used = set(HAN.findall(text)) if code.startswith("zh") else {w.lower() for w in _words(text)}
    unused = {w for w in listed if w.lower() not in used}
    assert not unused, f"tests/spelling/{code}.txt: not on the site, delete: {sorted(unused)}"
    if code.startswith("zh"):
        known = listed - simplified_characters("".join(listed))
        assert not known, f"tests/spelling/{code}.txt: OpenCC leaves these as they are, delete: {sorted(known)}"
        return
    hunspell = require_tool("hunspell", "so spelling cannot be checked")
    result = subprocess.run([hunspell, "-d", DICTIONARIES[code], "-l"], input="\n".join(sorted(listed)),
                            capture_output=True, text=True, check=True)
    known = listed - set(result.stdout.split())
    # Debian packages differ between releases (Debian 13's hunspell-es knows
    # telemedicina, Debian 12's does not): a word is needed while the
    # dictionary the list was checked against lacks it. On another, the
    # words it knows are named, not failed.
    checked, installed = dictionary_versions(code)
    if known and checked != installed:
        warnings.warn(f"tests/spelling/{code}.txt was checked against {checked}; this machine has {installed}, "
                      f"which knows {sorted(known)}. Delete them when the list moves to it.")
        return
    assert not known, f"tests/spelling/{code}.txt: the dictionary knows these already, delete: {sorted(known)}"


def test_english_uses_us_words(site):
    found = {url or "home": british(" ".join(texts)) for url, texts in _our_text(site, "en").items()}
    found = {url: words for url, words in found.items() if words}
    assert not found, f"British usage: {found}"


def test_chinese_keeps_one_spelling_and_style(site):
    found = {url or "home": chinese_style(" ".join(texts)) for url, texts in _our_text(site, "zh-Hant").items()}
    found = {url: words for url, words in found.items() if words}
    assert not found, f"Chinese style: {found}"


# ---- Repetition -------------------------------------------------------------------


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_doubled_or_garbled_words(site, code):
    found = {url or "home": [r for t in texts for r in repeats(t, code)] for url, texts in _our_text(site, code).items()}
    found = {url: r for url, r in found.items() if r}
    assert not found, f"Repeated words ({code}): {found}"


# ---- Reading level -----------------------------------------------------------------

MIN_WORDS = 30         # the formulas need some text: shorter sections are not measured
EXCEPTIONS = ROOT / "tests" / "reading_level_exceptions.yml"


def _exceptions() -> dict[str, str]:
    data = yaml.safe_load(EXCEPTIONS.read_text(encoding="utf-8")) or {}
    return {entry["section"]: entry["reason"] for entry in data.get("exceptions") or []}


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_section_we_write_is_easy_to_read(site, code):
    exceptions = _exceptions()
    hard, fixed = [], []
    for url in EVERY_PAGE:
        for section, text in sections(site, url, code).items():
            name = f"{code}:{url}#{section}"
            # Chinese has no spaces: about two characters a word.
            if (len(HAN.findall(text)) / 2 if code.startswith("zh") else len(text.split())) < MIN_WORDS:
                continue
            if too_hard(text, code):
                if name not in exceptions:
                    hard.append(f"{name} ({reading_score(text, code):.1f})")
            elif name in exceptions:
                fixed.append(name)
    limit = (f"grade {MAX_GRADE} or below" if code == "en" else
             f"sentences of {MAX_HAN_MEAN} characters on average, none over {MAX_HAN_SENTENCE}" if code.startswith("zh")
             else f"sentences of {MAX_WORDS_MEAN} words on average, none over {MAX_WORDS_SENTENCE}" if code == "fil"
             else f"INFLESZ {MIN_INFLESZ} or more")
    assert not hard, f"Sections above the reading level ({limit}): {hard}. Shorter sentences and plainer words."
    assert not fixed, f"These now read easily: take them off {EXCEPTIONS.name}: {fixed}"


def test_the_section_split_reads_our_text_and_leaves_out_the_article(site):
    english = sections(site, "pain-overlap/", "en")
    assert "sometimes called pain overlap" in " ".join(english.values())
    assert "inseparable pair" not in " ".join(english.values()), "the article's sentences are left out"
    assert as_sentences("Heart disease") == "Heart disease." and as_sentences("one;") == "one."


# ---- Clinic practice ----------------------------------------------------------------


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_sentence_of_ours_says_what_the_clinic_will_do(site, config, code):
    clinic = config["extra"]["clinic"]["name"]
    found = {url or "home": [s for t in texts for s in clinic_practice(t, code, clinic)]
             for url, texts in _our_text(site, code).items()}
    found = {url: s for url, s in found.items() if s}
    assert not found, (f"Clinic practice that nobody at the clinic has confirmed ({code}): {found}. Say what the label "
                       "or guideline requires, or what to ask the clinic; facts about the clinic come from the "
                       "article or extra.clinic (add such a sentence to CLINIC_FACTS with its source).")


# ---- The year of an expert statement ------------------------------------------------


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_expert_statement_is_cited_with_its_year(site, code):
    found = {url or "home": undated_expert_citations(page_path(site, code, url).read_text(encoding="utf-8"))
             for url in EVERY_PAGE}
    found = {url: f for url, f in found.items() if f}
    assert not found, f"Give the year of the expert statement where it is cited ({code}): {found}"



"""The hedge check: the words that hedge in each language, and the hedges an
English text has that its translation drops. Planted errors in
tests/unit/test_hedges.py; the built pages in tests/site/test_hedges.py."""

from __future__ import annotations

import re


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

"""What we write, checked in every edition (the clinic's article is its
own: tests/test_fidelity.py). Each check is shown to fail on a planted
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
"""

from __future__ import annotations

import re
import subprocess
import warnings
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from page_text import EVERY_PAGE, as_sentences, our_blocks, page_path, sections
from sitebuild import LANGUAGES, ROOT, require_tool

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    import textstat

# Debian's hunspell dictionaries, and the package of each (`make system` installs
# them). Filipino is written with English words in it (side effects,
# session, infusion), so its text is checked against Tagalog and US English.
DICTIONARIES = {"en": "en_US", "es": "es_US", "fil": "tl,en_US"}
PACKAGES = {"en_US": "hunspell-en-us", "es_US": "hunspell-es", "tl": "myspell-tl"}
WORD_LISTS = ROOT / "tests" / "spelling"


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
    return [re.sub(r"['’]s$", "", w) for w in words]


def _word_list(code: str) -> set[str]:
    path = WORD_LISTS / f"{code}.txt"
    return {line.strip() for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")}


HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def simplified_characters(text: str) -> set[str]:
    """Characters OpenCC's Simplified-to-Taiwan table would change: a
    Simplified character in Traditional text, the slip of a reader's or a
    translator's keyboard. Some Traditional characters are in its table too
    (准 of 核准): the project's word list names those."""
    import opencc

    to_traditional = opencc.OpenCC("s2tw")
    return {c for c in set(HAN.findall(text)) if to_traditional.convert(c) != c}


def misspelt(words: set[str], code: str) -> set[str]:
    """The words hunspell does not know, in the language's dictionary plus
    the project's word list; in Chinese, the Simplified characters not on it."""
    if code.startswith("zh"):
        return simplified_characters("".join(words)) - _word_list(code)
    hunspell = require_tool("hunspell", "so spelling cannot be checked")
    for name in DICTIONARIES[code].split(","):
        if not Path(f"/usr/share/hunspell/{name}.dic").exists():
            pytest.fail(f"{PACKAGES[name]} is not installed (/usr/share/hunspell/{name}.dic); `make system` installs it")
    known = _word_list(code)
    # A listed word may start a sentence: "Ketamine" is "ketamine".
    unknown = {w for w in words if w not in known and w.lower() not in known}
    result = subprocess.run([hunspell, "-d", DICTIONARIES[code], "-l"], input="\n".join(sorted(unknown)),
                            capture_output=True, text=True, check=True)
    return set(result.stdout.split())


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


@pytest.mark.parametrize("code,planted", [("en", "recieve"), ("en", "behaviour"), ("en", "colours"), ("es", "presion"),
                                          ("es", "recivir"), ("zh-Hant", "药"), ("zh-Hant", "医")])
def test_the_spelling_check_finds_a_planted_error(code, planted):
    right = {"en": "ketamine", "es": "ketamina", "zh-Hant": "藥物"}[code]
    assert planted in misspelt({planted, right}, code) and not misspelt({right}, code)


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_word_on_the_list_is_needed_and_used(site, code):
    """A word on the list must be one the dictionary lacks, and one the site
    uses: the list holds terms and names, never a typo kept quiet."""
    listed = _word_list(code)
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
    assert not known, f"tests/spelling/{code}.txt: the dictionary knows these already, delete: {sorted(known)}"


# British usage that a US dictionary accepts, with the words US patients use.
BRITISH_USAGE = {
    r"\bbeing sick\b": "throwing up (vomiting)",
    r"\bfeel(ing)? sick\b(?! to)": "sick to your stomach (nausea)",
    r"\bpass(ing)? urine\b": "pee (urinate)",
    r"\bheart tracing\b": "EKG",
    r"\bECG\b": "EKG",
    r"\bdummy (treatment|pill)\b": "placebo",
    r"\bgot better\b": "gotten better",
    r"\badverts?\b": "ads",
    r"\bstraight away\b": "right away",
    r"\bafterwards\b": "afterward, or after a session",
    r"\bwhilst\b": "while",
    r"\bfortnight\b": "two weeks",
    r"\bA&E\b": "the emergency room",
    r"\bGP\b": "your doctor",
    r"\bparacetamol\b": "acetaminophen (Tylenol)",
    r"\bholiday\b": "vacation",
}


def british(text: str) -> list[str]:
    return [f"{re.search(p, text, re.I)[0]!r} (write {us})" for p, us in BRITISH_USAGE.items() if re.search(p, text, re.I)]


def test_english_uses_us_words(site):
    found = {url or "home": british(" ".join(texts)) for url, texts in _our_text(site, "en").items()}
    found = {url: words for url, words in found.items() if words}
    assert not found, f"British usage: {found}"


def test_the_us_words_check_finds_british_usage():
    assert british("Feeling sick and being sick; pass urine; a heart tracing (ECG).") and not british("throwing up")


# The Chinese edition writes as San Francisco's Cantonese-speaking readers
# do, in the Hong Kong style of Traditional Chinese (甚麼, 三藩市, 電郵), one
# spelling each. Mandarin, for the 988 interpreter, is named as Taiwan says
# it (國語), since Mandarin speakers here often come from Taiwan.
CHINESE_STYLE = {
    "什麼": "甚麼",
    "舊金山": "三藩市 (San Francisco's Chinese community says 三藩市)",
    "電子郵件": "電郵",
    "精神病(?!症狀)": "精神病症狀 (psychosis; 精神病 alone reads as mental illness in general)",
    "證據有好有壞": "研究結果不一致 (the results do not agree)",
}


def chinese_style(text: str) -> list[str]:
    return [f"{re.search(p, text)[0]!r} (write {want})" for p, want in CHINESE_STYLE.items() if re.search(p, text)]


def test_chinese_keeps_one_spelling_and_style(site):
    found = {url or "home": chinese_style(" ".join(texts)) for url, texts in _our_text(site, "zh-Hant").items()}
    found = {url: words for url, words in found.items() if words}
    assert not found, f"Chinese style: {found}"


def test_the_chinese_style_check_finds_a_planted_variant():
    assert chinese_style("您想知道什麼？") and chinese_style("有精神病的人") and not chinese_style("精神病症狀")


# ---- Repetition -------------------------------------------------------------------

# Words that join a word to itself in good prose ("the body by easing the
# mind", "dolor físico y el dolor mental", "depression is depression").
JOINERS = set("and or but nor by than to of is are for with as vs y o e u ni pero que al del con por es son sobre "
              "a en at ng sa ang na ay kaysa para mula hanggang kung pero nang".split())
WINDOW = 4   # words


def repeats(text: str, code: str = "en") -> list[str]:
    """A doubled word, or a word of five letters or more said again within
    a few words with no joining word between. In Chinese, written without
    spaces, a run of two characters or more said twice in a row (a doubled
    single character is a word of its own: 常常, 慢慢)."""
    found = [m[0] for m in re.finditer(r"([\u3400-\u9fff]{2,})\1", text)]
    # A few words apart means little where a sentence is one long word:
    # in Chinese, only a Latin word said twice in a row counts.
    window = 1 if code.startswith("zh") else WINDOW
    for sentence in re.split(r"(?<=[.!?;:])[\"”’)]*\s+", text):
        words = [w.lower() for w in re.findall(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", sentence)]
        for i, word in enumerate(words):
            for j in range(i + 1, min(i + 1 + window, len(words))):
                between = words[i + 1:j]
                if words[j] == word and (j == i + 1 or (len(word) >= 5 and not JOINERS & set(between))):
                    found.append(" ".join(words[i:j + 1]))
                    break
    return found


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_doubled_or_garbled_words(site, code):
    found = {url or "home": [r for t in texts for r in repeats(t, code)] for url, texts in _our_text(site, code).items()}
    found = {url: r for url, r in found.items() if r}
    assert not found, f"Repeated words ({code}): {found}"


@pytest.mark.parametrize("text,found", [
    ("efectos en la salud mental, presión aumento de la presión arterial.", ["presión aumento de la presión"]),
    ("It raises the the blood pressure.", ["the the"]),
    ("Easing the body by easing the mind.", []),
    ("el dolor físico y el dolor mental", []),
    ("這會使血壓血壓升高。", ["血壓血壓"]),
    ("很多人常常覺得想睡。", []),
])
def test_the_repetition_check(text, found):
    assert repeats(text) == found


# ---- Reading level -----------------------------------------------------------------

MAX_GRADE = 8          # NIH and AMA: grade 6 to 8 for patient material
MIN_INFLESZ = 65       # "bastante fácil" on the INFLESZ scale (Barrio-Cantalejo et al., 2008)
MIN_WORDS = 30         # the formulas need some text: shorter sections are not measured
EXCEPTIONS = ROOT / "tests" / "reading_level_exceptions.yml"


MAX_HAN_MEAN = 25      # Chinese: characters a sentence, on average in a section (our limit)
MAX_HAN_SENTENCE = 80  # Chinese: characters in any one sentence (our limit)
# Filipino: textstat has no formula for it, and syllable counts mislead in
# a language whose words grow by affixes (magpapakonsulta). The measure is
# sentence length in words: the US federal plain-language guidelines ask
# for 20 words a sentence on average (plainlanguage.gov, "Write short
# sentences"); none over 40 is our limit.
MAX_WORDS_MEAN = 20
MAX_WORDS_SENTENCE = 40
# English: the third clinical review (#32) asked that no sentence of ours
# run to 30 words or more; a reader in distress loses a long one.
MAX_ENGLISH_SENTENCE = 29


def _word_sentences(text: str) -> list[int]:
    return [len(s.split()) for s in re.split(r"(?<=[.!?;:])\s+", text) if s.strip()]


def _han_sentences(text: str) -> list[int]:
    return [len(HAN.findall(s)) for s in re.split(r"(?<=[。！？；：.!?;:])", text) if HAN.search(s)]


def _score(text: str, code: str) -> float:
    if code.startswith("zh"):   # the mean sentence length, in characters
        lengths = _han_sentences(text)
        return sum(lengths) / len(lengths) if lengths else 0.0
    if code == "fil":   # the mean sentence length, in words
        lengths = _word_sentences(text)
        return sum(lengths) / len(lengths) if lengths else 0.0
    if code == "es":
        textstat.set_lang("es")
        try:
            return textstat.szigriszt_pazos(text)
        finally:
            textstat.set_lang("en_US")
    return textstat.flesch_kincaid_grade(text)


def too_hard(text: str, code: str) -> bool:
    score = _score(text, code)
    if code.startswith("zh"):
        return score > MAX_HAN_MEAN or max(_han_sentences(text), default=0) > MAX_HAN_SENTENCE
    if code == "fil":
        return score > MAX_WORDS_MEAN or max(_word_sentences(text), default=0) > MAX_WORDS_SENTENCE
    if code == "en":
        return score > MAX_GRADE or max(_word_sentences(text), default=0) > MAX_ENGLISH_SENTENCE
    return score < MIN_INFLESZ


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
                    hard.append(f"{name} ({_score(text, code):.1f})")
            elif name in exceptions:
                fixed.append(name)
    limit = (f"grade {MAX_GRADE} or below" if code == "en" else
             f"sentences of {MAX_HAN_MEAN} characters on average, none over {MAX_HAN_SENTENCE}" if code.startswith("zh")
             else f"sentences of {MAX_WORDS_MEAN} words on average, none over {MAX_WORDS_SENTENCE}" if code == "fil"
             else f"INFLESZ {MIN_INFLESZ} or more")
    assert not hard, f"Sections above the reading level ({limit}): {hard}. Shorter sentences and plainer words."
    assert not fixed, f"These now read easily: take them off {EXCEPTIONS.name}: {fixed}"


@pytest.mark.parametrize("code,text", [
    ("en", "Esketamine's pharmacokinetic characteristics necessitate comprehensive cardiovascular surveillance "
           "throughout administration, particularly among individuals with preexisting hypertensive conditions."),
    # Grade 7.9 (one-syllable words), but one sentence of 30 words (the review's limit).
    ("en", "If you feel sick or sleep a lot when you get home, do not wait but call the desk and tell them so they "
           "can help you get care fast."),
    ("es", "Las características farmacocinéticas de la esketamina requieren una vigilancia cardiovascular "
           "exhaustiva durante la administración, particularmente entre individuos con condiciones hipertensivas."),
    ("zh-Hant", "由於艾氯胺酮的藥物動力學特性以及其對心血管系統可能造成的多方面影響，在整個給藥過程中以及給藥之後的"
                "一段相當長的時間內都必須對患者的血壓心率呼吸和意識狀態進行持續而全面的監測和記錄。"),
    ("fil", "Dahil sa mga katangiang pharmacokinetic ng esketamine at sa maraming posibleng epekto nito sa puso at "
            "mga ugat, kailangang bantayan nang tuloy-tuloy at buong-buo ang presyon, tibok ng puso, paghinga at "
            "kamalayan ng pasyente sa buong panahon ng pagbibigay nito at sa mahabang oras pagkatapos."),
])
def test_the_reading_level_check_finds_hard_text(code, text):
    assert too_hard(text, code)
    easy = {"en": "You may feel sleepy. Do not drive home. Ask a friend to take you.",
            "es": "Puede tener sueño. No maneje a casa. Pida a alguien que le lleve.",
            "zh-Hant": "您可能會想睡。不要自己開車回家。請朋友送您回家。",
            "fil": "Puwede kayong antukin. Huwag magmaneho pauwi. Magpahatid sa isang kaibigan."}
    assert not too_hard(easy[code], code)


def test_the_section_split_reads_our_text_and_leaves_out_the_article(site):
    english = sections(site, "pain-overlap/", "en")
    assert "sometimes called pain overlap" in " ".join(english.values())
    assert "inseparable pair" not in " ".join(english.values()), "the article's sentences are left out"
    assert as_sentences("Heart disease") == "Heart disease." and as_sentences("one;") == "one."


# ---- Clinic practice ----------------------------------------------------------------

# Who a sentence may not describe as doing things, unless the sentence asks
# or tells the reader to ask, or is one of CLINIC_FACTS.
SUBJECTS = {"en": r"(?:the|each|a|this|your) clinic|clinics|staff|the team|the doctors?|{clinic}",
            "es": r"(?:la|cada|una|esta|su) clínica|las clínicas|el personal|el equipo|los médicos|{clinic}",
            "zh": r"(?:這間|每間|該|您的)?診所|工作人員|職員|團隊|醫生們|{clinic}",
            "fil": r"(?:ang|ng|sa) (?:mga )?klinika|(?:ang|ng) (?:mga )?(?:staff|tauhan|doktor)|(?:ang|ng) team|{clinic}"}
VERBS = {"en": r"will|would|does|is going to|(?:gives|offers|provides|checks|monitors|uses|treats|asks|suggests|watches|"
               r"keeps|makes|sends|tests|measures|takes|charges|accepts|bills|prescribes|starts|decides|reviews|follows|"
               r"calls|helps|is paid|earns|has|sees|works|sets|plans)\b|check\b|watch\b|give\b",
         "es": r"(?:le )?(?:preguntará|revisa|revisará|propondrá|propone|ofrece|da|dará|hace|hará|vigila|vigilará|usa|"
               r"trata|cobra|acepta|receta|llama|ayuda|decide|mide|toma|tiene|gana|recibe|trabaja|fija|planea)\b",
         "zh": r"會|將|提供|檢查|觀察|監察|使用|治療|收費|接受|開藥|決定|測量|安排|給您|打電話|賺",
         # Filipino puts the verb first ("Susuriin ng klinika ..."): its
         # forms that say what someone does or will do, future ones doubled.
         "fil": r"(?:su)?suriin|susuri|(?:ti)?titingnan|(?:ba)?babantayan|nagbabantay|magbabantay|bibigyan|"
                r"(?:mag|nag)(?:bi)?bigay|ibibigay|(?:mag|nag)-?aalok|(?:ga)?gamitin|gagamit|gumagamit|"
                r"(?:si)?singil(?:in)?|(?:na|ma)niningil|(?:ta)?tanggap|tumatanggap|(?:mag|nag)(?:re)?reseta|"
                r"(?:ta)?tawag(?:an)?|tumatawag|(?:tu)?tulong|tumutulong|(?:mag|nag)(?:pa)?pasya|(?:su)?sukatin|"
                r"(?:mag|nag)(?:pa)?plano|kumikita|kikita"}
ASKS = {"en": r"^(ask|tell|talk|share|be ready to tell)\b|\b(ask|tell) (the|your|at)\b|\bto ask\b|\?",
        "es": r"^(pregunte|cuéntele|dígale|avise|hable|compártalos|prepárese)\b|\bpregunt[ae]\b|\?|¿",
        "zh": r"^請|問|告訴|？",
        "fil": r"^(itanong|tanungin|sabihin|ipaalam|magtanong|kausapin|ihanda)\b|\b(itanong|tanungin|magtanong)\b|\?"}
# A label's or a guideline's requirement, said as theirs, is not clinic practice.
SOURCES_SAY = {"en": r"\b(labels?|guidelines?|REMS|FDA)\b (says?|said|call for|requires?)\b",
               "es": r"\b(etiquetas?|guías|REMS|FDA)\b (dicen?|dijo|piden?|exigen?)\b",
               "zh": r"(說明書|指引|REMS|FDA|安全計劃)(說|要求)",
               "fil": r"\b(label|gabay|guidelines?|REMS|FDA)\b.{0,30}\b(sinasabi|sabi|hinihingi|iniuutos|"
                      r"nag-uutos|kailangan)\b|\b(hinihingi|iniuutos|sinasabi) ng (label|gabay|REMS|FDA)\b"}
# Sentences that say what the clinic does, each with where it comes from.
CLINIC_FACTS = {
    "Avid Sports Medicine offers it in San Francisco, for people across the Bay Area.":
        "the article (booking, #whole-body-relief) and extra.clinic.area_served",
    "Avid Sports Medicine la ofrece en San Francisco, para personas de toda el Área de la Bahía.":
        "the same, in Spanish",
    "The clinic provides ketamine therapy and earns money from the treatment it provides.":
        "the conflict of interest (About): the article offers the clinic's treatment",
    "La clínica ofrece terapia con ketamina y gana dinero con el tratamiento que ofrece.": "the same, in Spanish",
    "Avid Sports Medicine 在三藩市提供這種治療，服務整個灣區的人。": "the same, in Chinese",
    "Avid Sports Medicine provides this treatment and is paid for it.":
        "the label on the clinic's article (kbsite.markdown.clinic_article): the conflict of interest, in About",
    "Published by Avid Sports Medicine, a clinic that provides ketamine therapy.":
        "the home page's publisher line: About (#publisher) and the conflict of interest",
    "Publicada por Avid Sports Medicine, una clínica que ofrece terapia con ketamina.": "the same, in Spanish",
    "Avid Sports Medicine ofrece este tratamiento y cobra por él.": "the label, in Spanish",
    "Avid Sports Medicine 提供這種治療，並收取費用。": "the label, in Chinese",
    "這間診所提供氯胺酮治療，並從它提供的治療中賺錢。": "the same, in Chinese",
}


def clinic_practice(text: str, code: str, clinic: str) -> list[str]:
    lang = code.split("-")[0]
    subject = SUBJECTS[lang].format(clinic=re.escape(clinic))
    if lang == "fil":   # the verb first, then its doer within a few words; or the doer, "ay", the verb
        pattern = re.compile(rf"\b(?:{VERBS[lang]})\b(?:\s+\S+){{0,2}}?\s+(?:{subject})\b|"
                             rf"\b(?:{subject})\s+ay\s+(?:\S+\s+){{0,2}}?(?:{VERBS[lang]})\b", re.I)
        sentences = re.split(r"(?<=[.!?:])\s+", text)
    elif lang == "zh":   # no spaces: the subject, then a few characters, then the verb
        # 診所的 is the clinic's (its plan, its prices), not the clinic doing.
        pattern = re.compile(rf"(?:{subject})(?!的)[^。，；：？！.,;:?!\"]{{0,6}}?(?:{VERBS[lang]})")
        sentences = [s.strip() for s in re.split(r"(?<=[。！？：])", text) if s.strip()]
    else:
        pattern = re.compile(rf"\b(?:{subject})(?!['’]s)\s+(?:\w+\s+)?(?:{VERBS[lang]})", re.I)
        sentences = re.split(r"(?<=[.!?:])\s+", text)
    return [s for s in sentences
            if pattern.search(s) and not re.search(ASKS[lang], s, re.I) and not re.search(SOURCES_SAY[lang], s, re.I)
            and s not in CLINIC_FACTS]


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_sentence_of_ours_says_what_the_clinic_will_do(site, config, code):
    clinic = config["extra"]["clinic"]["name"]
    found = {url or "home": [s for t in texts for s in clinic_practice(t, code, clinic)]
             for url, texts in _our_text(site, code).items()}
    found = {url: s for url, s in found.items() if s}
    assert not found, (f"Clinic practice that nobody at the clinic has confirmed ({code}): {found}. Say what the label "
                       "or guideline requires, or what to ask the clinic; facts about the clinic come from the "
                       "article or extra.clinic (add such a sentence to CLINIC_FACTS with its source).")


@pytest.mark.parametrize("text", ["The clinic will ask about your health.", "Staff check your blood pressure.",
                                  "The clinic will suggest a plan; ask how you will know.".split(";")[0] + ".",
                                  "La clínica le preguntará sobre su salud.", "El personal revisa su presión arterial.",
                                  "診所會檢查您的血壓。", "工作人員會打電話給您。",
                                  "Susuriin ng klinika ang inyong presyon.", "Tatawagan kayo ng staff pagkatapos.",
                                  "Ang klinika ay magbibigay ng plano."])
def test_the_clinic_practice_check_finds_a_planted_claim(text):
    code = ("es" if "clínica" in text or "personal" in text else "zh-Hant" if HAN.search(text)
            else "fil" if re.search(r"\b(ng|ang|kayo)\b", text) else "en")
    assert clinic_practice(text, code, "Avid Sports Medicine") == [text]


def test_questions_to_ask_the_clinic_pass():
    assert not clinic_practice("Ask the clinic what plan it suggests.", "en", "Avid Sports Medicine")
    assert not clinic_practice("Pregunte en la clínica qué plan propone.", "es", "Avid Sports Medicine")
    assert not clinic_practice("請問診所建議甚麼療程。", "zh-Hant", "Avid Sports Medicine")
    assert not clinic_practice("Itanong sa klinika kung anong plano ang ibibigay nila.", "fil", "Avid Sports Medicine")


# ---- The year of an expert statement ------------------------------------------------

EXPERT_STATEMENTS = {"cohen-2018": "2018", "sanacora-2017": "2017", "mcintyre-2021": "2021"}


def undated_expert_citations(html: str) -> list[str]:
    """Sentences citing an expert statement whose block (or, for a list item,
    the paragraph that introduces the list) does not give its year."""
    soup = BeautifulSoup(html, "lxml")
    found = []
    for ref, year in EXPERT_STATEMENTS.items():
        for link in soup.select(f'a.footnote-ref[href="#fn:{ref}"]'):
            block = link.find_parent(["p", "li", "td", "dd"])
            context = block.get_text(" ")
            if block.name == "li":
                lead = block.find_parent(["ul", "ol"]).find_previous_sibling("p")
                context += " " + (lead.get_text(" ") if lead else "")
            if year not in context:
                sentence = " ".join(block.get_text(" ").split())[:90]
                found.append(f"[^{ref}] ({year}): {sentence}")
    return found


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_expert_statement_is_cited_with_its_year(site, code):
    found = {url or "home": undated_expert_citations(page_path(site, code, url).read_text(encoding="utf-8"))
             for url in EVERY_PAGE}
    found = {url: f for url, f in found.items() if f}
    assert not found, f"Give the year of the expert statement where it is cited ({code}): {found}"


def test_the_expert_year_check_finds_an_undated_citation():
    html = ('<p>In 2018, guidelines said so.<sup><a class="footnote-ref" href="#fn:cohen-2018">1</a></sup></p>'
            '<p>People with liver disease:</p><ul><li>need care.<sup><a class="footnote-ref" '
            'href="#fn:cohen-2018">1</a></sup></li></ul>')
    assert len(undated_expert_citations(html)) == 1

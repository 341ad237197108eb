"""The writing checks: spelling (hunspell and the word lists), US usage,
Chinese style, repetition, reading level, what the clinic will do, and
dated expert statements. Each is shown to fail on a planted error in
tests/unit/test_writing.py, and runs on our text in every edition in
tests/site/test_writing.py."""

from __future__ import annotations

import re
import subprocess
import warnings
from pathlib import Path
import pytest
from bs4 import BeautifulSoup
from sitebuild import ROOT, require_tool

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    import textstat


# Debian's hunspell dictionaries, and the package of each (`make system` installs
# them). Filipino is written with English words in it (side effects,
# session, infusion), so its text is checked against Tagalog and US English.
DICTIONARIES = {"en": "en_US", "es": "es_US", "fil": "tl,en_US"}


PACKAGES = {"en_US": "hunspell-en-us", "es_US": "hunspell-es", "tl": "myspell-tl"}


WORD_LISTS = ROOT / "tests" / "spelling"


def dictionary_versions(code: str) -> tuple[str, str]:
    """(the dictionaries the word list says it was checked against, those
    installed here), each as "package version, ..." (Debian's dpkg-query)."""
    declared = re.search(r"^# Checked against: (.+)$", (WORD_LISTS / f"{code}.txt").read_text(encoding="utf-8"), re.M)
    names = [PACKAGES[name] for name in DICTIONARIES[code].split(",")]
    found = subprocess.run(["dpkg-query", "-W", "-f", "${Package} ${Version}\n", *names], capture_output=True, text=True)
    installed = ", ".join(found.stdout.split("\n")[:-1]) if found.returncode == 0 else "(no dpkg-query)"
    return (declared[1] if declared else "(not recorded)"), installed


def word_list(code: str) -> set[str]:
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
        return simplified_characters("".join(words)) - word_list(code)
    hunspell = require_tool("hunspell", "so spelling cannot be checked")
    for name in DICTIONARIES[code].split(","):
        if not Path(f"/usr/share/hunspell/{name}.dic").exists():
            pytest.fail(f"{PACKAGES[name]} is not installed (/usr/share/hunspell/{name}.dic); `make system` installs it")
    known = word_list(code)
    # A listed word may start a sentence: "Ketamine" is "ketamine".
    unknown = {w for w in words if w not in known and w.lower() not in known}
    result = subprocess.run([hunspell, "-d", DICTIONARIES[code], "-l"], input="\n".join(sorted(unknown)),
                            capture_output=True, text=True, check=True)
    return set(result.stdout.split())


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


MAX_GRADE = 8          # NIH and AMA: grade 6 to 8 for patient material


MIN_INFLESZ = 65       # "bastante fácil" on the INFLESZ scale (Barrio-Cantalejo et al., 2008)


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


def word_sentences(text: str) -> list[int]:
    return [len(s.split()) for s in re.split(r"(?<=[.!?;:])\s+", text) if s.strip()]


def han_sentences(text: str) -> list[int]:
    return [len(HAN.findall(s)) for s in re.split(r"(?<=[。！？；：.!?;:])", text) if HAN.search(s)]


def reading_score(text: str, code: str) -> float:
    if code.startswith("zh"):   # the mean sentence length, in characters
        lengths = han_sentences(text)
        return sum(lengths) / len(lengths) if lengths else 0.0
    if code == "fil":   # the mean sentence length, in words
        lengths = word_sentences(text)
        return sum(lengths) / len(lengths) if lengths else 0.0
    if code == "es":
        textstat.set_lang("es")
        try:
            return textstat.szigriszt_pazos(text)
        finally:
            textstat.set_lang("en_US")
    return textstat.flesch_kincaid_grade(text)


def too_hard(text: str, code: str) -> bool:
    score = reading_score(text, code)
    if code.startswith("zh"):
        return score > MAX_HAN_MEAN or max(han_sentences(text), default=0) > MAX_HAN_SENTENCE
    if code == "fil":
        return score > MAX_WORDS_MEAN or max(word_sentences(text), default=0) > MAX_WORDS_SENTENCE
    if code == "en":
        return score > MAX_GRADE or max(word_sentences(text), default=0) > MAX_ENGLISH_SENTENCE
    return score < MIN_INFLESZ


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

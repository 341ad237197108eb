"""The writing checks of tests/site/test_writing.py (its docstring says what each
asks), each shown here to fail on a planted error, without a build."""

from __future__ import annotations

import re
import pytest
from writing_helpers import (HAN, british, chinese_style, clinic_practice, misspelt, repeats, too_hard,
                             undated_expert_citations)


@pytest.mark.parametrize("code,planted", [("en", "recieve"), ("en", "behaviour"), ("en", "colours"), ("es", "presion"),
                                          ("es", "recivir"), ("zh-Hant", "药"), ("zh-Hant", "医")])
def test_the_spelling_check_finds_a_planted_error(code, planted):
    right = {"en": "ketamine", "es": "ketamina", "zh-Hant": "藥物"}[code]
    assert planted in misspelt({planted, right}, code) and not misspelt({right}, code)


def test_the_us_words_check_finds_british_usage():
    assert british("Feeling sick and being sick; pass urine; a heart tracing (ECG).") and not british("throwing up")


def test_the_chinese_style_check_finds_a_planted_variant():
    assert chinese_style("您想知道什麼？") and chinese_style("有精神病的人") and not chinese_style("精神病症狀")


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


def test_the_expert_year_check_finds_an_undated_citation():
    html = ('<p>In 2018, guidelines said so.<sup><a class="footnote-ref" href="#fn:cohen-2018">1</a></sup></p>'
            '<p>People with liver disease:</p><ul><li>need care.<sup><a class="footnote-ref" '
            'href="#fn:cohen-2018">1</a></sup></li></ul>')
    assert len(undated_expert_citations(html)) == 1

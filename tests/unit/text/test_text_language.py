"""Language detection on real sentences: Russian told from Ukrainian and Belarusian, declarations
believed only when detection is unsure and the script fits."""

from __future__ import annotations

from functools import cache

import pytest

from pipeline.text.language import LanguageDetector, cyrillic_hint, cyrillic_share


@cache
def detector() -> LanguageDetector:
    return LanguageDetector()


SENTENCES = {
    "ru": ["Пресс-секретарь президента России Дмитрий Песков заявил журналистам, что Кремль не намерен "
           "раскрывать подробности переговоров.",
           "Уровень воды в реке Урал в районе Орска начал снижаться.",
           "Москва и Киев обменялись пленными, сообщило министерство обороны."],
    "uk": ["Кабінет міністрів України ухвалив рішення про підвищення мінімальної заробітної плати.",
           "Президент Володимир Зеленський заявив, що переговори тривають.",
           "Рівень води в річці почав знижуватися, повідомили у ДСНС."],
    "be": ["Прэзідэнт Беларусі Аляксандр Лукашэнка правёў нараду з урадам у Мінску.",
           "Узровень вады ў рацэ пачаў зніжацца, паведаміла МНС.",
           "Беларускія хакеісты перамаглі ў фінале чэмпіянату."],
}


@pytest.mark.parametrize(("language", "sentence"), [(k, s) for k, ss in SENTENCES.items() for s in ss])
def test_russian_ukrainian_and_belarusian_are_told_apart(language: str, sentence: str) -> None:
    for declared in (None, "ru", "en"):
        assert detector().detect(sentence, declared).code == language


def test_short_ukrainian_and_belarusian_declared_russian_are_not_russian() -> None:
    assert detector().detect("Ми готові.", "ru").code == "uk"
    assert detector().detect("Мы гатовыя.", "ru").code == "be"
    assert detector().detect("Мы готовы.", "ru").code == "ru"


def test_russian_declared_english_is_russian() -> None:
    assert detector().detect("Пресс-секретарь президента России Дмитрий Песков заявил журналистам.", "en").code == "ru"


def test_transliterated_russian_declared_russian_is_not_given_to_the_russian_models() -> None:
    text = ("Press-sekretar prezidenta Rossii Dmitrij Peskov zajavil zhurnalistam, chto Kreml ne nameren "
            "raskryvat podrobnosti peregovorov.")
    assert detector().detect(text, "ru").code != "ru"


def test_mixed_russian_with_an_english_quote_stays_russian() -> None:
    text = ("Министр иностранных дел Сергей Лавров встретился с госсекретарем США. «We had a frank discussion "
            "on arms control», — сказал Блинкен журналистам после встречи в Женеве.")
    assert detector().detect(text, "ru").code == "ru"


def test_script_helpers() -> None:
    assert cyrillic_share("Песков said") > 0.5 > cyrillic_share("Peskov сказал today")
    assert (cyrillic_hint("Ми готові"), cyrillic_hint("Мы гатовыя, сказаў ён"), cyrillic_hint("Мы готовы")) == \
        ("uk", "be", None)


#: an English results table: scores and dates, club names, one English line
RESULTS_TABLE = """FOOTBALL - GERMAN FIRST DIVISION SUMMARIES.
BONN 2026-03-14
Summaries of Bundesliga matches played on Saturday:
Werder Bremen 2 (Schmid 14, Topp 77) Mainz 05 1 (Weiper 61). Halftime 1-0. Attendance 41,200.
Freiburg 0 Augsburg 0. Attendance 33,800.
Hoffenheim 3 (Kramaric 9 pen, 52, Hlozek 88) Wolfsburg 1 (Wimmer 30). Halftime 1-1. Attendance 25,104.
Union Berlin 1 (Jeong 45+2) Bochum 1 (Hofmann 71). Halftime 1-0. Attendance 22,012.
"""


def test_words_with_digits_do_not_decide_the_language() -> None:
    language = detector().detect(RESULTS_TABLE, "en")
    assert language.code == "en"
    assert detector().detect("2-1 3-0 1-1 (45+2) 41,200", "en").confidence is None  # nothing to read: the declaration

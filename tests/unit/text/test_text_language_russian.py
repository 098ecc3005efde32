"""Language detection on bad Russian input: transliteration declared English, and articles mixing
Russian and English, decided by the language most of the text is in."""

from __future__ import annotations

from functools import cache

import pytest

from pipeline.text.language import SAMPLE_CHARS, SAMPLE_WINDOWS, LanguageDetector, sample_windows


@cache
def detector() -> LanguageDetector:
    return LanguageDetector()


TRANSLITERATED = [
    "Press-sekretar prezidenta Rossii Dmitrij Peskov zajavil zhurnalistam, chto Kreml ne nameren raskryvat "
    "podrobnosti peregovorov.",
    "V Moskve proshla vstrecha prezidentov. Kak soobshchili v Kremle, storony obsudili voprosy bezopasnosti "
    "i ekonomicheskogo sotrudnichestva.",
]
RUSSIAN = ("Пресс-секретарь президента России Дмитрий Песков заявил журналистам, что Кремль не намерен "
           "раскрывать подробности переговоров. ")
ENGLISH = "The Kremlin said on Monday it would not comment on the talks between the two presidents. "


@pytest.mark.parametrize("text", TRANSLITERATED)
@pytest.mark.parametrize("declared", ["en", "ru", None])
def test_transliterated_russian_is_neither_english_nor_russian(text: str, declared: str | None) -> None:
    assert detector().detect(text, declared).code not in ("en", "ru")


def test_short_english_declared_english_stays_english() -> None:
    """The declaration is still believed where the model gives English a fair chance."""
    assert detector().detect("Lavrov in Geneva: talks go on", "en").code == "en"


@pytest.mark.parametrize("declared", ["en", "ru", None])
def test_the_language_of_most_of_the_text_wins(declared: str | None) -> None:
    english_lead = ENGLISH * 4 + "\n\n" + RUSSIAN * 12
    russian_lead = RUSSIAN * 3 + "\n\n" + ENGLISH * 16
    assert detector().detect(english_lead, declared).code == "ru"
    assert detector().detect(russian_lead, declared).code == "en"


def test_sample_windows_cover_a_long_text_and_all_of_a_short_one() -> None:
    text = "".join(chr(ord("a") + k % 26) for k in range(10_000))
    windows = sample_windows(text)
    assert len(windows) == SAMPLE_WINDOWS and sum(map(len, windows)) == SAMPLE_CHARS
    assert text.startswith(windows[0]) and text.endswith(windows[-1])
    assert sample_windows("Короткий текст.") == ["Короткий текст."]

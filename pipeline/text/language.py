"""Language identification with py3langid (model inside the wheel, no download).

A declared language wins only when detection is unsure *and* the declaration fits the text's
script: Russian declared on text in Latin letters (transliterated) or English declared on
Cyrillic text is not believed, so no backend analyses text in a script its model never saw.
Between the Cyrillic languages an unsure detection falls back on the letters only one of them
writes (Ukrainian і ї є ґ without ы э ъ; Belarusian ў), so Ukrainian copy declared Russian is
not parsed with the Russian models. Nor is a declaration believed that the model gives almost
no chance (under :data:`MIN_DECLARED`): Russian transliterated into Latin letters and declared
English reads as no language we have a backend for, and is skipped.

A long text is read in four windows spread over it, each classified on its own, and the
language with the highest mean probability wins: the language most of the text is written in,
so neither a lead paragraph in another language (an English summary above a Russian report)
nor a few words of a script the model finds telling decide alone. Words holding a digit (scores,
dates, prices) are left out of the windows: they say nothing of the language, and a results table
read with them looks like no language in particular to the model's character n-grams.
"""

from __future__ import annotations

import re

from py3langid.langid import MODEL_FILE, LanguageIdentifier

from pipeline.sections.clean import Language

#: below this probability a declared language wins over the detected one
MIN_CONFIDENCE = 0.5
#: a declared language the model gives less than this is not believed even when detection is unsure
MIN_DECLARED = 0.01
#: characters looked at; more adds time but not accuracy on news prose
SAMPLE_CHARS = 1000
#: places over the text the sample is drawn from
SAMPLE_WINDOWS = 4
#: languages written in Cyrillic (the others we meet are in Latin letters or their own scripts)
CYRILLIC_LANGUAGES = frozenset({"ru", "uk", "be", "bg", "mk", "sr", "kk", "ky", "mn", "tg"})
_UKRAINIAN_ONLY = frozenset("їєґЇЄҐ")
_UKRAINIAN_OR_BELARUSIAN = frozenset("іІ")
_BELARUSIAN_ONLY = frozenset("ўЎ")
_NOT_UKRAINIAN = frozenset("ыэъЫЭЪ")
_WORDS_WITH_DIGITS = re.compile(r"\S*\d\S*")


def cyrillic_share(text: str) -> float:
    """The share of Cyrillic letters among the letters of ``text`` (0 when it has none)."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for c in letters if "\u0400" <= c <= "\u04ff") / len(letters)


def cyrillic_hint(text: str) -> str | None:
    """uk or be when the text writes letters Russian does not, else None."""
    chars = set(text)
    if chars & _BELARUSIAN_ONLY:
        return "be"
    if chars & (_UKRAINIAN_ONLY | _UKRAINIAN_OR_BELARUSIAN) and not chars & _NOT_UKRAINIAN:
        return "uk"
    return None


class LanguageDetector:
    """Loads the model once; :meth:`detect` is then cheap and thread-safe."""

    def __init__(self) -> None:
        self._identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)

    def detect(self, text: str, declared: str | None) -> Language:
        """Detected language, unless detection is unsure and the feed declared one that fits."""
        base = declared.split("-")[0].lower() if declared else None
        windows = [w for w in (_WORDS_WITH_DIGITS.sub(" ", w) for w in sample_windows(text)) if w.strip()]
        if not windows:
            return Language(code=base or "und", confidence=None, declared=declared, detected=None)
        sample = " ".join(windows)
        ranked: dict[str, float] = {}
        for window in windows:
            for language, prob in self._identifier.rank(window):
                ranked[language] = ranked.get(language, 0.0) + float(prob) / len(windows)
        code = max(ranked, key=ranked.__getitem__)
        confidence = round(ranked[code], 4)
        detected = Language(code=code, confidence=confidence, declared=declared, detected=code)
        if confidence >= MIN_CONFIDENCE or not base or ranked.get(base, 0.0) < MIN_DECLARED:
            return detected
        if (base in CYRILLIC_LANGUAGES) != (cyrillic_share(sample) > 0.5):
            return detected
        if base == "ru" and (hint := cyrillic_hint(sample)) is not None:
            return Language(code=hint, confidence=confidence, declared=declared, detected=code)
        return Language(code=base, confidence=confidence, declared=declared, detected=code)


def sample_windows(text: str) -> list[str]:
    """What is classified: all of ``text`` when short, else :data:`SAMPLE_WINDOWS` pieces spread over it,
    ``SAMPLE_CHARS`` in all."""
    if len(text) <= SAMPLE_CHARS:
        return [text]
    width = SAMPLE_CHARS // SAMPLE_WINDOWS
    step = (len(text) - width) / (SAMPLE_WINDOWS - 1)
    return [text[round(k * step):round(k * step) + width] for k in range(SAMPLE_WINDOWS)]

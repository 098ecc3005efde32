"""Language identification with py3langid (model inside the wheel, no download)."""

from __future__ import annotations

from py3langid.langid import MODEL_FILE, LanguageIdentifier

from pipeline.sections.clean import Language

#: below this probability a declared language wins over the detected one
MIN_CONFIDENCE = 0.5
#: characters looked at; more adds time but not accuracy on news prose
SAMPLE_CHARS = 1000


class LanguageDetector:
    """Loads the model once; :meth:`detect` is then cheap and thread-safe."""

    def __init__(self) -> None:
        self._identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)

    def detect(self, text: str, declared: str | None) -> Language:
        """Detected language, unless detection is unsure and the feed declared one."""
        base = declared.split("-")[0].lower() if declared else None
        if not text.strip():
            return Language(code=base or "und", confidence=None, declared=declared, detected=None)
        code, prob = self._identifier.classify(text[:SAMPLE_CHARS])
        confidence = round(float(prob), 4)
        if confidence < MIN_CONFIDENCE and base:
            return Language(code=base, confidence=confidence, declared=declared, detected=code)
        return Language(code=code, confidence=confidence, declared=declared, detected=code)

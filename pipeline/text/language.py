"""Language identification with py3langid (model inside the wheel, no download)."""

from __future__ import annotations

from dataclasses import dataclass

from py3langid.langid import MODEL_FILE, LanguageIdentifier

#: below this probability a declared language wins over the detected one
MIN_CONFIDENCE = 0.5
#: characters looked at; more adds time but not accuracy on news prose
SAMPLE_CHARS = 1000


@dataclass(frozen=True, slots=True)
class Language:
    """The language decided for an article and how it was decided."""

    code: str
    confidence: float | None
    declared: str | None
    detected: str | None

    def as_json(self) -> dict[str, object]:
        return {"code": self.code, "confidence": self.confidence, "declared": self.declared,
                "detected": self.detected}


class LanguageDetector:
    """Loads the model once; :meth:`detect` is then cheap and thread-safe."""

    def __init__(self) -> None:
        self._identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)

    def detect(self, text: str, declared: str | None) -> Language:
        """Detected language, unless detection is unsure and the feed declared one."""
        base = declared.split("-")[0].lower() if declared else None
        if not text.strip():
            return Language(base or "und", None, declared, None)
        code, prob = self._identifier.classify(text[:SAMPLE_CHARS])
        confidence = round(float(prob), 4)
        if confidence < MIN_CONFIDENCE and base:
            return Language(base, confidence, declared, code)
        return Language(code, confidence, declared, code)

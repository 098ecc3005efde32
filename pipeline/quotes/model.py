"""What the passes produce: a candidate attribution, before and after speaker resolution."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

DIRECT, INDIRECT, MIXED = "direct", "indirect", "mixed"
#: rules of cue-less quotes, whose speaker is whoever was reported last
CONTINUING_RULES = frozenset({"direct-floating", "direct-answer"})

#: base confidence of each rule; speaker resolution multiplies in its own certainty
RULE_CONFIDENCE: dict[str, float] = {
    "direct-cue-after": 0.95,
    "direct-cue-before": 0.92,
    "direct-according": 0.9,
    "direct-colon": 0.7,
    "direct-dash-name": 0.85,
    "direct-interjected": 0.85,
    "direct-floating": 0.6,
    "direct-answer": 0.7,
    "indirect-that": 0.8,
    "indirect-to": 0.7,
    "indirect-according": 0.85,
    "indirect-as": 0.75,
    "indirect-parenthetical": 0.75,
    "indirect-noun": 0.7,
}


@dataclass(slots=True)
class Resolution:
    """Who a speaker mention is: its span, entity, display name, or why it stays unresolved."""

    mention: tuple[int, int] | None
    entity_id: str | None
    name: str | None
    reason: str | None
    certainty: float


@dataclass(slots=True)
class Attribution:
    """One quotation found by a pass; ``speaker_token`` indexes ``doc`` (None: inherit or unknown)."""

    type: str
    content: tuple[int, int]
    rule: str
    cue: tuple[int, int] | None = None
    cue_lemma: str | None = None
    speaker_token: int | None = None
    cue_token: int | None = None
    speaker: Resolution | None = None

    def to_json(self, qid: str, text: str) -> dict[str, Any]:
        """The record form (schemas/sections/quotes.schema.json)."""
        res = self.speaker or Resolution(None, None, None, "no_speaker", 0.5)
        start, end = self.content
        return {
            "id": qid,
            "type": self.type,
            "content": {"start": start, "end": end, "text": text[start:end]},
            "cue": None if self.cue is None else {
                "start": self.cue[0], "end": self.cue[1], "text": text[self.cue[0]:self.cue[1]],
                "lemma": self.cue_lemma},
            "speaker_mention": None if res.mention is None else {
                "start": res.mention[0], "end": res.mention[1], "text": text[res.mention[0]:res.mention[1]]},
            "speaker_entity": res.entity_id,
            "speaker_name": res.name,
            "unresolved_reason": res.reason if res.entity_id is None else None,
            "rule": self.rule,
            "confidence": round(RULE_CONFIDENCE[self.rule] * res.certainty, 3),
        }

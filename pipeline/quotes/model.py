"""What the passes produce: a candidate attribution, before and after speaker resolution."""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.sections.quotes import Cue, Quote, QuoteRule, QuoteType, UnresolvedReason
from pipeline.sections.spans import Span

DIRECT: QuoteType = "direct"
INDIRECT: QuoteType = "indirect"
MIXED: QuoteType = "mixed"
#: rules of cue-less quotes, whose speaker is whoever was reported last
CONTINUING_RULES = frozenset({"direct-floating", "direct-answer"})

#: base confidence of each rule; speaker resolution multiplies in its own certainty
RULE_CONFIDENCE: dict[QuoteRule, float] = {
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
    "indirect-object": 0.6,
    "indirect-stance": 0.55,
    "indirect-question": 0.6,
    "indirect-learned": 0.5,
    "indirect-colon": 0.6,
}


@dataclass(slots=True)
class Resolution:
    """Who a speaker mention is: its span, entity, display name, or why it stays unresolved."""

    mention: tuple[int, int] | None
    entity_id: str | None
    name: str | None
    reason: UnresolvedReason | None
    certainty: float


@dataclass(slots=True)
class Attribution:
    """One quotation found by a pass; ``speaker_token`` indexes ``doc`` (None: inherit or unknown)."""

    type: QuoteType
    content: tuple[int, int]
    rule: QuoteRule
    cue: tuple[int, int] | None = None
    cue_lemma: str | None = None
    speaker_token: int | None = None
    cue_token: int | None = None
    speaker: Resolution | None = None
    #: id of the quote this one goes on with (see :func:`pipeline.quotes.dedupe.link_continuations`)
    continues: str | None = None

    def to_quote(self, qid: str, text: str) -> Quote:
        """The record form (schemas/sections/quotes.schema.json)."""
        res = self.speaker or Resolution(None, None, None, "no_speaker", 0.5)
        return Quote(
            id=qid,
            type=self.type,
            content=_span(self.content, text),
            cue=None if self.cue is None else Cue(start=self.cue[0], end=self.cue[1],
                                                   text=text[self.cue[0]:self.cue[1]], lemma=self.cue_lemma or ""),
            speaker_mention=None if res.mention is None else _span(res.mention, text),
            speaker_entity=res.entity_id,
            speaker_name=res.name,
            unresolved_reason=res.reason if res.entity_id is None else None,
            rule=self.rule,
            confidence=round(RULE_CONFIDENCE[self.rule] * res.certainty, 3),
            continues=self.continues,
        )


def _span(offsets: tuple[int, int], text: str) -> Span:
    return Span(start=offsets[0], end=offsets[1], text=text[offsets[0]:offsets[1]])

"""The quotes section: who said what, with the cue and the speaker resolved to an entity."""

from __future__ import annotations

from typing import Literal

import msgspec

from pipeline.sections.spans import Span

QuoteType = Literal["direct", "indirect", "mixed"]
UnresolvedReason = Literal["unnamed_source", "no_antecedent", "unresolved_description", "no_entity", "no_speaker"]
QuoteRule = Literal["direct-cue-after", "direct-cue-before", "direct-according", "direct-colon", "direct-floating",
                    "direct-answer", "direct-dash-name", "direct-interjected", "indirect-that", "indirect-to",
                    "indirect-according", "indirect-as", "indirect-parenthetical", "indirect-noun",
                    "indirect-object", "indirect-stance", "indirect-question",
                    "indirect-learned", "indirect-colon"]


class Cue(msgspec.Struct, kw_only=True):
    """The speech verb or attributing phrase, with its lemma."""

    start: int
    end: int
    text: str
    lemma: str


class Quote(msgspec.Struct, kw_only=True, omit_defaults=True):
    """One attribution; ``speaker_entity`` is null with the reason in ``unresolved_reason``.

    Only ``continues`` has a default: it is written when set, so records from before it still validate."""

    id: str
    type: QuoteType
    content: Span
    cue: Cue | None
    speaker_mention: Span | None
    speaker_entity: str | None
    speaker_name: str | None
    unresolved_reason: UnresolvedReason | None
    rule: QuoteRule
    confidence: float
    #: id of the quote this one goes on with: the same speaker's next words after a split cue or in
    #: the next sentence ("“…,” she said. “…”"); null when it starts an attribution of its own
    continues: str | None = None

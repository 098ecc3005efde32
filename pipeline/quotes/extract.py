"""The quote passes over one parsed article, in order: marks → direct → indirect → merge → speakers."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from pipeline.quotes.colon import find_colon_reports
from pipeline.quotes.dedupe import continue_speakers, link_continuations, merge
from pipeline.quotes.direct import find_direct, is_name_like
from pipeline.quotes.entities import EntityIndex
from pipeline.quotes.indirect import find_indirect
from pipeline.quotes.learned import CueModel, find_learned
from pipeline.lexicon import Lexicon
from pipeline.quotes.marks import pair_quote_marks
from pipeline.quotes.polls import find_poll_reports
from pipeline.quotes.speakers import SpeakerResolver
from pipeline.sections.entities import Entity
from pipeline.sections.quotes import Quote


def extract_quotes(doc: Doc, entities: Sequence[Entity], lexicon: Lexicon, stances: bool = False,
                   cues: CueModel | None = None) -> list[Quote]:
    """Every attribution in ``doc`` as quotes-section items (offsets into ``doc.text``); with ``stances``,
    the stance reports too (:mod:`pipeline.quotes.stance`); with ``cues``, the reports on the cue words
    the learned model picks among those no rule read (:mod:`pipeline.quotes.learned`)."""
    text = doc.text  # spaCy rebuilds this string on every access: read it once
    spans = pair_quote_marks(text)
    direct = find_direct(doc, text, spans, lexicon)
    fragments = []
    for q in spans:
        inner = doc.char_span(q.start, q.end, alignment_mode="contract")
        if q.depth == 0 and inner is not None and len(inner) and not is_name_like(doc, inner):
            fragments.append((q.start, q.end))
    indirect = find_indirect(doc, lexicon, stances) + find_colon_reports(doc) + find_poll_reports(doc, lexicon)
    if cues is not None:
        read = {a.cue_token for a in direct + indirect if a.cue_token is not None}
        indirect += find_learned(doc, lexicon, cues, read)
    attributions = merge(direct, indirect, fragments)
    continue_speakers(attributions)
    speakers = {a.speaker_token for a in attributions if a.speaker_token is not None}
    resolver = SpeakerResolver(doc, text, EntityIndex(entities), lexicon, [d.content for d in direct], speakers)
    for att in attributions:
        if att.rule == "direct-answer":
            att.speaker = resolver.interviewee(att.content[0])
        if att.speaker is None and att.speaker_token is not None:
            att.speaker = resolver.resolve(doc[att.speaker_token])
    for att, prev in zip(attributions, link_continuations(attributions, text)):
        att.continues = None if prev is None else f"Q{prev + 1}"
    return [att.to_quote(f"Q{k}", text) for k, att in enumerate(attributions, 1)]

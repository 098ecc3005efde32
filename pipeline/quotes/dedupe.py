"""Merging the passes: one attribution per piece of reported speech.

A direct quote wins over an indirect report of the same words (the cue clause of
`Putin said: “…”` parses as a ccomp too). An indirect report carrying a quoted
fragment becomes *mixed* and absorbs the fragment. Reports whose cue sits inside a
direct quotation are speech within speech and are dropped. A quote with no cue of its own
(a floating quote, an interview answer) continues whoever spoke last, indirect reports
included ("…, she noted. “…”"). A quote that goes on with the previous one (same speaker, same
paragraph, only its cue between) is linked to it: annotated corpora count the chain as one
attribution.
"""

from __future__ import annotations

from pipeline.quotes.model import CONTINUING_RULES, MIXED, Attribution
from pipeline.quotes.paragraphs import is_break


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def merge(direct: list[Attribution], indirect: list[Attribution],
          fragments: list[tuple[int, int]]) -> list[Attribution]:
    """Direct and indirect attributions de-duplicated, mixed ones marked, in text order."""
    kept_direct = list(direct)
    kept: list[Attribution] = []
    seen_cues: set[int] = set()
    for att in indirect:
        if att.cue is None or any(d.content[0] <= att.cue[0] < d.content[1] for d in direct):
            continue
        size = att.content[1] - att.content[0]
        inside = [d for d in kept_direct if _overlap(d.content, att.content) > 0]
        if any(_overlap(d.content, att.content) >= 0.6 * size for d in inside):
            continue
        if att.cue_token in seen_cues:
            continue
        absorbed = [d for d in inside if d.content[1] - d.content[0] < 0.6 * size
                    and att.content[0] <= d.content[0] and d.content[1] <= att.content[1] + 1]
        if absorbed or any(att.content[0] <= s and e <= att.content[1] + 1 for s, e in fragments):
            att.type = MIXED
            kept_direct = [d for d in kept_direct if d not in absorbed]
        if att.cue_token is not None:
            seen_cues.add(att.cue_token)
        kept.append(att)
    unique: dict[tuple[int, int], Attribution] = {}
    for att in kept_direct + kept:
        unique.setdefault(att.content, att)
    return sorted(unique.values(), key=lambda a: a.content)


def continue_speakers(attributions: list[Attribution]) -> None:
    """Give each cue-less quote (floating, interview answer) the speaker of the last attribution before it.

    The direct pass only sees direct quotes; once indirect reports are merged in, the nearest
    reporting clause is the better antecedent."""
    for k, att in enumerate(attributions):
        if att.rule not in CONTINUING_RULES:
            continue
        prev = next((a for a in reversed(attributions[:k])
                     if a.speaker_token is not None and a.content[1] <= att.content[0]), None)
        if prev is not None:
            att.speaker_token = prev.speaker_token


#: the most characters between two parts of one attribution ("," he said in a documentary that showed
#: off the renovations. "): 80 split more of PolNeAR train's chains than it kept apart wrongly
MAX_GAP = 200


def link_continuations(attributions: list[Attribution], text: str) -> list[int | None]:
    """For each attribution (in text order, speakers resolved), the index of the one it goes on with.

    The split quote (“…,” she said, “…”) and the next sentence's quote (“…,” she said. “…”) are the
    same speaker's one attribution: a direct quote continues the direct quote just before it when both
    have the same speaker and nothing but a short stretch of the same paragraph lies between (an
    indirect report followed by a quote stays two: linking them lost on PolNeAR train and dev)."""
    links: list[int | None] = [None] * len(attributions)
    for k in range(1, len(attributions)):
        prev, att = attributions[k - 1], attributions[k]
        if att.type != "direct" or prev.type != "direct":
            continue
        gap = text[prev.content[1]:att.content[0]]
        if len(gap) > MAX_GAP or is_break(gap):
            continue
        a, b = prev.speaker, att.speaker
        if a is None or b is None:
            continue
        same = a.entity_id == b.entity_id if a.entity_id and b.entity_id else \
            a.name is not None and a.name == b.name or a.mention is not None and a.mention == b.mention
        if same:
            links[k] = k - 1
    return links

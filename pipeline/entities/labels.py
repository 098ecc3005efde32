"""Line labels: the words that open a line of a table or a digest are not names.

Results, markets and digest copy open lines with labels ("Attendance: 12,400", "Halftime 1-0.",
"Women's 800 metres", "NOTE - ...", "W L PCT GB"); capitalised at a line's start, the small model reads
many as organisations or places. A guess of the model (or its repeat) made only of such words (a data list,
``line_labels`` in ``lexicon/en/desk_cues.yaml``) that opens a line is dropped; a name the gazetteer
knows stays.
"""

from __future__ import annotations

from pipeline.entities.cues import DeskCues
from pipeline.entities.mentions import Mention, opens_line

_GUESSES = frozenset({"model", "alias"})  # the model's names and their repeats, not the gazetteer's


def drop_line_labels(mentions: list[Mention], cues: DeskCues) -> list[Mention]:
    """The mentions without the model's guesses that are a line's label."""
    return [m for m in mentions
            if not (m.source in _GUESSES and not m.kb_id and opens_line(m.span.doc, m.span.start)
                    and _label_words(m, cues))]


def _label_words(m: Mention, cues: DeskCues) -> bool:
    words = [t.lower_ for t in m.span if t.is_alpha]
    return bool(words) and all(w in cues.line_labels for w in words)

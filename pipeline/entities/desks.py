"""Corrections for the desks the small model reads worst: capital headlines, sports, markets.

Run on the mentions before they are grouped (:func:`pipeline.entities.resolve.resolve`): guesses on
capital lines and the labels opening table lines are dropped, athletes written with their country are settled as people (and added
when the model missed them),
competitions and venues are set apart, teams and companies are
relabelled from their context (the cue words are data: ``lexicon/en/desk_cues.yaml``), untagged
acronyms of the organisations are added, then capital lines take the names the article writes
elsewhere.
"""

from __future__ import annotations

from collections.abc import Mapping

from spacy.tokens import Doc

from pipeline.entities.acronyms import untagged_acronyms
from pipeline.entities.athletes import mark_athletes, untagged_athletes
from pipeline.entities.capitals import capital_lines, capital_repeats, drop_capital_guesses
from pipeline.entities.companies import relabel_companies
from pipeline.entities.cues import load_cues
from pipeline.entities.events import relabel_events
from pipeline.entities.gazetteer import Entry
from pipeline.entities.labels import drop_line_labels
from pipeline.entities.mentions import Mention
from pipeline.entities.teams import relabel_teams
from pipeline.lexicon import load_lexicon


def correct_for_desks(doc: Doc, mentions: list[Mention], entries: Mapping[str, Entry]) -> list[Mention]:
    """The mentions with desk corrections applied, in text order."""
    cues = load_cues(doc.lang_)
    capitals = capital_lines(doc)
    kept = drop_line_labels(drop_capital_guesses(doc, mentions, capitals), cues)
    lexicon = load_lexicon(doc.lang_)
    mark_athletes(kept, lexicon)
    kept.extend(untagged_athletes(doc, kept, lexicon))
    relabel_events(kept, cues)
    relabel_teams(doc, kept, cues, lexicon)
    relabel_companies(doc, kept, entries, cues)
    kept.extend(untagged_acronyms(doc, kept, lexicon))
    kept.extend(capital_repeats(doc, kept, capitals))
    return sorted(kept, key=lambda m: m.span.start)

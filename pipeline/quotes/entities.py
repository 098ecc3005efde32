"""Entity lookup for speakers: which entity a token belongs to, and a person's gender.

Reads the NER stage's ``entities`` section; ``fallback_entities`` groups ``doc.ents`` the
simple way (people by surname) so the stage still attributes when run without NER.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from pipeline.lexicon import Lexicon
from pipeline.sections import entities as sections

SPEAKER_LABELS = ("PERSON", "ORG", "NORP", "GPE")


@dataclass(frozen=True, slots=True)
class Entity:
    """A speaker candidate: an entity of the section with its name mentions (pronouns left out)."""

    id: str
    label: str
    name: str
    mentions: tuple[tuple[int, int], ...]


class EntityIndex:
    """Mentions sorted by offset, for token → entity lookups in O(log n)."""

    def __init__(self, section: Sequence[sections.Entity]) -> None:
        self.entities = {
            e.id: Entity(e.id, e.label, e.name, tuple((m.start, m.end) for m in e.mentions if m.source != "pronoun"))
            for e in section
        }
        self._spans = sorted((s, e, ent.id) for ent in self.entities.values() for s, e in ent.mentions)
        self._starts = [s for s, _, _ in self._spans]

    def at(self, start: int, end: int) -> tuple[Entity, tuple[int, int]] | None:
        """The entity whose mention covers [start, end), preferring the longest mention."""
        best: tuple[int, int, str] | None = None
        for k in range(bisect_right(self._starts, start) - 1, -1, -1):
            s, e, eid = self._spans[k]
            if e >= end and (best is None or e - s > best[1] - best[0]):
                best = (s, e, eid)
            if start - s > 200:
                break
        return None if best is None else (self.entities[best[2]], (best[0], best[1]))

    def named(self, text: str) -> Entity | None:
        """The one entity a name the entities section left unlinked stands for: an organisation whose
        name starts with its words ("Southwest" → Southwest Airlines), a person whose name ends with
        them (a surname); None when no entity or several fit."""
        words = text.split()
        if not words or words[0].lower() == "the":
            return None
        fits = {e.id: e for e in self.entities.values()
                if e.label == "ORG" and e.name.split()[:len(words)] == words
                or e.label == "PERSON" and len(e.name.split()) > len(words) and e.name.split()[-len(words):] == words}
        return next(iter(fits.values())) if len(fits) == 1 else None

    def persons(self) -> list[Entity]:
        return [e for e in self.entities.values() if e.label == "PERSON"]


def person_gender(doc: Doc, entity: Entity, lexicon: Lexicon) -> str | None:
    """male/female from honorifics, given names, role nouns or surname endings; None if unknown."""
    votes: dict[str, int] = {}
    for start, end in entity.mentions:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        words = [t.lower_.rstrip(".") for t in doc[max(span.start - 2, 0):span.end]]
        for gender in ("male", "female"):
            if any(w in lexicon.honorifics[gender] or w.rstrip(".") in lexicon.honorifics[gender] for w in words) \
                    or any(w in lexicon.gendered_nouns[gender] for w in words):
                votes[gender] = votes.get(gender, 0) + 1
        first = lexicon.first_names.get(span[0].lower_)
        if first:
            votes[first] = votes.get(first, 0) + 2
        elif span[-1].lower_.endswith(lexicon.female_surname_suffixes):
            votes["female"] = votes.get("female", 0) + 1
    return max(votes, key=lambda g: votes[g]) if votes else None


def _key(tokens: list[Token], label: str) -> str:
    words = [t.lower_ for t in tokens if t.lower_ not in ("the", "'s", "’s")]
    return (words[-1] if label == "PERSON" else " ".join(words)) if words else ""


def fallback_entities(doc: Doc) -> list[sections.Entity]:
    """Group ``doc.ents`` into the entities section's shape: people by surname, others by text."""
    groups: dict[tuple[str, str], sections.Entity] = {}
    for ent in doc.ents:
        label = ent.label_
        if label not in SPEAKER_LABELS or not sections.is_entity_label(label):
            continue
        key = (label, _key(list(ent), label))
        group = groups.setdefault(key, sections.Entity(id=f"E{len(groups) + 1}", label=label, name=ent.text,
                                                       kb_id=None, mentions=[]))
        if len(ent.text) > len(group.name):
            group.name = ent.text
        group.mentions.append(sections.Mention(start=ent.start_char, end=ent.end_char, text=ent.text,
                                               source="model"))
    return list(groups.values())

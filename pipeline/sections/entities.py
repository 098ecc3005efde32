"""The entities section: one entity per real-world person, organisation or place, with its mentions."""

from __future__ import annotations

from typing import Literal, TypeGuard, get_args

import msgspec

EntityLabel = Literal["PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW",
                      "LANGUAGE"]
MentionSource = Literal["model", "gazetteer", "alias", "artefact", "role", "syntax", "pronoun"]
_ENTITY_LABELS = frozenset(get_args(EntityLabel))


def is_entity_label(label: str) -> TypeGuard[EntityLabel]:
    """Whether a model's label names an entity the section records (numbers, dates, amounts do not)."""
    return label in _ENTITY_LABELS


class Mention(msgspec.Struct, kw_only=True):
    """One place the entity is named; ``source`` says which rule found it."""

    start: int
    end: int
    text: str
    source: MentionSource


class Entity(msgspec.Struct, kw_only=True, omit_defaults=True):
    """A real-world entity of the article; empty ``roles`` and ``registry_ids`` are left out of the record."""

    id: str
    label: EntityLabel
    name: str
    kb_id: str | None
    mentions: list[Mention]
    roles: list[str] = []
    registry_ids: list[str] = []

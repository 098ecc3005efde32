"""Typed, read-only views of the output records, built from their JSON.

Consumers get attribute access and type hints instead of nested dicts; the
JSON stays the contract (``schemas/``), so every view keeps the record it was
built from in ``raw`` and reads optional fields leniently: a newer pipeline
adding fields never breaks an older consumer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Span:
    """A character range of the record's ``text`` (Python str indices, end exclusive)."""

    start: int
    end: int
    text: str

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Span:
        return cls(data["start"], data["end"], data["text"])

    @classmethod
    def maybe(cls, data: dict[str, Any] | None) -> Span | None:
        """A span, or None where the record has null."""
        return cls.from_json(data) if data else None


@dataclass(frozen=True, slots=True)
class Mention:
    """One place an entity is named; ``source`` says which rule found it."""

    start: int
    end: int
    text: str
    source: str


@dataclass(frozen=True, slots=True)
class Entity:
    """A real-world entity of the article with all its mentions."""

    id: str
    label: str
    name: str
    mentions: tuple[Mention, ...]
    kb_id: str | None = None
    roles: tuple[str, ...] = ()
    registry_ids: tuple[str, ...] = ()

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Entity:
        return cls(
            id=data["id"],
            label=data["label"],
            name=data["name"],
            mentions=tuple(Mention(m["start"], m["end"], m["text"], m["source"]) for m in data["mentions"]),
            kb_id=data.get("kb_id"),
            roles=tuple(data.get("roles", ())),
            registry_ids=tuple(data.get("registry_ids", ())),
        )


@dataclass(frozen=True, slots=True)
class Quote:
    """Who said what: content span, speech cue and resolved speaker (name None when unknown)."""

    id: str
    type: str
    content: Span
    speaker_name: str | None
    speaker_entity: str | None = None
    speaker_mention: Span | None = None
    cue: Span | None = None
    confidence: float | None = None
    unresolved_reason: str | None = None

    @classmethod
    def from_json(cls, data: dict[str, Any], entities: dict[str, Entity]) -> Quote:
        entity = entities.get(data.get("speaker_entity") or "")
        return cls(
            id=data["id"],
            type=data["type"],
            content=Span.from_json(data["content"]),
            speaker_name=entity.name if entity else data.get("speaker_name"),
            speaker_entity=data.get("speaker_entity"),
            speaker_mention=Span.maybe(data.get("speaker_mention")),
            cue=Span.maybe(data.get("cue")),
            confidence=data.get("confidence"),
            unresolved_reason=data.get("unresolved_reason"),
        )


@dataclass(frozen=True, slots=True)
class Designation:
    """One listing of an organisation; ``status`` is "in_force" at the article's date, "ended" or "not_yet"."""

    jurisdiction: str
    category: str
    authority: str
    list: str
    since: str | None
    until: str | None
    source_url: str | None
    status: str = "in_force"

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Designation:
        return cls(data["jurisdiction"], data["category"], data["authority"], data["list"], data.get("since"),
                   data.get("until"), data.get("source_url"), data.get("status", "in_force"))


@dataclass(frozen=True, slots=True)
class Notice:
    """A designation notice the article carries ("(organization banned in Russia)") and its kind."""

    start: int
    end: int
    text: str
    kind: str

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Notice:
        return cls(data["start"], data["end"], data["text"], data["kind"])


@dataclass(frozen=True, slots=True)
class OrganisationMention:
    """Where a registry organisation is named, the alias that matched, and the notice linked to it."""

    start: int
    end: int
    text: str
    alias: str
    notice: Notice | None


@dataclass(frozen=True, slots=True)
class Organisation:
    """A registry organisation named in the article, with its designations as of the article's date."""

    org_id: str
    name: str
    entity_id: str | None
    designated: bool
    designations: tuple[Designation, ...]
    other_designations: tuple[Designation, ...]
    notice_required: bool
    notice_missing: bool
    mentions: tuple[OrganisationMention, ...]

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Organisation:
        return cls(
            org_id=data["org_id"],
            name=data["name"],
            entity_id=data.get("entity_id"),
            designated=data["designated"],
            designations=tuple(Designation.from_json(d) for d in data["designations"]),
            other_designations=tuple(Designation.from_json(d) for d in data.get("other_designations", ())),
            notice_required=data["notice_required"],
            notice_missing=data["notice_missing"],
            mentions=tuple(OrganisationMention(m["start"], m["end"], m["text"], m.get("alias", m["text"]),
                                               Notice.from_json(m["notice"]) if m.get("notice") else None)
                           for m in data["mentions"]),
        )


@dataclass(frozen=True, slots=True)
class EnrichedRecord:
    """One enriched article (schemas/enriched-record.schema.json); ``raw`` is its JSON."""

    id: str
    source: str
    published_at: str
    title: str
    text: str
    url: str | None
    language: str | None
    entities: tuple[Entity, ...]
    quotes: tuple[Quote, ...]
    organisations: tuple[Organisation, ...]
    unlinked_notices: tuple[Notice, ...]
    skipped_stages: tuple[str, ...]
    raw: dict[str, Any] = field(repr=False, compare=False)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> EnrichedRecord:
        entities = tuple(Entity.from_json(e) for e in data.get("entities", ()))
        by_id = {entity.id: entity for entity in entities}
        designations = data.get("designations") or {}  # {} when the stage was skipped
        return cls(
            id=data["id"],
            source=data["source"],
            published_at=data["published_at"],
            title=data["title"],
            text=data["text"],
            url=data.get("url"),
            language=data.get("clean", {}).get("language", {}).get("code"),
            entities=entities,
            quotes=tuple(Quote.from_json(q, by_id) for q in data.get("quotes", ())),
            organisations=tuple(Organisation.from_json(o) for o in designations.get("organisations", ())),
            unlinked_notices=tuple(Notice.from_json(n) for n in designations.get("unlinked_notices", ())),
            skipped_stages=tuple(data.get("skipped_stages", ())),
            raw=data,
        )

    def entity(self, entity_id: str) -> Entity | None:
        """The entity with this article-local id (E1, E2, ...)."""
        return next((entity for entity in self.entities if entity.id == entity_id), None)

    @property
    def missing_notice(self) -> bool:
        """A designated organisation is mentioned without the notice the law requires."""
        return any(organisation.notice_missing for organisation in self.organisations)

    def has_speaker(self, name: str) -> bool:
        """Some quote is attributed to a speaker whose name contains ``name`` (case-insensitive)."""
        wanted = name.casefold()
        return any(q.speaker_name and wanted in q.speaker_name.casefold() for q in self.quotes)

    def has_entity(self, name: str) -> bool:
        """Some entity's name or mention contains ``name`` (case-insensitive)."""
        wanted = name.casefold()
        return any(
            wanted in entity.name.casefold() or any(wanted in m.text.casefold() for m in entity.mentions)
            for entity in self.entities
        )


@dataclass(frozen=True, slots=True)
class DeadLetter:
    """A message the pipeline could not enrich, and why (schemas/dead-letter.schema.json)."""

    error_class: str
    reason: str
    stage: str
    article_id: str | None
    topic: str
    partition: int
    offset: int
    failed_at: str
    raw: dict[str, Any] = field(repr=False, compare=False)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> DeadLetter:
        source = data["input"]
        return cls(data["error_class"], data["reason"], data["stage"], data.get("article_id"),
                   source["topic"], source["partition"], source["offset"], data["failed_at"], data)


@dataclass(frozen=True, slots=True)
class RecordFilter:
    """Which enriched records a consumer wants; every condition set must hold."""

    missing_notice: bool = False
    speaker: str | None = None
    entity: str | None = None

    def __call__(self, record: EnrichedRecord) -> bool:
        return ((not self.missing_notice or record.missing_notice)
                and (self.speaker is None or record.has_speaker(self.speaker))
                and (self.entity is None or record.has_entity(self.entity)))

"""Human-readable rendering of enriched records and dead letters for the terminal."""

from __future__ import annotations

from pipeline.designations.display import claim_text, organisation_lines
from pipeline.sections.designations import DesignatedOrganisation, DesignatedPerson
from pipeline.sections.record import DeadLetter, EnrichedRecord

_SNIPPET = 90


def _snippet(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _SNIPPET else text[: _SNIPPET - 1] + "…"


def render_enriched(record: EnrichedRecord) -> str:
    """A compact summary: headline, entities, quotes with speakers, designations per jurisdiction, times."""
    entity_names = {entity.id: entity.name for entity in record.entities}
    lines = [f"━━ {record.id} · {record.source} · {record.published_at}", f"   {record.title}"]
    if record.skipped_stages:
        lines.append(f"   language {record.language}: skipped {', '.join(record.skipped_stages)}")
    if record.entities:
        shown = ", ".join(f"{e.name} ({e.label}, {len(e.mentions)}×)" for e in record.entities[:12])
        more = len(record.entities) - 12
        lines.append(f"   entities: {shown}{f' … +{more}' if more > 0 else ''}")
    for quote in record.quotes:
        speaker = entity_names.get(quote.speaker_entity or "") or quote.speaker_name or "?"
        lines.append(f"   quote [{quote.type}] {speaker}: “{_snippet(quote.content.text)}”")
    lines += _designation_lines(record)
    provenance = record.provenance
    times = [f"{stage} {ms:.1f} ms" for stage, ms in provenance.timings_ms.items()]
    times += [f"{stage} {chunk.chunk_ms:.1f} ms for a chunk of {chunk.chunk_size}"
              for stage, chunk in provenance.chunk_timings.items()]
    lines.append("   timings: " + ", ".join(times))
    return "\n".join(lines)


def _designation_lines(record: EnrichedRecord) -> list[str]:
    """Every organisation and listed person with a listing in any jurisdiction, each listing with its
    dates, then claims."""
    section = record.designations
    if section is None:
        return []
    persons = section.persons if isinstance(section.persons, list) else []
    listed: list[DesignatedOrganisation | DesignatedPerson] = [*section.organisations, *persons]
    lines = [f"   {line}" for org in listed if org.designations or org.other_designations
             for line in organisation_lines(org)]
    claims = section.claims if isinstance(section.claims, list) else []
    return lines + [f"   {claim_text(claim)}" for claim in claims]


def render_dead_letter(record: DeadLetter) -> str:
    """One line per dead letter: where, which error, why."""
    source = record.input
    return (f"✗ {source.topic}[{source.partition}]@{source.offset} "
            f"{record.error_class} in {record.stage}: {record.reason}")


def render(record: EnrichedRecord | DeadLetter) -> str:
    """Render either kind of output record."""
    if isinstance(record, DeadLetter):
        return render_dead_letter(record)
    return render_enriched(record)


"""Human-readable rendering of enriched records and dead letters for the terminal."""

from __future__ import annotations

from typing import Any

_SNIPPET = 90


def _snippet(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _SNIPPET else text[: _SNIPPET - 1] + "…"


def render_enriched(record: dict[str, Any]) -> str:
    """A compact summary: headline, entities, quotes with speakers, designations."""
    entity_names = {entity["id"]: entity["name"] for entity in record["entities"]}
    lines = [f"━━ {record['id']} · {record['source']} · {record['published_at']}", f"   {record['title']}"]
    if record["skipped_stages"]:
        lines.append(f"   language {record['clean'].get('language', {}).get('code')}: "
                     f"skipped {', '.join(record['skipped_stages'])}")
    if record["entities"]:
        shown = ", ".join(f"{e['name']} ({e['label']}, {len(e['mentions'])}×)" for e in record["entities"][:12])
        more = len(record["entities"]) - 12
        lines.append(f"   entities: {shown}{f' … +{more}' if more > 0 else ''}")
    for quote in record["quotes"]:
        speaker = entity_names.get(quote.get("speaker_entity") or "") or quote.get("speaker_name") or "?"
        content = quote.get("content", {})
        text = content.get("text") or record["text"][content.get("start", 0) : content.get("end", 0)]
        lines.append(f"   quote [{quote.get('type', '?')}] {speaker}: “{_snippet(text)}”")
    for org in record["designations"].get("organisations", []):
        if not org["designated"]:
            continue
        kinds = "; ".join(f"{d['category']} in {d['jurisdiction']} since {d['since'] or '?'}"
                          for d in org["designations"])
        flag = " — mentioned WITHOUT the required notice" if org["notice_missing"] else ""
        lines.append(f"   designated: {org['name']}: {kinds}{flag}")
    timings = record["provenance"]["timings_ms"]
    lines.append("   timings: " + ", ".join(f"{stage} {ms:.1f} ms" for stage, ms in timings.items()))
    return "\n".join(lines)


def render_dead_letter(record: dict[str, Any]) -> str:
    """One line per dead letter: where, which error, why."""
    source = record["input"]
    return (f"✗ {source['topic']}[{source['partition']}]@{source['offset']} "
            f"{record['error_class']} in {record['stage']}: {record['reason']}")


def render(record: dict[str, Any]) -> str:
    """Render either kind of output record."""
    if record.get("schema") == "wirestream.dead-letter":
        return render_dead_letter(record)
    return render_enriched(record)

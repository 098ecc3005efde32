"""Within-article entity resolution: mentions → one entity per real-world person or organisation.

Mentions are linked by, in order of confidence: the same gazetteer/registry
id, the same folded text ("free Syrian army" = "Free Syrian Army"), the
surname of a longer PERSON name ("Hollande" → "Francois Hollande", whatever
label the model gave the short form, a guessed place included), and an acronym
of a longer organisation name. A person introduced by a role ("the Kremlin spokesman Dmitry Peskov")
is then also found where the article names them by that role alone. Each
cluster votes on its label (the gazetteer's label wins) and takes the
gazetteer's name, else its longest mention, as canonical.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping

from spacy.tokens import Doc

from pipeline.entities.desks import correct_for_desks
from pipeline.entities.gazetteer import Entry
from pipeline.entities.matcher import ARTEFACT_GROUP
from pipeline.entities.mentions import Mention, collect
from pipeline.entities.names import initials, person_shaped
from pipeline.entities.roles import role_mentions
from pipeline.lexicon import Lexicon, name_key
from pipeline.sections.entities import Entity
from pipeline.sections.entities import Mention as EntityMention

_LINKABLE_SHORT = frozenset({"PERSON", "ORG", "NORP", "LOC"})


def resolve(doc: Doc, entries: Mapping[str, Entry], lexicon: Lexicon) -> list[Entity]:
    """The entities section for ``doc`` (schemas/sections/entities.schema.json)."""
    artefacts = {(s.start, s.end) for s in doc.spans.get(ARTEFACT_GROUP, [])}
    mentions = correct_for_desks(doc, collect(doc, lexicon, artefacts), entries)
    parent = list(range(len(mentions)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        parent[find(i)] = find(j)

    first: dict[str, int] = {}
    for i, m in enumerate(mentions):
        for key in filter(None, (f"kb:{m.kb_id}" if m.kb_id else "", f"text:{m.key}")):
            if key in first:
                union(i, first[key])
            else:
                first[key] = i
    for i, j in _short_form_links(mentions, lexicon):
        union(i, j)
        if mentions[j].label == "PERSON" and person_shaped(mentions[j].span, lexicon):
            mentions[i].label = "PERSON"  # "Arteta" tagged ORG is the surname of "Mikel Arteta"
        if mentions[i].source == "model":
            mentions[i].source = "alias"

    clusters: dict[int, list[Mention]] = defaultdict(list)
    for i, m in enumerate(mentions):
        clusters[find(i)].append(m)
    groups = list(clusters.values())
    _add_role_mentions(doc, groups)
    ordered = sorted(groups, key=lambda ms: ms[0].span.start_char)
    return [_entity(n, ms, entries) for n, ms in enumerate(ordered, start=1)]


def _add_role_mentions(doc: Doc, groups: list[list[Mention]]) -> None:
    """Append "the Kremlin spokesman"-style mentions to the person who was introduced so."""
    taken = {i for ms in groups for m in ms if m.label == "PERSON" for i in range(m.span.start, m.span.end)}
    holders = [[r for m in ms for r in m.roles] for ms in groups]
    for k, span in role_mentions(doc, holders, taken):
        head = groups[k][0]
        groups[k].append(Mention(span, head.label, head.kb_id, "role", name_key(span.text)))
    for ms in groups:
        ms.sort(key=lambda m: m.span.start)


def _short_form_links(mentions: list[Mention], lexicon: Lexicon) -> list[tuple[int, int]]:
    """(short, long) index pairs.

    Surnames of PERSON names (and, for a one-word PERSON mention no one has as a surname, given
    names); acronyms of ORG names ("FAA"); the last two or
    more words of a longer ORG name ("Foreign Ministry" → "Russian Foreign
    Ministry"). A short form owned by two different longer names links to neither (a surname two
    people share is labelled a person all the same).
    """
    owners: dict[str, set[str]] = defaultdict(set)
    owner: dict[str, int] = {}

    def claim(key: str, m: Mention, j: int) -> None:
        owners[key].add(m.kb_id or m.key)
        owner.setdefault(key, j)

    for j, m in enumerate(mentions):
        words = [t for t in m.span if t.is_alpha]
        if len(words) < 2:
            continue
        if m.label == "PERSON":
            claim("sur:" + name_key(words[-1].text), m, j)
            if person_shaped(m.span, lexicon):
                claim("giv:" + name_key(words[0].text), m, j)
        elif m.label == "ORG":
            acronym = initials(words, lexicon.connectors["acronym"])
            if len(acronym) >= 2:
                claim("acr:" + acronym, m, j)
            for n in range(1, len(m.span) - 1):
                claim("tail:" + name_key(m.span[n:].text), m, j)
    links: list[tuple[int, int]] = []
    for i, m in enumerate(mentions):
        if m.decided or m.label not in _LINKABLE_SHORT and not _place_guess(m):
            continue  # a team or company keeps its own name ("Hess" is not John Hess)
        if len(m.span) == 1:
            key = "sur:" + m.key if not m.kb_id else ""
            if key and not owners.get(key) and m.label == "PERSON":
                key = "giv:" + m.key  # a given name alone: "Tedros", "Hillary"
            acronym = "acr:" + m.span.text
            if m.span.text.isupper() and not _place_guess(m) and len(owners.get(acronym, ())) == 1:
                key = acronym
        else:
            key = "tail:" + m.key if m.label == "ORG" else ""
        if len(owners.get(key, ())) == 1 and owner[key] != i:
            links.append((i, owner[key]))
        elif key.startswith("sur:") and len(owners.get(key, ())) > 1:
            m.label = "PERSON"  # the surname of two people ("Duterte": Rodrigo and Sara) is a person's
    return links


def _place_guess(m: Mention) -> bool:
    """A one-word GPE the model (not the gazetteer) found, standing alone: it may be a person's
    surname ("Carney took 86%" after "Mark Carney"), linked only when a full PERSON name in the
    article ends with it ("Madrid" in "Real Madrid" is not alone)."""
    if m.label != "GPE" or m.source != "model" or len(m.span) != 1:
        return False
    before = m.span.doc[m.span.start - 1] if m.span.start else None
    return before is None or not before.is_title


def _entity(n: int, mentions: list[Mention], entries: Mapping[str, Entry]) -> Entity:
    kb_id = next((m.kb_id for m in mentions if m.kb_id), None)
    entry = entries.get(kb_id) if kb_id else None
    if entry is not None and not entry.generic:
        label, name = entry.label, entry.name
    else:
        names = [m for m in mentions if m.source != "role"]
        votes = Counter(m.label for m in names)
        decided = [m.label for m in names if m.decided]
        longest = max(names, key=lambda m: (len(m.span), m.source != "alias", len(m.span.text)))
        top = max(votes.values())
        label = longest.label if votes[longest.label] == top else votes.most_common(1)[0][0]
        label = decided[0] if decided else label
        name = " ".join(longest.span.text.split())
    return Entity(
        id=f"E{n}", label=label, name=name, kb_id=kb_id,
        mentions=[EntityMention(start=m.span.start_char, end=m.span.end_char, text=m.span.text, source=m.source)
                  for m in mentions],
        roles=list(dict.fromkeys(" ".join(r.text.split()) for m in mentions for r in m.roles)),
        registry_ids=list(entry.registry_ids) if entry is not None else [],
    )

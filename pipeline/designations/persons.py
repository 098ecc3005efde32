"""Listed persons (the Russian foreign-agent register) in Russian copy, tagged only on a full-name match.

The register lists "Фамилия Имя Отчество", sometimes with a pen name in quotes ("… «Борис Акунин»")
or another name in brackets, and gives its own short forms ("Пономарев Лев"). A PERSON entity of
the NER stage is matched when its canonical (nominative) name is a listed first name and surname,
in either order, with nothing beside them but the listed patronymic, and one of its mentions has at
least two words (the full name was written). Its surname-only mentions count because the NER stage
put them in that entity; a surname or initials alone never match, nor does a namesake whose first
name or patronymic differs. Two listed persons with the same first name and surname and no
patronymic in the text to tell them apart: neither is tagged (the register gives nothing else to
decide by). Names in Latin letters (English copy, transliterations) are not matched.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from itertools import combinations

from pipeline.aliases.index import Hit
from pipeline.designations.notices import Notice
from pipeline.designations.tagger import link_notices, listing_state
from pipeline.registry.registry import Registry, derived_cache
from pipeline.sections.designations import DesignatedPerson, Designations, PersonMention
from pipeline.sections.entities import Entity, Mention

_WORD = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*")
_QUOTED = re.compile(r"\"([^\"]+)\"|«([^«»]+)»")
_BRACKETED = re.compile(r"\(([^()]*)\)")
#: mention sources that are not the person's name ("он", "журналистка")
_NOT_A_NAME = frozenset({"pronoun", "role"})
#: an entity name of more words than this is no person's name as the register writes it
MAX_NAME_WORDS = 5


def fold(word: str) -> str:
    """Case and ё/е folded, as names are compared."""
    return word.lower().replace("ё", "е")


def words(text: str) -> list[str]:
    """The folded Cyrillic words of a name."""
    return [fold(w) for w in _WORD.findall(text)]


@dataclass(frozen=True, slots=True)
class ListedName:
    """One way the register writes a person: the first name and surname, and the words allowed beside them."""

    person_id: str
    pair: frozenset[str]
    extra: frozenset[str]


def listed_names(person_id: str, forms: Sequence[str]) -> Iterator[ListedName]:
    """The names of one listing: the main name, its quoted pen name and bracketed other name, and the
    list's short forms; a form of fewer than two words ("Монеточка", "Face") is no full name."""
    for form in forms:
        main = _BRACKETED.sub(" ", _QUOTED.sub(" ", form))
        parts = [main] + [a or b for a, b in _QUOTED.findall(form)] + _BRACKETED.findall(form)
        for part in parts:
            found = words(part)
            if len(found) >= 2 and found[0] != found[1]:
                yield ListedName(person_id, frozenset(found[:2]), frozenset(found[2:]))


class PersonIndex:
    """The listed persons of a registry by their first-name-and-surname pair."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry
        self.by_pair: dict[frozenset[str], list[ListedName]] = {}
        for record in registry:
            if record.kind == "person":
                for name in listed_names(record.id, record.names.get("ru", [record.name])):
                    self.by_pair.setdefault(name.pair, []).append(name)

    def match(self, entity: Entity) -> str | None:
        """The registry id of the one listed person ``entity`` names in full, or None."""
        if entity.label != "PERSON" or not any(len(words(m.text)) >= 2 for m in name_mentions(entity)):
            return None
        ids = {name.person_id for tokens in name_readings(entity) for pair in combinations(tokens, 2)
               for name in self.by_pair.get(frozenset(pair), ()) if set(tokens) - set(pair) <= name.extra}
        return ids.pop() if len(ids) == 1 else None


def name_readings(entity: Entity) -> list[list[str]]:
    """The entity's canonical name as words, and that name with a word replaced by a one-word mention
    that is the word plus one letter: a feminine surname the model put in the masculine
    ("Ксения Ларин" of "Ксению Ларину … Ларина")."""
    tokens = words(entity.name)
    if not 2 <= len(tokens) <= MAX_NAME_WORDS or len(set(tokens)) != len(tokens):
        return []
    readings = [tokens]
    for mention in name_mentions(entity):
        single = words(mention.text)
        if len(single) == 1:
            readings += [tokens[:i] + single + tokens[i + 1:] for i, token in enumerate(tokens)
                         if single[0] != token and single[0][:-1] == token]
    return readings


def name_mentions(entity: Entity) -> list[Mention]:
    """The mentions that write the entity's name (not pronouns or descriptions)."""
    return [m for m in entity.mentions if m.source not in _NOT_A_NAME and m.text[:1].isupper()]


def footnoted(text: str, hits: Sequence[Hit], notices: Sequence[Notice]) -> dict[tuple[int, int], Notice]:
    """Names marked with an asterisk ("Лев Пономарев*") and a later foreign-agent notice after an
    asterisk ("* признан иноагентом"): the footnote is every marked name's notice."""
    notes = [n for n in notices if text[:n.start].rstrip().endswith("*")]
    out: dict[tuple[int, int], Notice] = {}
    for hit in hits:
        if text.startswith("*", hit.end):
            note = next((n for n in notes if n.start > hit.end), None)
            if note is not None:
                out[(hit.start, hit.end)] = note
    return out


def _take_nearer_notices(section: Designations, hits: Sequence[Hit]) -> list[Notice]:
    """Foreign-agent notices the organisation pass linked to an organisation named before a listed
    person the notice follows ("сотрудник «Мемориала» Олег Орлов (признан иноагентом)"): taken
    off the organisation, which then lacks its notice, to be linked to the nearer person."""
    taken: list[Notice] = []
    for org in section.organisations:
        for mention in org.mentions:
            notice = mention.notice
            if notice is None or notice.kind != "foreign_agent":
                continue
            if any(mention.end <= h.start and h.end <= notice.start for h in hits):
                mention.notice = None
                taken.append(Notice(notice.start, notice.end, notice.text, notice.kind))
        org.notice_missing = org.notice_required and not any(m.notice for m in org.mentions)
    section.summary.notice_missing = sum(o.notice_missing for o in section.organisations)
    return taken


@cache
def person_index(registry: Registry) -> PersonIndex:
    """The person index of a registry, built once per process and registry."""
    return PersonIndex(registry)


derived_cache(person_index.cache_clear)


def tag_persons(text: str, day: date, entities: Sequence[Entity], section: Designations,
                index: PersonIndex) -> None:
    """Add the listed persons the entities name in full to ``section``, with the foreign-agent notices
    still unlinked linked to their mentions as for organisations."""
    persons: list[DesignatedPerson] = []
    hits: list[Hit] = []
    for entity in entities:
        person_id = index.match(entity)
        if person_id is None:
            continue
        record = index.registry.by_id[person_id]
        state = listing_state(record.designations, day, section.notice_jurisdiction)
        mentions = name_mentions(entity)
        hits += [Hit(person_id, m.start, m.end, m.text, m.text) for m in mentions]
        persons.append(DesignatedPerson(
            person_id=person_id, name=record.name, entity_id=entity.id, designated=state.designated,
            designation_status=state.status, designations=state.designations, other_designations=state.other,
            notice_required=state.notice_required, notice_missing=False,
            mentions=[PersonMention(start=m.start, end=m.end, text=m.text, notice=None) for m in mentions]))
    taken = _take_nearer_notices(section, hits)
    open_notices = [Notice(n.start, n.end, n.text, n.kind) for n in section.unlinked_notices
                    if n.kind == "foreign_agent"] + taken
    linked = {(h.start, h.end): n for h, n in link_notices(text, sorted(hits, key=lambda h: h.start),
                                                           open_notices).items()}
    linked |= footnoted(text, hits, [n for n in open_notices if n not in linked.values()])
    for person in persons:
        for mention in person.mentions:
            notice = linked.get((mention.start, mention.end))
            mention.notice = notice.to_section() if notice else None
        person.notice_missing = person.notice_required and not any(m.notice for m in person.mentions)
    used = {(n.start, n.end) for n in linked.values()}
    unlinked = section.unlinked_notices + [n.to_section() for n in taken]
    section.unlinked_notices = sorted((n for n in unlinked if (n.start, n.end) not in used), key=lambda n: n.start)
    section.persons = persons
    section.summary.persons = len(persons)
    section.summary.persons_notice_missing = sum(p.notice_missing for p in persons)

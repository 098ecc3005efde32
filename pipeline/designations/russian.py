"""The Russian designations backend: the official Russian lists matched in Russian copy, with Russian notices.

The registry keeps each organisation's official Russian names (``names["ru"]``, from the lists
themselves); with the Russian short names of ``data/aliases.ru.yaml`` they go into the one alias
matcher (:mod:`pipeline.aliases`) keyed by :func:`~pipeline.aliases.text.russian_key`, so a name
matches in any case («Исламского государства», «Свидетелей Иеговы», «Джебхат ан-Нусры»). Names
that are also common words («Мемориал», «Азов», «Дождь») need a Russian context cue
(``pipeline/aliases/data/context.ru.yaml``); notices are Russian patterns
(``data/notices.ru.yaml``). Organisation ids are the registry's, as in English copy.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import cache
from typing import TYPE_CHECKING

import yaml

from pipeline.aliases.index import AliasSpec
from pipeline.aliases.matcher import AliasMatcher
from pipeline.aliases.text import DATA_DIR as ALIAS_DATA_DIR
from pipeline.aliases.text import russian_key
from pipeline.article import Article
from pipeline.designations.section import article_day
from pipeline.designations.notices import DATA_DIR, NoticeDetector
from pipeline.designations.persons import PersonIndex, person_index, tag_persons
from pipeline.designations.tagger import Tagger
from pipeline.registry.model import TAGGED_KINDS
from pipeline.registry.registry import Registry, derived_cache, load_registry
from pipeline.sections.designations import Designations
from pipeline.sections.entities import Entity
from pipeline.stages.base import Backend, StageProvenance
from pipeline.version import content_hash

if TYPE_CHECKING:
    from pipeline.stages.designations import DesignationsConfig

ALIASES_PATH = DATA_DIR / "aliases.ru.yaml"
NOTICES_PATH = DATA_DIR / "notices.ru.yaml"
CONTEXT_PATH = ALIAS_DATA_DIR / "context.ru.yaml"
_QUOTED = re.compile(r"[«“„\"]([^«»“”„\"]{2,120})[»”“\"]")
_BRACKETS = re.compile(r"\([^()]*\)")
_MARKS = re.compile(r"[«»“”„\"]")
#: official names longer than this many words are not indexed (the lists' legal descriptions)
MAX_WORDS = 12


@cache
def _curated() -> dict[str, dict[str, list[str]]]:
    data: dict[str, dict[str, list[str]]] = yaml.safe_load(ALIASES_PATH.read_text("utf-8"))
    return data


def official_variants(name: str) -> Iterator[str]:
    """Matchable forms of one official Russian name: without quote marks and brackets, and the
    quoted names inside it ("Украинское … объединение «Азов» (другие названия…)" → "Азов")."""
    plain = " ".join(_MARKS.sub(" ", _BRACKETS.sub(" ", name)).split()).strip(" ,.:;")
    if plain:
        yield plain
    for m in _QUOTED.finditer(name):
        yield " ".join(m.group(1).split()).strip(" ,.:;")


def russian_specs(registry: Registry) -> Iterator[AliasSpec]:
    """The Russian aliases of every organisation: the curated short names first, then the official
    names; a one-word official name (an ordinary word as often as a name) only as written and with a
    context cue."""
    curated = _curated()
    for org_id, entry in curated.items():
        if org_id not in registry.by_id:
            continue
        for text in entry.get("aliases", []):
            yield AliasSpec(text, org_id=org_id)
        for text in entry.get("exact", []):
            yield AliasSpec(text, org_id=org_id, case_sensitive=True)
        for text in entry.get("context", []):
            yield AliasSpec(text, org_id=org_id, case_sensitive=True, needs_context=True)
    for org in sorted(registry, key=lambda o: not o.curated):
        if org.kind not in TAGGED_KINDS:  # listed persons: matched by full name only (persons.py)
            continue
        for alias in org.aliases:
            if alias.lang == "ru":
                yield AliasSpec(alias.text, org_id=org.id, case_sensitive=alias.case_sensitive,
                                needs_context=alias.needs_context)
        for name in org.names.get("ru", []):
            for text in official_variants(name):
                n_words = len(text.split())
                if n_words > MAX_WORDS or not re.search(r"[А-Яа-яЁё]", text):
                    continue
                single = n_words == 1
                yield AliasSpec(text, org_id=org.id, case_sensitive=single, needs_context=single)


_SENTENCE = re.compile(r"[.!?…]\s+(?=[“«\"А-ЯЁA-Z])|\n\s*\n")


def _sentence_start(text: str, pos: int) -> int:
    return max((m.end() for m in _SENTENCE.finditer(text, max(0, pos - 600), pos)), default=0)


def drop_inside_longer_names(section: Designations, entities: Sequence[Entity]) -> None:
    """A one-word name inside a longer name the NER stage found ("Новости" of "РИА Новости") is that
    longer name's word, not the designated organisation."""
    spans = [(m.start, m.end) for e in entities for m in e.mentions]
    kept_orgs = []
    for org in section.organisations:
        org.mentions = [m for m in org.mentions if " " in m.text.strip() or not any(
            s < m.start and m.end <= e or s <= m.start and m.end < e for s, e in spans)]
        if org.mentions:
            kept_orgs.append(org)
    if len(kept_orgs) == len(section.organisations):
        return
    section.organisations = kept_orgs
    summary = section.summary
    summary.organisations = len(kept_orgs)
    summary.designated = sum(o.designated for o in kept_orgs)
    summary.designation_unknown = sum(o.designation_status == "unknown" for o in kept_orgs)
    summary.notice_required = sum(o.notice_required for o in kept_orgs)
    summary.notice_missing = sum(o.notice_missing for o in kept_orgs)


def link_next_sentence(text: str, section: Designations) -> None:
    """A notice opening the sentence after a name ("Организация признана в России террористической и
    запрещена.", "Деятельность издания признана нежелательной.") belongs to the last designated
    organisation named in the sentence before, when its own sentence names none and that
    organisation has no notice yet."""
    if not section.unlinked_notices:
        return
    mentions = sorted(((m.start, m, org) for org in section.organisations for m in org.mentions),
                      key=lambda x: x[0])
    kept = []
    for notice in section.unlinked_notices:
        own = _sentence_start(text, notice.start)
        previous = _sentence_start(text, max(0, own - 1)) if own > 0 else 0
        in_own = [m for start, m, _ in mentions if own <= start < notice.start]
        before = [(m, org) for start, m, org in mentions if previous <= start < own]
        if in_own or not before or own == 0:
            kept.append(notice)
            continue
        mention, org = before[-1]
        if any(m.notice for m in org.mentions) or not org.notice_required:
            kept.append(notice)
            continue
        mention.notice = notice
        org.notice_missing = False
    section.unlinked_notices = kept
    section.summary.notice_missing = sum(o.notice_missing for o in section.organisations)


@cache
def russian_matcher(registry: Registry) -> AliasMatcher:
    """The alias matcher over the registry's Russian names, built once per process and registry."""
    return AliasMatcher(russian_specs(registry), context_path=CONTEXT_PATH, word_key=russian_key, fuzzy=False)


derived_cache(russian_matcher.cache_clear)


class RussianDesignations(Backend["DesignationsConfig"]):
    """Designation tagging of Russian copy."""

    tagger: Tagger
    matcher: AliasMatcher
    persons: PersonIndex

    def setup(self) -> None:
        registry = load_registry(self.config.registry_path)
        self.matcher = russian_matcher(registry)
        self.persons = person_index(registry)
        self.tagger = Tagger(registry, self.config.notice_jurisdiction, notices=NoticeDetector(NOTICES_PATH))

    def process(self, articles: Sequence[Article]) -> None:
        for article in articles:
            scan = self.matcher.scan(article.text)
            day, entities = article_day(article), article.entities or []
            section = self.tagger.tag(article.text, day, entities, scan)
            drop_inside_longer_names(section, entities)
            tag_persons(article.text, day, entities, section, self.persons)
            link_next_sentence(article.text, section)
            article.designations = section

    def provenance(self) -> StageProvenance:
        versions: dict[str, str] = {
            "registry": self.tagger.registry.version,
            "notice_patterns.ru": content_hash(NOTICES_PATH),
            "designation_aliases.ru": content_hash(ALIASES_PATH, ALIAS_DATA_DIR / "russian_endings.yaml"),
            "designation_context.ru": content_hash(CONTEXT_PATH),
        }
        return StageProvenance(data_versions=versions)

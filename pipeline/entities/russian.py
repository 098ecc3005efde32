"""The Russian NER backend: natasha's entities, grouped per real-world entity across inflection.

natasha (:mod:`pipeline.nlp_ru`, one load per process, in :meth:`RussianEntities.setup`) gives
sentences, tokens with lemmas, morphology and dependencies, and PER / ORG / LOC spans with their
normal form in the nominative ("Пескову" → "Песков"). This backend

- labels them: PER → PERSON, ORG → ORG, LOC → GPE, or LOC for natural features and regions
  without a government, or ORG for places that stand for an institution (Кремль) (data:
  ``pipeline/lexicon/ru/names.yaml``);
- groups mentions into entities: persons by surname (Дмитрий Песков, Пескова, Пескову → one
  entity, "Дмитрий Песков"), organisations and places by normal form, their known aliases (РФ →
  Россия) and acronyms built from an expansion in the same article (Фонд борьбы с коррупцией ↔
  ФБК); ё and е compare equal;
- keeps roles written in apposition before a name ("пресс-секретарь президента РФ Дмитрий Песков").

The natasha parse stays on the article (``article.analysis``) for the Russian quotes backend.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import msgspec

from pipeline.article import Article
from pipeline.lexicon.files import read_resource
from pipeline.nlp_ru import MODEL_NAME, RussianModels, load_russian, model_version
from pipeline.sections.entities import Entity, EntityLabel, Mention
from pipeline.sections.provenance import ModelInfo
from pipeline.stages.base import Backend, StageProvenance
from pipeline.stages.ner import NerConfig

_LABELS: dict[str, EntityLabel] = {"PER": "PERSON", "ORG": "ORG", "LOC": "GPE"}
#: role heads in apposition before a name must be common nouns
_ROLE_POS = frozenset({"NOUN"})


def key(text: str) -> str:
    """Comparison key of a Russian word or name: lower case, ё as е, spaces collapsed."""
    return " ".join(text.lower().replace("ё", "е").split())


@dataclass(frozen=True, slots=True)
class RussianNames:
    """The Russian name tables (``pipeline/lexicon/ru/names.yaml``)."""

    loc_heads: frozenset[str]
    loc_names: frozenset[str]
    org_names: frozenset[str]
    aliases: dict[str, str]
    acronym_skip: frozenset[str]
    version: str


@cache
def load_names() -> RussianNames:
    raw, version = read_resource("ru", "names")
    return RussianNames(loc_heads=frozenset(map(key, raw["loc_heads"])), loc_names=frozenset(map(key, raw["loc_names"])),
                        org_names=frozenset(map(key, raw["org_names"])),
                        aliases={key(a): key(b) for a, b in raw["aliases"].items()},
                        acronym_skip=frozenset(map(key, raw["acronym_skip"])), version=version)


@dataclass(slots=True)
class _Cluster:
    label: EntityLabel
    keys: set[str]
    mentions: list[tuple[int, int, str]] = field(default_factory=list)
    normals: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)


def label_of(span_type: str, normal: str, names: RussianNames) -> EntityLabel:
    """The entities-section label of a natasha span."""
    label = _LABELS.get(span_type, "ORG")
    k = key(normal)
    if label == "GPE":
        if k in names.org_names:
            return "ORG"
        if k in names.loc_names or k.split(" ")[0] in names.loc_heads:
            return "LOC"
    return label


def acronym(normal: str, names: RussianNames) -> str | None:
    """The acronym of a multi-word name ("фонд борьбы с коррупцией" → "фбк"), if it has two words or more."""
    words = [w for w in key(normal).replace("-", " ").split() if w not in names.acronym_skip]
    return "".join(w[0] for w in words) if len(words) >= 2 else None


def _person_key(normal: str) -> str:
    """Persons group by surname: the last word of the normal form ("дмитрий песков" → "песков")."""
    return key(normal).split(" ")[-1]


def _role(doc: Any, span: Any, by_id: dict[str, Any]) -> str | None:
    """A role in apposition before a person's name: "пресс-секретарь президента РФ" of "… Дмитрий Песков"."""
    first = span.tokens[0]
    head = by_id.get(first.head_id)
    if first.rel != "appos" or head is None or head.start >= first.start or head.pos not in _ROLE_POS:
        return None
    text: str = doc.text[head.start:first.start].strip(" ,")
    if not text or "\n" in text or len(text) > 80:
        return None
    return text


def build_entities(doc: Any, names: RussianNames) -> list[Entity]:
    """Group the natasha spans of one parsed article into entities (ids in order of first mention)."""
    by_id = {t.id: t for t in doc.tokens}
    clusters: list[_Cluster] = []
    index: dict[tuple[str, str], _Cluster] = {}  # (label family, key) → cluster
    for span in doc.spans:
        normal = span.normal or span.text
        label = label_of(span.type, normal, names)
        family = "PERSON" if label == "PERSON" else "NAME"
        k = key(normal)
        keys = {_person_key(normal)} if family == "PERSON" else {k, names.aliases.get(k, k)}
        cluster = next((index[(family, x)] for x in keys if (family, x) in index), None)
        if cluster is None and family == "NAME":
            cluster = _by_acronym(k, names, clusters, index)
        if cluster is None:
            cluster = _Cluster(label=label, keys=set())
            clusters.append(cluster)
        cluster.keys |= keys
        for x in keys:
            index[(family, x)] = cluster
        if family == "NAME" and (a := acronym(normal, names)) is not None and len(a) >= 2:
            index.setdefault(("NAME", a), cluster)
        cluster.mentions.append((span.start, span.stop, span.text))
        cluster.normals.append(normal)
        if label == "PERSON" and (role := _role(doc, span, by_id)) is not None and role not in cluster.roles:
            cluster.roles.append(role)
    return [_entity(n, c) for n, c in enumerate(sorted(clusters, key=lambda c: c.mentions[0][0]), 1)]


def _by_acronym(k: str, names: RussianNames, clusters: Iterable[_Cluster],
                index: dict[tuple[str, str], _Cluster]) -> _Cluster | None:
    """An earlier organisation this acronym (or expansion) stands for, or a name that starts with it
    ("МИД" and "МИД России")."""
    if " " not in k:
        return next((c for c in clusters if c.label == "ORG" and any(x.split(" ")[0] == k and " " in x
                                                                    for x in c.keys)), None)
    a = acronym(k, names)
    return index.get(("NAME", a)) if a else None


def _entity(number: int, cluster: _Cluster) -> Entity:
    if cluster.label == "PERSON":
        name = max(cluster.normals, key=lambda n: (len(n.split()), len(n)))
    else:
        name = max(cluster.normals, key=lambda n: (len(n.split()), -cluster.normals.index(n)))
    mentions = [Mention(start=s, end=e, text=t, source="model") for s, e, t in sorted(cluster.mentions)]
    return Entity(id=f"E{number}", label=cluster.label, name=name, kb_id=None, mentions=mentions,
                  roles=cluster.roles)


class RussianEntities(Backend[NerConfig]):
    """natasha NER + morphology, grouped across inflection, for Russian copy."""

    models: RussianModels
    model: ModelInfo
    names: RussianNames

    def setup(self) -> None:
        """Load natasha's models (once per process) and the Russian name tables."""
        self.models = load_russian()
        self.names = load_names()
        self.model = ModelInfo(name=MODEL_NAME, version=model_version())

    def process(self, articles: Sequence[Article]) -> None:
        for article in articles:
            doc = self.models.parse(article.text)
            article.analysis = doc
            article.model = self.model
            article.entities = build_entities(doc, self.names)

    def provenance(self) -> StageProvenance:
        return StageProvenance(model=self.model, data_versions={"lexicon.ru.names": self.names.version})


def entities_json(entities: Sequence[Entity]) -> list[dict[str, Any]]:
    """The section as plain JSON values (for tests and tools)."""
    return [msgspec.to_builtins(e) for e in entities]

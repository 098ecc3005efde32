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

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import msgspec
import yaml

from pipeline.article import Article
from pipeline.entities.russian_spans import NameSpan, SpanWords, key, name_spans
from pipeline.lexicon.files import read_resource
from pipeline.nlp_ru import MODEL_NAME, RussianModels, load_russian, model_version
from pipeline.sections.entities import Entity, EntityLabel, Mention
from pipeline.sections.provenance import ModelInfo
from pipeline.stages.base import Backend, StageProvenance
from pipeline.stages.ner import NerConfig
from pipeline.version import content_hash

_LABELS: dict[str, EntityLabel] = {"PER": "PERSON", "ORG": "ORG", "LOC": "GPE"}
#: role heads in apposition before a name must be common nouns
_ROLE_POS = frozenset({"NOUN"})


@dataclass(frozen=True, slots=True)
class RussianNames:
    """The Russian name tables (``pipeline/lexicon/ru/names.yaml``)."""

    loc_heads: frozenset[str]
    loc_names: frozenset[str]
    region_heads: frozenset[str]
    org_names: frozenset[str]
    #: the word lists of the span repairs
    words: SpanWords
    #: alias key → the cluster's name as written
    aliases: dict[str, str]
    acronym_skip: frozenset[str]
    version: str

    def alias_key(self, k: str) -> str:
        """The key of the name ``k`` stands for (itself when it is no alias)."""
        target = self.aliases.get(k)
        return key(target) if target is not None else k


@cache
def load_names() -> RussianNames:
    raw, version = read_resource("ru", "names")
    return RussianNames(loc_heads=frozenset(map(key, raw["loc_heads"])), loc_names=frozenset(map(key, raw["loc_names"])),
                        region_heads=frozenset(map(key, raw["region_heads"])),
                        org_names=frozenset(map(key, raw["org_names"])),
                        words=SpanWords(descriptors=frozenset(map(key, raw["name_descriptors"])),
                                        institutions=frozenset(map(key, raw["institution_heads"])),
                                        not_names=frozenset(map(key, raw["not_names"]))),
                        aliases={key(a): str(b) for a, b in raw["aliases"].items()},
                        acronym_skip=frozenset(map(key, raw["acronym_skip"])), version=version)


KB_PATH = Path(__file__).parent / "data" / "gazetteer.ru.yaml"


@cache
def kb_ids() -> dict[str, str]:
    """Russian name key → gazetteer kb id (``data/gazetteer.ru.yaml``)."""
    data: dict[str, list[str]] = yaml.safe_load(KB_PATH.read_text("utf-8"))
    return {key(_MARKS_RE.sub("", name)): kb for kb, names in data.items() for name in names}


_MARKS_RE = re.compile(r"[«»“”„\"]")


def kb_id_of(label: EntityLabel, normals: Sequence[str]) -> str | None:
    """The gazetteer id of an entity named ``normals`` (a person also by surname), if the table has it."""
    table = kb_ids()
    for normal in sorted(normals, key=lambda n: -len(n)):
        k = key(_MARKS_RE.sub("", normal))
        if k in table:
            return table[k]
        if label == "PERSON" and (surname := k.split(" ")[-1]) in table and " " not in surname:
            return table[surname]
    return None


@dataclass(slots=True)
class _Cluster:
    label: EntityLabel
    keys: set[str]
    mentions: list[tuple[int, int, str]] = field(default_factory=list)
    normals: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    alias_target: str | None = None


def _same_surname(a: str, b: str) -> bool:
    """Two surname keys of one person: equal, or one the other with a case ending ("фидан", "фиданом")."""
    short, long_ = sorted((a, b), key=len)
    return a == b or (len(short) >= 4 and long_.startswith(short) and len(long_) - len(short) <= 3)


def label_of(span_type: str, normal: str, names: RussianNames) -> EntityLabel:
    """The entities-section label of a natasha span."""
    label = _LABELS.get(span_type, "ORG")
    k = key(normal)
    if label == "ORG" and k.split(" ")[-1] in names.region_heads:  # "Свердловская область"
        return "GPE"
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


def _role(doc: Any, span: NameSpan, by_id: dict[str, Any]) -> str | None:
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
    """Group the names of one parsed article into entities (ids in order of first mention)."""
    by_id = {t.id: t for t in doc.tokens}
    clusters: list[_Cluster] = []
    index: dict[tuple[str, str], _Cluster] = {}  # (label family, key) → cluster
    cluster: _Cluster | None = None
    for span in name_spans(doc, names.words, load_russian().morph_vocab):
        normal = span.normal
        label = label_of(span.type, normal, names)
        family = "PERSON" if label == "PERSON" else "NAME"
        k = key(normal)
        keys = {_person_key(normal)} if family == "PERSON" else {k, names.alias_key(k)}
        if not (span.translation and cluster is not None and cluster.label == label):  # "Вольф (Wolf)": the same
            cluster = next((index[(family, x)] for x in keys if (family, x) in index), None)
        if cluster is None and family == "PERSON":
            surname = _person_key(normal)
            cluster = next((c for c in clusters if c.label == "PERSON" and any(_same_surname(surname, x)
                                                                                for x in c.keys)), None)
        if cluster is None and family == "NAME":
            cluster = _by_acronym(k, names, clusters, index, label)
        if cluster is None:
            cluster = _Cluster(label=label, keys=set())
            clusters.append(cluster)
        cluster.keys |= keys
        for x in keys:
            index[(family, x)] = cluster
        if family == "NAME" and (a := acronym(normal, names)) is not None and len(a) >= 2:
            index.setdefault(("NAME", a), cluster)
        if family == "NAME" and k in names.aliases:
            cluster.alias_target = names.aliases[k]
        cluster.mentions.append((span.start, span.stop, span.text))
        cluster.normals.append(normal)
        if label == "PERSON" and (role := _role(doc, span, by_id)) is not None and role not in cluster.roles:
            cluster.roles.append(role)
    return [_entity(n, c) for n, c in enumerate(sorted(clusters, key=lambda c: c.mentions[0][0]), 1)]


def _by_acronym(k: str, names: RussianNames, clusters: Iterable[_Cluster],
                index: dict[tuple[str, str], _Cluster], label: EntityLabel) -> _Cluster | None:
    """An earlier organisation this acronym (or expansion) stands for, or a name that starts with it
    ("МИД" and "МИД России"), or a club or company named by its last word ("Кэпиталз" and
    "Вашингтон Кэпиталз")."""
    if " " not in k:
        if label != "ORG":  # "РФ" is not "Минюст РФ"
            return None
        candidates = [c for c in clusters if c.label == "ORG"]
        return next((c for c in candidates if any(x.split(" ")[0] == k and " " in x for x in c.keys)),
                    next((c for c in candidates if any(x.split(" ")[-1] == k and " " in x for x in c.keys)
                          and len(k) >= 4), None))
    a = acronym(k, names)
    return index.get(("NAME", a)) if a else None


def _cyrillic(name: str) -> bool:
    """A name written in Russian: Russian copy names an entity so, not by its translation ("(Joel Simon)")."""
    return any("а" <= ch <= "я" or ch == "ё" for ch in name.lower())


def _entity(number: int, cluster: _Cluster) -> Entity:
    if cluster.label == "PERSON":
        name = max(cluster.normals, key=lambda n: (_cyrillic(n), len(n.split()), len(n)))
        *first, last = name.split(" ")
        shorter = [n.split(" ")[-1] for n in cluster.normals if len(n.split(" ")[-1]) < len(last)
                   and _same_surname(key(n.split(" ")[-1]), key(last))]
        if shorter:  # "Хакан Фиданом" (instrumental, not normalised) named by "Фидан"
            name = " ".join([*first, min(shorter, key=len)])
    else:
        name = max(cluster.normals, key=lambda n: (_cyrillic(n), len(n.split()), -cluster.normals.index(n)))
        if cluster.alias_target is not None and all(cluster.alias_target and key(n) != key(cluster.alias_target)
                                                    for n in cluster.normals) and len(name.split()) == 1:
            name = cluster.alias_target
    mentions = [Mention(start=s, end=e, text=t, source="model") for s, e, t in sorted(cluster.mentions)]
    return Entity(id=f"E{number}", label=cluster.label, name=name, kb_id=kb_id_of(cluster.label, [name, *cluster.normals]),
                  mentions=mentions, roles=cluster.roles)


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
        """Parse the chunk's texts together (:meth:`RussianModels.parse_many`) and group each article's names."""
        for article, doc in zip(articles, self.models.parse_many([a.text for a in articles]), strict=True):
            article.analysis = doc
            article.model = self.model
            article.entities = build_entities(doc, self.names)

    def provenance(self) -> StageProvenance:
        return StageProvenance(model=self.model, data_versions={"lexicon.ru.names": self.names.version,
                                                                "gazetteer.ru": content_hash(KB_PATH)})


def entities_json(entities: Sequence[Entity]) -> list[dict[str, Any]]:
    """The section as plain JSON values (for tests and tools)."""
    return [msgspec.to_builtins(e) for e in entities]

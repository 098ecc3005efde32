"""Russian quotes: the speech lexicon and the parsed article speakers are resolved against.

A speaker is a name (any inflection: the entities section groups them), a pronoun to the last
person of the same gender, a description ("глава государства") to the person named with a role
of the same group, or the name after a document or office ("— говорится в заявлении МИД").
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from pipeline.lexicon.files import read_resource
from pipeline.quotes.model import Attribution, Resolution
from pipeline.sections.entities import Entity

SUBJECT_RELS = frozenset({"nsubj", "nsubj:pass"})


def key(text: str) -> str:
    return " ".join(text.lower().replace("ё", "е").split())


@dataclass(frozen=True, slots=True)
class SpeechLexicon:
    """``pipeline/lexicon/ru/speech_verbs.yaml``, typed."""

    frames: dict[str, frozenset[str]]
    according: tuple[tuple[str, ...], ...]
    complementizers: frozenset[str]
    pronouns: dict[str, str]  # form → class
    roles: dict[str, tuple[tuple[str, ...], ...]]
    back_reference: frozenset[str]
    org_back_reference: frozenset[str]
    unnamed_source: frozenset[str]
    #: documents and offices whose genitive names the speaker ("в заявлении МИД России")
    sources: frozenset[str]
    version: str

    def takes(self, lemma: str | None, frame: str) -> bool:
        return lemma is not None and frame in self.frames.get(key(lemma), ())

    def role_group(self, lemmas: Sequence[str]) -> str | None:
        best: tuple[int, int, str] | None = None
        for rank, (group, terms) in enumerate(self.roles.items()):
            for term in terms:
                n = len(term)
                for k in range(len(lemmas) - n + 1):
                    if tuple(lemmas[k:k + n]) == term and (best is None or (n, -rank) > best[:2]):
                        best = (n, -rank, group)
        return None if best is None else best[2]


@cache
def load_speech() -> SpeechLexicon:
    raw, version = read_resource("ru", "speech_verbs")
    pronouns: dict[str, str] = {}
    for cls, forms in raw["pronouns"].items():
        for form in forms:
            pronouns.setdefault(key(form), cls)
    return SpeechLexicon(
        frames={key(v): frozenset(f) for v, f in raw["verbs"].items()},
        according=tuple(tuple(key(p).split()) for p in raw["according"]),
        complementizers=frozenset(map(key, raw["complementizers"])),
        pronouns=pronouns,
        roles={g: tuple(tuple(key(t).split()) for t in terms) for g, terms in raw["roles"].items()},
        back_reference=frozenset(map(key, raw["back_reference"])),
        org_back_reference=frozenset(map(key, raw["org_back_reference"])),
        unnamed_source=frozenset(map(key, raw["unnamed_source"])),
        sources=frozenset(map(key, raw["sources"])),
        version=version,
    )


def gender_of(feats: dict[str, str] | None) -> str | None:
    g = (feats or {}).get("Gender")
    number = (feats or {}).get("Number")
    if number == "Plur":
        return "plural"
    return {"Masc": "male", "Fem": "female"}.get(g or "")


class ParsedArticle:
    """One article's parse, entities and the lookups the rules share."""

    def __init__(self, text: str, doc: Any, entities: list[Entity], lex: SpeechLexicon) -> None:
        self.text, self.doc, self.lex = text, doc, lex
        self.tokens = list(doc.tokens)
        self.starts = [t.start for t in self.tokens]
        self.by_id = {t.id: k for k, t in enumerate(self.tokens)}
        self.sents = [(s.start, s.stop) for s in doc.sents]
        self.entities = {e.id: e for e in entities}
        self.mentions = sorted((m.start, m.end, e.id) for e in entities for m in e.mentions)
        self.mention_starts = [m[0] for m in self.mentions]
        self.genders = {e.id: self._entity_gender(e) for e in entities if e.label == "PERSON"}
        self.role_groups = {e.id: self._role_groups(e) for e in entities if e.label == "PERSON"}
        #: (position, entity id) of persons that were subjects or speakers, in order
        self.subjects: list[tuple[int, str]] = []
        for start, end, eid in self.mentions:
            if eid in self.genders and any(self.tokens[k].rel in SUBJECT_RELS | {"appos", "flat:name"}
                                           for k in self.token_range(start, end)):
                self.subjects.append((start, eid))

    # --- lookups
    def token_range(self, start: int, end: int) -> range:
        return range(bisect_left(self.starts, start), bisect_left(self.starts, end))

    def token_at(self, char: int) -> int | None:
        k = bisect_right(self.starts, char) - 1
        return k if k >= 0 and self.tokens[k].start <= char < self.tokens[k].stop else None

    def sentence(self, char: int) -> tuple[int, int]:
        for s, e in self.sents:
            if s <= char < e:
                return s, e
        return 0, len(self.text)

    def mention_at(self, start: int, end: int) -> tuple[int, int, str] | None:
        k = bisect_right(self.mention_starts, end) - 1
        while k >= 0:
            m = self.mentions[k]
            if m[1] > start and m[0] < end:
                return m
            if m[1] <= start and m[0] < start - 200:
                break
            k -= 1
        return None

    def _entity_gender(self, entity: Entity) -> str | None:
        votes: dict[str, int] = {}
        for m in entity.mentions:
            for k in self.token_range(m.start, m.end):
                g = gender_of(self.tokens[k].feats)
                if g in ("male", "female"):
                    votes[g] = votes.get(g, 0) + 1
        return max(votes, key=lambda g: votes[g]) if votes else None

    def _role_groups(self, entity: Entity) -> set[str]:
        groups = set()
        for m in entity.mentions:
            s, _ = self.sentence(m.start)
            before = [k for k in self.token_range(max(s, m.start - 80), m.start)][-6:]
            lemmas = [key(self.tokens[k].lemma or self.tokens[k].text) for k in before]
            for n in range(len(lemmas)):
                g = self.lex.role_group(lemmas[n:])
                if g:
                    groups.add(g)
                    break
        return groups

    # --- speakers
    def resolve_tokens(self, ks: Sequence[int], before: int, gender: str | None = None) -> Resolution:
        """The speaker among tokens ``ks`` (a clause after or before a verb): a name in the nominative,
        a pronoun, a description; ``before`` is the quote's position (pronouns look back from it)."""
        # a person named, then a pronoun ("— сказал он в эфире телеканала Pink"), then an organisation
        found = self._named(ks, "PERSON")
        if found is not None:  # "Аналитик Freedom Finance Global Наталья Мильчакова": the person
            return found
        for k in ks:
            t = self.tokens[k]
            cls = self.lex.pronouns.get(key(t.text))
            if cls is not None and (t.feats or {}).get("Case", "Nom") == "Nom":
                return self.resolve_pronoun(cls, (t.start, t.stop), before)
        found = self._named(ks, "ORG") or self._source_document(ks)
        if found is not None:
            return found
        for k in ks:
            t = self.tokens[k]
            if t.pos == "NOUN" and (t.feats or {}).get("Case") == "Nom":
                return self.resolve_description(k, before, gender)
        return Resolution(None, None, None, "no_speaker", 0.5)

    def _named(self, ks: Sequence[int], label: str) -> Resolution | None:
        """The first entity of ``label`` named in the nominative among tokens ``ks`` (not after a preposition)."""
        for k in ks:
            t = self.tokens[k]
            m = self.mention_at(t.start, t.stop)
            prev = self.tokens[k - 1] if k > 0 else None
            if m is not None and (prev is None or prev.pos != "ADP" or m[0] < prev.start):
                entity = self.entities[m[2]]
                if entity.label == label and (t.feats or {}).get("Case") in (None, "Nom"):
                    return Resolution((m[0], m[1]), entity.id, entity.name, None, 1.0)
        return None

    def _source_document(self, ks: Sequence[int]) -> Resolution | None:
        """"говорится в заявлении МИД России", "сообщает пресс-служба губернатора Ивана Петрова":
        the person, else the organisation, named in the genitive after a document or an office."""
        n = next((n for n, k in enumerate(ks) if key(self.tokens[k].lemma or "") in self.lex.sources), None)
        if n is None:
            return None
        for label in ("PERSON", "ORG"):
            for k in ks[n + 1:]:
                m = self.mention_at(self.tokens[k].start, self.tokens[k].stop)
                if m is not None and self.entities[m[2]].label == label:
                    entity = self.entities[m[2]]
                    return Resolution((m[0], m[1]), entity.id, entity.name, None, 0.9)
        return None

    def last_organisation(self, before: int) -> str | None:
        """The last organisation before ``before`` that was a subject, else the last one named."""
        named = None
        for start, end, eid in reversed(self.mentions):
            if start >= before or self.entities[eid].label != "ORG":
                continue
            named = named or eid
            if any(self.tokens[k].rel in SUBJECT_RELS for k in self.token_range(start, end)):
                return eid
        return named

    def resolve_pronoun(self, cls: str, span: tuple[int, int], before: int) -> Resolution:
        if cls == "plural":
            return Resolution(span, None, None, "no_antecedent", 0.5)
        eid = self.last_person(before, cls)
        if eid is None:
            return Resolution(span, None, None, "no_antecedent", 0.5)
        return Resolution(span, eid, self.entities[eid].name, None, 0.85)

    def last_person(self, before: int, gender: str | None) -> str | None:
        """The last person subject or speaker before ``before`` of a compatible gender."""
        for pos, eid in reversed(self.subjects):
            if pos < before and (gender is None or self.genders.get(eid) in (None, gender)):
                return eid
        for start, _, eid in reversed(self.mentions):
            if start < before and eid in self.genders and (gender is None or self.genders[eid] in (None, gender)):
                return eid
        return None

    def resolve_description(self, k: int, before: int, gender: str | None) -> Resolution:
        head = self.tokens[k]
        words = [k]
        j = k + 1
        while j < len(self.tokens) and len(words) < 4 and self.tokens[j].pos in ("NOUN", "ADJ", "PROPN") \
                and self.tokens[j].text not in ",.":
            words.append(j)
            j += 1
        span = (head.start, self.tokens[words[-1]].stop)
        lemmas = [key(self.tokens[w].lemma or self.tokens[w].text) for w in words]
        lemma = lemmas[0]
        if lemma in self.lex.unnamed_source:
            return Resolution(span, None, None, "unnamed_source", 0.6)
        if lemma in self.lex.org_back_reference:  # "Ведомство отметило, что …": the organisation last a subject
            org = self.last_organisation(before)
            if org is not None:
                return Resolution(span, org, self.entities[org].name, None, 0.7)
        group = self.lex.role_group(lemmas)
        gender = gender or gender_of(head.feats)
        if group is not None:
            holders = [eid for eid, groups in self.role_groups.items() if group in groups]
            for start, _, eid in reversed(self.mentions):
                if start < before and eid in holders:
                    return Resolution(span, eid, self.entities[eid].name, None, 0.8)
        animate = (head.feats or {}).get("Animacy") == "Anim"
        if lemma in self.lex.back_reference or animate:  # "— предупредил синоптик": the last person who spoke
            back = self.last_person(before, gender if gender in ("male", "female") else None)
            if back is not None:
                return Resolution(span, back, self.entities[back].name, None, 0.7)
        return Resolution(span, None, None, "unresolved_description", 0.5)

    def note_speaker(self, attribution: Attribution) -> None:
        res = attribution.speaker
        if res is not None and res.entity_id in self.genders:
            self.subjects.append((attribution.content[0], res.entity_id))
            self.subjects.sort()

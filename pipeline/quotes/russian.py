"""The Russian quotes backend: Russian attribution conventions over natasha's parse.

Reads the natasha ``Doc`` the Russian NER backend left on the article (``article.analysis``)
and the entities section; never re-parses. Conventions handled (the verbs are data:
``pipeline/lexicon/ru/speech_verbs.yaml``):

- ``«…», — сказал Песков.`` (direct-cue-after), also ``«…?» — спросил он``, ``«…», сказал он``
  without the dash for a quotation that opens its sentence, a spaced hyphen for the dash, and
  dialogue paragraphs ``— …, — сказал он.``;
- ``«…, — заявил он. — …»`` (the part after the attribution: direct-interjected);
- ``Песков заявил: «…»`` (direct-cue-before);
- ``Песков заявил, что …`` (indirect-that); ``…, сообщил губернатор Паслер.`` and ``О том, что …,
  заявил Песков.`` (the clause first: indirect-parenthetical);
- ``по словам Пескова, …`` / ``по его словам, …`` (indirect-according); ``как отметил Песков, …``
  (indirect-as);
- interview answers: a dash paragraph after a dash question is the interviewee's (direct-answer).

Speakers resolve to the article's entities: a name (any inflection: the entities section groups
them), a pronoun (он / она / они, also the possessive его / ее) to the last person of the
same gender who spoke or was a subject, a description ("глава государства", "министр") to the
person named with a role of the same group, or back to the last speaker of the same gender
("дипломат добавила"), or the name after a document or office ("— говорится в заявлении МИД
России", "сообщает пресс-служба губернатора"). Without a subject, a verb's gender still narrows
the choice.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from pipeline.article import Article
from pipeline.errors import StageError
from pipeline.lexicon.files import read_resource
from pipeline.quotes.model import Attribution, Resolution
from pipeline.sections.entities import Entity
from pipeline.sections.quotes import Quote, QuoteRule
from pipeline.stages.base import Backend, NoConfig, StageProvenance

OPEN = "“«„"
CLOSE = "”»“"
DASHES = "—–-"
_SUBJECT_RELS = frozenset({"nsubj", "nsubj:pass"})
_STOP_POS = frozenset({"VERB"})


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


def _gender(feats: dict[str, str] | None) -> str | None:
    g = (feats or {}).get("Gender")
    number = (feats or {}).get("Number")
    if number == "Plur":
        return "plural"
    return {"Masc": "male", "Fem": "female"}.get(g or "")


class _Article:
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
            if eid in self.genders and any(self.tokens[k].rel in _SUBJECT_RELS | {"appos", "flat:name"}
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
                g = _gender(self.tokens[k].feats)
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
            if any(self.tokens[k].rel in _SUBJECT_RELS for k in self.token_range(start, end)):
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
        gender = gender or _gender(head.feats)
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


# --- the passes


def quote_pairs(text: str) -> list[tuple[int, int]]:
    """(open, close) positions of the outermost double quotation marks, nested ones skipped."""
    pairs: list[tuple[int, int]] = []
    stack: list[int] = []
    for k, ch in enumerate(text):
        if ch in OPEN and not (ch in CLOSE and stack and _closes(text, k)):
            stack.append(k)
        elif ch in CLOSE and stack:
            start = stack.pop()
            if not stack:
                pairs.append((start, k))
        if ch == "\n" and text[k - 1:k] == "\n":
            stack = []
    return pairs


def _closes(text: str, k: int) -> bool:
    """For a mark that may open or close („…“): closing when a word character precedes it."""
    return k > 0 and not text[k - 1].isspace()


_AFTER = re.compile(r"\s*[,!?…]?\s*[—–-]\s+")
#: «…», сказал он: a comma and no dash, as online copy often writes it (only for a quote that opens its sentence)
_COMMA_AFTER = re.compile(r",\s+")
#: a spaced hyphen stands for the dash in much copy: «…, - заявил он. - …»
_SPLIT = re.compile(r"([,!?…:])\s+[—–-]\s+")
_RESUME = re.compile(r"[.,:;]\s+[—–-]\s+")


class Extractor:
    def __init__(self, art: _Article) -> None:
        self.a = art
        self.found: list[Attribution] = []
        self.covered: list[tuple[int, int]] = []

    def run(self) -> list[Attribution]:
        a = self.a
        for start, end in quote_pairs(a.text):
            self.direct(start, end)
        self.dialogue()
        for s, e in a.sents:
            self.indirect(s, e)
        self.found.sort(key=lambda x: x.content[0])
        return self.found

    def add(self, attribution: Attribution) -> None:
        s, e = attribution.content
        if e <= s or any(cs <= s < ce or s <= cs < e for cs, ce in self.covered):
            return
        self.found.append(attribution)
        self.covered.append((s, e))
        self.a.note_speaker(attribution)

    def verb_after(self, pos: int) -> int | None:
        """The token index of a speech verb opening the text at ``pos`` (after a dash)."""
        k = self.a.token_at(pos)
        if k is None:
            return None
        t = self.a.tokens[k]
        return k if t.pos in ("VERB", "AUX") and self.a.lex.takes(t.lemma, "direct") else None

    def clause_after(self, k: int) -> list[int]:
        """Tokens after a cue up to the clause end (full stop, comma or a dash)."""
        out: list[int] = []
        for j in range(k + 1, min(k + 14, len(self.a.tokens))):
            t = self.a.tokens[j]
            if t.text in (".", "!", "?", ";", ":", "—", "–", "…") or (t.text == "," and out):
                break
            out.append(j)
        return out

    def cue_speaker(self, k: int, before: int) -> Resolution:
        verb = self.a.tokens[k]
        return self.a.resolve_tokens(self.clause_after(k), before, _gender(verb.feats))

    def direct(self, open_: int, close: int) -> None:
        a = self.a
        inner_s, inner_e = open_ + 1, close
        inner = a.text[inner_s:inner_e]
        # «A, — заявил он. — B»
        split = _SPLIT.search(inner)
        if split is not None and (k := self.verb_after(inner_s + split.end())) is not None:
            resume = _RESUME.search(inner, split.end())
            res = self.cue_speaker(k, inner_s)
            verb = a.tokens[k]
            cue = (verb.start, verb.stop)
            first_end = inner_s + split.start() + (0 if split.group(1) == "," else 1)
            self.add(Attribution("direct", (inner_s, first_end), "direct-cue-after", cue, key(verb.lemma),
                                 cue_token=k, speaker=res))
            if resume is not None:
                rest = (inner_s + resume.end(), inner_e)
                self.add(Attribution("direct", _trim(a.text, rest), "direct-interjected", cue, key(verb.lemma),
                                     cue_token=k, speaker=res))
            return
        content = _trim(a.text, (inner_s, inner_e))
        after = _AFTER.match(a.text, close + 1) or (_COMMA_AFTER.match(a.text, close + 1)
                                                     if self.opens_sentence(open_, inner) else None)
        if after is not None and (k := self.verb_after(after.end())) is not None:
            verb = a.tokens[k]
            self.add(Attribution("direct", content, "direct-cue-after", (verb.start, verb.stop), key(verb.lemma),
                                 cue_token=k, speaker=self.cue_speaker(k, open_)))
            return
        before = a.text[max(0, open_ - 3):open_].rstrip()
        if before.endswith(":"):
            s, _ = a.sentence(open_ - 2)
            ks = list(a.token_range(s, open_))
            verbs = [k for k in ks if a.tokens[k].pos in ("VERB", "AUX") and a.lex.takes(a.tokens[k].lemma, "direct")]
            if verbs:
                k = verbs[-1]
                verb = a.tokens[k]
                res = self.subject_of(k, open_)
                self.add(Attribution("direct", content, "direct-cue-before", (verb.start, verb.stop),
                                     key(verb.lemma), cue_token=k, speaker=res))

    def opens_sentence(self, open_: int, inner: str) -> bool:
        """A quotation of three words or more that opens its sentence (not a quoted name: «Газпром», …)."""
        s, _ = self.a.sentence(open_)
        return not self.a.text[s:open_].strip() and len(inner.split()) >= 3

    def dialogue(self) -> None:
        """Dialogue paragraphs without quotation marks: "— Мы готовы, — сказал он. — Продолжим."."""
        a = self.a
        question = False  # the last dash paragraph was a question: this one is the interviewee's answer
        for m in re.finditer(r"(?m)^[—–]\s+", a.text):
            line_end = a.text.find("\n", m.end())
            line_end = len(a.text) if line_end < 0 else line_end
            split = _SPLIT.search(a.text, m.end(), line_end)
            if split is None or (k := self.verb_after(split.end())) is None:
                line = a.text[m.end():line_end].rstrip()
                if question and not line.endswith("?"):
                    self.answer((m.end(), line_end))
                question = line.endswith("?")
                continue
            question = False
            verb = a.tokens[k]
            res = self.cue_speaker(k, m.end())
            first_end = split.start() + (0 if split.group(1) == "," else 1)
            self.add(Attribution("direct", (m.end(), first_end), "direct-cue-after", (verb.start, verb.stop),
                                 key(verb.lemma), cue_token=k, speaker=res))
            resume = _RESUME.search(a.text, split.end(), line_end)
            if resume is not None:
                self.add(Attribution("direct", _trim(a.text, (resume.end(), line_end)), "direct-interjected",
                                     (verb.start, verb.stop), key(verb.lemma), cue_token=k, speaker=res))

    def answer(self, span: tuple[int, int]) -> None:
        """An interview answer ("— Вопрос?" then "— Ответ."): the interviewee's words. The interviewee
        is the person the article says gave the interview ("в интервью"), else the last person who spoke."""
        a = self.a
        eid = None
        for hit in re.finditer(r"интервью", a.text[:span[0]]):
            s, e = a.sentence(hit.start())
            persons = [m for m in a.mentions if s <= m[0] < e and m[2] in a.genders]
            if persons:
                eid = persons[0][2]
        eid = eid or a.last_person(span[0], None)
        res = Resolution(None, eid, a.entities[eid].name, None, 0.8) if eid else \
            Resolution(None, None, None, "no_speaker", 0.5)
        self.add(Attribution("direct", _trim(a.text, span), "direct-answer", speaker=res))

    def subject_of(self, k: int, before: int) -> Resolution:
        """The speaker of a verb: its subject (a name, a pronoun, a description), else a name in the
        nominative before it in the clause, else the organisation of "в Кремле сообщили"."""
        a = self.a
        verb = a.tokens[k]
        s, _ = a.sentence(verb.start)
        subjects = [j for j in a.token_range(s, verb.start) if a.tokens[j].head_id == verb.id
                    and a.tokens[j].rel in _SUBJECT_RELS]
        subjects += [j for j in self.clause_after(k) if a.tokens[j].head_id == verb.id
                     and a.tokens[j].rel in _SUBJECT_RELS]
        gender = _gender(verb.feats)
        if subjects:
            j = subjects[0]
            subtree = [x for x in range(len(a.tokens)) if self.descends(x, j) and a.tokens[x].start >= s]
            res = a.resolve_tokens([x for x in subtree if a.mention_at(a.tokens[x].start, a.tokens[x].stop)]
                                   or [j], before, gender)
            if res.entity_id is not None or res.reason != "no_speaker":
                return res
            return a.resolve_tokens([j], before, gender)
        lead = list(a.token_range(s, verb.start))
        res = a.resolve_tokens(lead, before, gender)
        if res.entity_id is None and res.reason == "no_speaker":
            for j in lead:  # "В МЧС России сообщили, что …"
                t = a.tokens[j]
                m = a.mention_at(t.start, t.stop)
                if m is not None and j > 0 and key(a.tokens[j - 1].text) in ("в", "во") \
                        and a.entities[m[2]].label == "ORG":
                    entity = a.entities[m[2]]
                    return Resolution((m[0], m[1]), entity.id, entity.name, None, 0.9)
        return res

    def descends(self, x: int, root: int) -> bool:
        a = self.a
        seen = 0
        while seen < 12:
            if x == root:
                return True
            head = a.by_id.get(a.tokens[x].head_id)
            if head is None or head == x:
                return False
            x = head
            seen += 1
        return False

    def indirect(self, s: int, e: int) -> None:
        a = self.a
        ks = list(a.token_range(s, e))
        if not ks:
            return
        end = _trim(a.text, (s, e))[1]
        lemmas = [key(a.tokens[k].lemma or a.tokens[k].text) for k in ks]
        texts = [key(a.tokens[k].text) for k in ks]
        # по словам X, … / по его словам, …
        for n in range(len(ks) - 1):
            window = tuple(texts[n:n + 2])
            reordered = (texts[n], texts[n + 2]) if n + 2 < len(ks) else None
            if window in a.lex.according or reordered in a.lex.according:
                comma = next((j for j in range(n + 2, len(ks)) if texts[j] == ","), None)
                if comma is None:
                    continue
                start = a.tokens[ks[comma]].stop
                speaker_ks = [ks[j] for j in range(n + 1, comma)]
                res = self.genitive_speaker(speaker_ks, a.tokens[ks[n]].start)
                cue = (a.tokens[ks[n]].start, a.tokens[ks[min(n + 1, comma - 1)]].stop)
                self.add(Attribution("indirect", _trim(a.text, (start, end)), "indirect-according", cue,
                                     "по словам", speaker=res))
                return
        # как отметил X, …
        if texts[0] == "как" and len(ks) > 2 and a.lex.takes(a.tokens[ks[1]].lemma, "that"):
            comma = next((j for j in range(2, len(ks)) if texts[j] == ","), None)
            if comma is not None:
                verb = a.tokens[ks[1]]
                res = a.resolve_tokens([ks[j] for j in range(2, comma)], s, _gender(verb.feats))
                self.add(Attribution("indirect", _trim(a.text, (a.tokens[ks[comma]].stop, end)), "indirect-as",
                                     (verb.start, verb.stop), key(verb.lemma), cue_token=ks[1], speaker=res))
                return
        # X заявил, что …
        for n, k in enumerate(ks):
            t = a.tokens[k]
            if t.pos not in ("VERB", "AUX") or not a.lex.takes(t.lemma, "that"):
                continue
            that = next((j for j in range(n + 1, min(n + 12, len(ks))) if texts[j] in a.lex.complementizers
                         and texts[j - 1] == ","), None)
            if that is None or any(a.tokens[ks[j]].pos == "VERB" for j in range(n + 1, that)):
                continue
            start = a.tokens[ks[that]].stop
            stop = self.clause_end(start, end)
            self.add(Attribution("indirect", _trim(a.text, (start, stop)), "indirect-that", (t.start, t.stop),
                                 lemmas[n], cue_token=k, speaker=self.subject_of(k, t.start)))
            return
        # …, сообщил губернатор Паслер. / О том, что …, заявил X.
        lead = 4 if texts[:4] == ["о", "том", ",", "что"] else 0
        for n in range(lead + 1, len(ks) - 1):
            t = a.tokens[ks[n]]
            if texts[n - 1] == "," and t.pos == "VERB" and a.lex.takes(t.lemma, "that") \
                    and not any(texts[j] in ("что", "как") for j in range(lead, n)):
                clause = self.clause_after(ks[n])
                if not clause or a.tokens[clause[-1]].stop < end - 2 and a.text[a.tokens[clause[-1]].stop:end].strip(
                        " .") and "," not in a.text[a.tokens[clause[-1]].stop:a.tokens[clause[-1]].stop + 2]:
                    continue
                res = a.resolve_tokens(clause, t.start, _gender(t.feats))
                if res.entity_id is None and res.mention is None:
                    continue
                content = _trim(a.text, (a.tokens[ks[lead - 1]].stop if lead else s, a.tokens[ks[n - 1]].start))
                self.add(Attribution("indirect", content, "indirect-parenthetical", (t.start, t.stop), lemmas[n],
                                     cue_token=ks[n], speaker=res))
                return

    def clause_end(self, start: int, end: int) -> int:
        """Where a reported clause ends: the sentence end, or before a quotation that follows a colon."""
        colon = self.a.text.find(": ", start, end)
        return colon if colon > 0 else end

    def genitive_speaker(self, ks: Sequence[int], before: int) -> Resolution:
        a = self.a
        for labels in (("PERSON",), ("ORG",)):  # "по словам главы Минтранса Романа Старовойта": the person
            for k in ks:
                t = a.tokens[k]
                m = a.mention_at(t.start, t.stop)
                if m is not None and a.entities[m[2]].label in labels:
                    entity = a.entities[m[2]]
                    return Resolution((m[0], m[1]), entity.id, entity.name, None, 1.0)
        for k in ks:
            cls = a.lex.pronouns.get(key(a.tokens[k].text))
            if cls is not None:
                t = a.tokens[k]
                return a.resolve_pronoun(cls, (t.start, t.stop), before)
        for k in ks:
            if a.tokens[k].pos == "NOUN":
                return a.resolve_description(k, before, None)
        return Resolution(None, None, None, "no_speaker", 0.5)


def _trim(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """A content span without surrounding spaces, dashes and its final full stop or comma."""
    s, e = span
    while s < e and (text[s].isspace() or text[s] in DASHES):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ".,;:" or text[e - 1] in DASHES):
        e -= 1
    return s, e


def extract(text: str, doc: Any, entities: list[Entity], lex: SpeechLexicon) -> list[Quote]:
    """The quotes of one Russian article, in text order."""
    found = Extractor(_Article(text, doc, entities, lex)).run()
    return [q.to_quote(f"Q{n}", text) for n, q in enumerate(found, 1)]


class RussianQuotes(Backend[NoConfig]):
    """Quote attribution for Russian copy."""

    lexicon: SpeechLexicon

    def setup(self) -> None:
        self.lexicon = load_speech()

    def process(self, articles: Sequence[Article]) -> None:
        for article in articles:
            if article.analysis is None:
                raise StageError("quotes", f"article {article.raw.id} reached the quotes stage unparsed")
            article.quotes = extract(article.text, article.analysis, article.entities or [], self.lexicon)

    def provenance(self) -> StageProvenance:
        return StageProvenance(data_versions={"lexicon.ru.speech_verbs": self.lexicon.version})


__all__ = ["QuoteRule", "RussianQuotes", "extract", "load_speech"]

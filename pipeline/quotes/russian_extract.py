"""Russian quotes: the passes over one parsed article (direct, dialogue, answers, indirect)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from pipeline.quotes.model import Attribution, Resolution
from pipeline.quotes.paragraphs import is_break, paragraph_chars
from pipeline.quotes.russian_speakers import SUBJECT_RELS, ParsedArticle, SpeechLexicon, gender_of, key
from pipeline.sections.entities import Entity
from pipeline.sections.quotes import Quote

OPEN = "“«„"
CLOSE = "”»“"
DASHES = "—–-"


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
        if is_break(ch):
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
    def __init__(self, art: ParsedArticle) -> None:
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
        return self.a.resolve_tokens(self.clause_after(k), before, gender_of(verb.feats))

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
            line_end = paragraph_chars(a.text, m.end())[1]
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
                    and a.tokens[j].rel in SUBJECT_RELS]
        subjects += [j for j in self.clause_after(k) if a.tokens[j].head_id == verb.id
                     and a.tokens[j].rel in SUBJECT_RELS]
        gender = gender_of(verb.feats)
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
                res = a.resolve_tokens([ks[j] for j in range(2, comma)], s, gender_of(verb.feats))
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
                res = a.resolve_tokens(clause, t.start, gender_of(t.feats))
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
    found = Extractor(ParsedArticle(text, doc, entities, lex)).run()
    return [q.to_quote(f"Q{n}", text) for n, q in enumerate(found, 1)]

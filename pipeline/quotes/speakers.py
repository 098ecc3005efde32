"""Speaker resolution: a speaker token becomes an entity, by name, pronoun or description.

Pronouns go to the most recent gender-compatible *subject* outside quotations (not the last
name seen: names inside quotes and in objects are not antecedents). A description with a name
in apposition ("The head of the network, Matthias Huss,") is that name. Descriptions ("the
Kremlin spokesman", "the head of state") go to the person the article titles with the same
role; definite person descriptions ("the American", "the 20-year-old") refer back like
pronouns; an organ of an organisation ("the UN climate secretariat") speaks for it. Anything
else keeps its mention and a reason, so an analyst can see why it stayed unresolved.
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.attrs import DEP
from spacy.strings import hash_string  # type: ignore[attr-defined]  # Cython, absent from the stub
from spacy.symbols import nsubj, nsubjpass
from spacy.tokens import Doc, Token

from pipeline.quotes.entities import Entity, EntityIndex, person_gender
from pipeline.lexicon import Lexicon
from pipeline.quotes.model import Resolution
from pipeline.quotes.subjects import by_agent

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_SUBJECT_OR_ROOT = frozenset({nsubj, nsubjpass, hash_string("ROOT")})
_NP_LEFT_DEPS = frozenset({"det", "compound", "amod", "poss", "case", "nmod", "nummod", "flat", "punct"})
_ROLE_LABELS = ("NORP", "GPE")
#: how many "of" phrases a title may chain before its holder's name ("Minister of Affairs of Russia X")
_OF_CHAIN = 3
#: tokens of a misparsed subject searched for the name it holds
_MISPARSE_WINDOW = 8


class SpeakerResolver:
    """Resolves speaker tokens of one doc; built once per article."""

    def __init__(self, doc: Doc, text: str, index: EntityIndex, lexicon: Lexicon,
                 quoted: list[tuple[int, int]], speakers: set[int]) -> None:
        self.doc, self.text, self.index, self.lex = doc, text, index, lexicon
        self._quoted = sorted(quoted)
        self._genders = {e.id: person_gender(doc, e, lexicon) for e in index.persons()}
        self._titles = self._role_titles()
        self._timeline: list[tuple[int, str]] = []  # (token index, entity id) of subjects, in order
        self._resolved: dict[int, Resolution] = {}
        self._speakers = speakers
        for tok in _subject_candidates(doc, speakers):
            if (tok.dep_ in SUBJECT_DEPS or tok.i in speakers or _subject_as_root(tok)) and not self.in_quote(tok.idx):
                res = self.resolve(tok)
                if res.entity_id is not None:
                    self._timeline.append((tok.i, res.entity_id))

    def in_quote(self, char: int) -> bool:
        """Whether ``char`` lies inside a direct quotation's content."""
        k = bisect_left(self._quoted, (char + 1,)) - 1
        return k >= 0 and self._quoted[k][0] <= char < self._quoted[k][1]

    def mention_span(self, tok: Token) -> tuple[int, int]:
        """The noun phrase of ``tok`` without clauses: determiners, modifiers, compounds."""
        found = self.index.at(tok.idx, tok.idx + len(tok))
        if found is not None:
            return found[1]
        left = tok
        for child in tok.lefts:
            if child.dep_ in _NP_LEFT_DEPS and child.i < left.i and not child.is_punct:
                left = child.left_edge if child.dep_ in ("poss", "compound", "amod") else child
                break
        right = tok
        for child in tok.rights:
            if child.dep_ in ("compound", "flat") and child.i == right.i + 1:
                right = child
        return left.idx, right.idx + len(right)

    def resolve(self, tok: Token) -> Resolution:
        """Resolve the speaker whose head token is ``tok`` (memoised per token)."""
        if tok.i not in self._resolved:
            res = self._resolve(tok)
            author = self._author(tok)
            if author is not None and res.mention is not None:  # "a report from Bloomberg New Energy Finance"
                res.mention = (res.mention[0], max(res.mention[1], self.mention_span(author)[1]))
            self._resolved[tok.i] = res
        return self._resolved[tok.i]

    def interviewee(self, char: int) -> Resolution | None:
        """The person an interview answer at ``char`` is from: of the people who were subjects
        before it ("Moeti spoke to Wirestream …"), the most mentioned (the article's subject), the
        latest on a tie; None when no person was."""
        latest: dict[str, int] = {}
        for i, eid in self._timeline:
            if self.doc[i].idx < char and self.index.entities[eid].label == "PERSON":
                latest[eid] = i
        if not latest:
            return None
        eid = max(latest, key=lambda e: (len(self.index.entities[e].mentions), latest[e]))
        entity = self.index.entities[eid]
        return Resolution(self.mention_span(self.doc[latest[eid]]), eid, entity.name, None, 0.8)

    def _resolve(self, tok: Token) -> Resolution:
        if tok.tag_ in ("WP", "WDT") and tok.dep_ in SUBJECT_DEPS and tok.head.dep_ == "relcl" \
                and tok.head.head.i < tok.i:
            # "Smith, who said …", "a group that advocates …": the pronoun is the mention, the noun the speaker
            res = self.resolve(tok.head.head)
            return Resolution(self.mention_span(tok), res.entity_id, res.name, res.reason, res.certainty)
        named = self._name_under_verb(tok)
        if named is not None:
            return self.resolve(named)
        span = self.mention_span(tok)
        found = self.index.at(tok.idx, tok.idx + len(tok))
        if found is not None and not (found[0].label == "NORP" and self._definite(tok)):
            return Resolution(span, found[0].id, found[0].name, None, 1.0)
        titled = self._appositive(tok) or self._of_title(tok)
        if titled is not None:
            return Resolution(titled[1], titled[0].id, titled[0].name, None, 0.95)
        pron = self.lex.pronoun_class(tok.text) if tok.pos_ == "PRON" else None
        if pron is not None:
            return self._pronoun(tok, pron, span)
        if self._definite(tok) and (found is not None or tok.lemma_.lower() in self.lex.person_descriptions
                                    or _aged(tok) or self._demonym(tok)):
            res = self._pronoun(tok, "person", span)  # "the American", "the 20-year-old", "the striker"
            if res.entity_id is not None:
                return Resolution(span, res.entity_id, res.name, None, 0.7)
        head = tok.lemma_.lower()
        if head in self.lex.org_descriptions and any(c.lower_ == "the" for c in tok.lefts):
            kind = self._org_named_like(tok)  # "the airline" → Southwest Airlines, before any later subject
            if kind is not None:
                return Resolution(span, kind.id, kind.name, None, 0.85)
            res = self._pronoun(tok, "org", span)
            if res.entity_id is not None:
                return res
        if head in self.lex.unnamed_source or self._indefinite(tok) and self._is_role(tok):
            employer = self._employer(tok)  # "analysts at Jefferies", "a spokesperson for the union"
            if employer is not None:
                return Resolution(span, employer.id, employer.name, None, 0.8)
        end = tok.i + 1
        if end < len(self.doc) and self.doc[end].lower_ == "of":  # "the head of state", "the minister of defence"
            end = min(tok.right_edge.i, tok.i + 3) + 1
        first = self.doc.char_span(*span, alignment_mode="expand")
        lemmas = [t.lemma_.lower() for t in self.doc[first.start if first is not None else tok.i:end]]
        group = self.lex.role_group(lemmas)
        if group is not None:
            holder = self._holder(group, lemmas, tok)
            if holder is not None:
                return Resolution(span, holder.id, holder.name, None, 0.85)
        org = None if tok.lemma_.lower() in self.lex.unnamed_source else self._owner_org(tok)
        if org is not None:  # "the UN climate secretariat", "a Siemens spokesman": speaks for the organisation
            return Resolution(span, org.id, org.name, None, 0.75)
        back = self._last_speaker(tok) if self._definite(tok) and head not in self.lex.anonymous_heads else None
        if back is not None and (group is not None or head in self.lex.unnamed_source):
            return Resolution(span, back.id, back.name, None, 0.65)  # "the Russian diplomat added", "the head of …"
        if group is not None and tok.lemma_.lower() not in self.lex.unnamed_source:
            return Resolution(span, None, self.text[span[0]:span[1]], "unresolved_description", 0.7)
        if tok.lemma_.lower() in self.lex.unnamed_source or tok.lower_ in self.lex.unnamed_source:
            return Resolution(span, None, None, "unnamed_source", 0.9)
        alias = self.index.named(self.text[span[0]:span[1]]) if tok.pos_ == "PROPN" else None
        if alias is not None:  # "Southwest said" when the entities section holds "Southwest Airlines"
            return Resolution(span, alias.id, alias.name, None, 0.8)
        return Resolution(span, None, self.text[span[0]:span[1]], "no_entity", 0.8)

    def _name_under_verb(self, tok: Token) -> Token | None:
        """The person or organisation in a subject the parser took for a verb ("Spurs goalkeeper
        Guglielmo Vicario, who …, said": "Spurs" tagged VERB, the name its object)."""
        if tok.pos_ != "VERB":
            return None
        for t in list(tok.subtree)[:_MISPARSE_WINDOW]:
            found = self.index.at(t.idx, t.idx + len(t)) if t.i != tok.i else None
            if found is not None and found[0].label in ("PERSON", "ORG"):
                return t
        return None

    def _author(self, tok: Token) -> Token | None:
        """The author of a document that speaks (``document_nouns``): "a study by X", "a report from
        X", "a court document filed by X". The mention runs through the author, where annotated news
        marks the source; the speaker stays the document's (a poll is not its pollster's statement)."""
        if tok.pos_ != "NOUN" or tok.lemma_.lower() not in self.lex.document_nouns:
            return None
        for child in tok.rights:
            if child.dep_ == "prep" and child.lower_ in ("by", "from"):
                return next((o for o in child.children if o.dep_ == "pobj"), None)
            agent = by_agent(child) if child.dep_ == "acl" and child.tag_ == "VBN" else None
            if agent is not None:
                return agent
        return None

    def _demonym(self, tok: Token) -> bool:
        """A nationality noun the model left untagged: "the Spaniard said"."""
        return (tok.pos_ == "PROPN" and tok.is_title and len(tok) > 4 and tok.lower_.endswith(self.lex.demonym_endings)
                and not any(c.dep_ == "compound" for c in tok.children))

    @staticmethod
    def _indefinite(tok: Token) -> bool:
        return any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.lefts)

    @staticmethod
    def _definite(tok: Token) -> bool:
        return any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in tok.lefts)

    def _appositive(self, tok: Token) -> tuple[Entity, tuple[int, int]] | None:
        """The named holder of a description: "The head of the network, Matthias Huss, warned …".

        The parser hangs the name on the description or on its "of" object; either counts."""
        for t in self.doc[tok.i + 1:min(tok.right_edge.i + 1, tok.i + 16)]:
            if t.dep_ != "appos" or not (t.head.i == tok.i or t.head.dep_ == "pobj" and t.head.head.head.i == tok.i):
                continue
            found = self.index.at(t.idx, t.idx + len(t))
            if found is not None and found[0].label in ("PERSON", "ORG"):
                return found
        return None

    def _of_title(self, tok: Token) -> tuple[Entity, tuple[int, int]] | None:
        """The person a machine-translated title ends with, where English would put a comma:
        "the press secretary of the President Dmitry Peskov", "the Minister of foreign Affairs of
        Russia Sergei Lavrov". Only for a role description, and only when the name follows the
        title's own complement ("the President", "Russia"): "the wife of John Smith" is not Smith."""
        if not self._is_role(tok):
            return None
        head = tok
        for _ in range(_OF_CHAIN):
            prep = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            obj = None if prep is None else next((c for c in prep.children if c.dep_ == "pobj"), None)
            if prep is None or obj is None:
                return None
            found = self.index.at(obj.idx, obj.idx + len(obj))
            if found is not None and found[0].label == "PERSON":
                lead = [t for t in self.doc[prep.i + 1:obj.i] if t.idx < found[1][0]]
                complement = any(t.lower_ == "the" or t.ent_type_ in ("ORG", "GPE") for t in lead)
                return found if complement else None
            head = obj
        return None

    def _is_role(self, tok: Token) -> bool:
        """A description naming an office or an unnamed source ("representative", "head", "minister")."""
        lemma = tok.lemma_.lower()
        return lemma in self.lex.unnamed_source or self.lex.role_group([lemma]) is not None

    def _pronoun(self, tok: Token, pron: str, span: tuple[int, int]) -> Resolution:
        for i, eid in reversed(self._timeline):
            if i >= tok.i:
                continue
            if self._compatible(self.index.entities[eid], pron):
                entity = self.index.entities[eid]
                return Resolution(span, eid, entity.name, None, 0.9)
        for entity in self._recent_mentions(tok.idx):
            if self._compatible(entity, pron):
                return Resolution(span, entity.id, entity.name, None, 0.75)
        return Resolution(span, None, None, "no_antecedent", 0.6)

    def _last_speaker(self, tok: Token) -> Entity | None:
        """The person who last spoke before ``tok``: what a definite description with no named
        holder ("the diplomat", "the head of the Russian diplomacy") refers back to; a nationality
        in the description must not contradict the speaker's titles ("the Russian diplomat")."""
        own = {t.lower_ for t in tok.subtree if t.ent_type_ in _ROLE_LABELS}
        people = [self.index.entities[eid] for i, eid in reversed(self._timeline)
                  if i < tok.i and i in self._speakers and self.index.entities[eid].label == "PERSON"]
        quals = {e.id: self._titles.get(e.id, (set(), set(), set()))[1] for e in people}
        agreeing = [e for e in people if own & quals[e.id]]
        return next(iter(agreeing or [e for e in people if not (own and quals[e.id])]), None)

    def _owner_org(self, tok: Token) -> Entity | None:
        """The organisation named inside a description's own phrase, left of its head."""
        for child in tok.lefts:
            if child.dep_ in ("compound", "poss", "nmod", "amod"):
                found = self.index.at(child.idx, child.idx + len(child))
                if found is not None and found[0].label == "ORG":
                    return found[0]
        return None

    def _employer(self, tok: Token) -> Entity | None:
        """The organisation in "analysts at Jefferies" / "officials from the ministry"; a definite
        organisation description ("a spokesperson for the group") refers back like "it"."""
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ in ("at", "from", "of", "with", "for"):
                for obj in prep.children:
                    if obj.dep_ != "pobj":
                        continue
                    found = self.index.at(obj.idx, obj.idx + len(obj))
                    if found is not None and found[0].label == "ORG":
                        return found[0]
                    if found is None and self._definite(obj) and obj.lemma_.lower() in self.lex.org_descriptions:
                        res = self._pronoun(obj, "org", (obj.idx, obj.idx + len(obj)))
                        return None if res.entity_id is None else self.index.entities[res.entity_id]
        return None

    def _org_named_like(self, tok: Token) -> Entity | None:
        """The latest organisation mentioned before ``tok`` whose name holds the description's noun."""
        head = tok.lemma_.lower()
        return next((e for e in self._recent_mentions(tok.idx) if e.label == "ORG"
                     and any(w.lower() in (head, head + "s") for w in e.name.split())), None)

    def _compatible(self, entity: Entity, pron: str) -> bool:
        if pron == "org":
            return entity.label == "ORG"
        if pron == "person":
            return entity.label == "PERSON"
        if pron in ("male", "female"):
            return entity.label == "PERSON" and self._genders.get(entity.id) in (None, pron)
        return entity.label != "PERSON"

    def _recent_mentions(self, char: int) -> list[Entity]:
        """Entities mentioned before ``char`` outside quotes, most recent first."""
        seen: list[tuple[int, Entity]] = []
        for entity in self.index.entities.values():
            starts = [s for s, _ in entity.mentions if s < char and not self.in_quote(s)]
            if starts:
                seen.append((max(starts), entity))
        return [e for _, e in sorted(seen, key=lambda p: -p[0])]

    def _untitled_subject(self, tok: Token) -> Entity | None:
        """The latest person subject before ``tok`` that the article gives no title at all."""
        for i, eid in reversed(self._timeline):
            entity = self.index.entities[eid]
            if i < tok.i and entity.label == "PERSON":
                return None if self._titles.get(eid, (set(),))[0] else entity
        return None

    @staticmethod
    def _protagonist(people: list[Entity]) -> Entity | None:
        """The most-mentioned of ``people`` (the earliest on a tie): the story's main holder."""
        return max(people, key=lambda e: (len(e.mentions), -e.mentions[0][0]), default=None)

    def _role_titles(self) -> dict[str, tuple[set[str], set[str], set[str]]]:
        """Per person: role groups of its titles, the titles' qualifiers, and their words."""
        titles: dict[str, tuple[set[str], set[str], set[str]]] = {}
        for entity in self.index.persons():
            groups, quals, words = titles.setdefault(entity.id, (set(), set(), set()))
            for start, end in entity.mentions:
                span = self.doc.char_span(start, end, alignment_mode="expand")
                if span is None:
                    continue
                window = self._title_window(span.start, span.end)
                group = self.lex.role_group([t.lemma_.lower() for t in window])
                if group is not None:
                    groups.add(group)
                    words.update(t.lemma_.lower() for t in window)
                    quals.update(t.lower_ for t in window if t.ent_type_ in _ROLE_LABELS)
        return titles

    def _title_window(self, start: int, end: int) -> list[Token]:
        """Tokens titling a mention: up to five before it in its phrase, and its appositive."""
        before: list[Token] = []
        for t in reversed(self.doc[max(start - 5, self.doc[start].sent.start):start]):
            if t.is_punct and t.text not in ("’s", "'s") or t.pos_ in ("VERB", "AUX", "ADP") or t.ent_type_ == "PERSON":
                break
            before.insert(0, t)
        appos = [t for c in self.doc[end - 1].children if c.dep_ == "appos" for t in c.subtree]
        return before + appos

    def _holder(self, group: str, lemmas: list[str], tok: Token) -> Entity | None:
        """The titled holder of ``group``, compatible with the description's nationality qualifiers."""
        own = {t.lower_ for t in tok.lefts if t.ent_type_ in _ROLE_LABELS}
        titled = [(self.index.entities[eid], quals) for eid, (groups, quals, words) in self._titles.items()
                  if group in groups or tok.lemma_.lower() in words]
        candidates = [e for e, quals in titled if (quals & own if own else not quals)]
        if not candidates and not own:
            # a bare description ("the minister") refers back to a titled holder already a subject
            subjects = {eid for i, eid in self._timeline if i < tok.i}
            candidates = [e for e, _ in titled if e.id in subjects]
            if not candidates:
                return self._untitled_subject(tok) or self._protagonist([e for e, _ in titled])
        if not candidates:
            return None
        before = [e for e in candidates if min(s for s, _ in e.mentions) < tok.idx]
        return (before or candidates)[-1]


def _aged(tok: Token) -> bool:
    """An age standing for a person, one token or split by the tokenizer ("the 29-year-old")."""
    doc = tok.doc
    return tok.lower_.endswith("-year-old") or tok.lower_ == "old" and tok.i >= 2 \
        and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ in ("year", "years")


def _subject_as_root(tok: Token) -> bool:
    """A noun the parser made the root, hanging the sentence's verbs on it as clauses: "The press
    secretary of the President Dmitry Peskov, answering the question, refrained from comments"."""
    return tok.dep_ == "ROOT" and tok.pos_ in ("NOUN", "PROPN") and any(
        c.dep_ in ("acl", "relcl") and c.pos_ == "VERB" for c in tok.children)


def _subject_candidates(doc: Doc, speakers: set[int]) -> list[Token]:
    """Subjects, roots and speaker tokens, in order, picked off the doc's dependency array (a Token
    object per word would cost more than the resolution itself)."""
    deps = doc.to_array(DEP).tolist()
    return [doc[i] for i, dep in enumerate(deps) if dep in _SUBJECT_OR_ROOT or i in speakers]

"""``wire_gazetteer``: a spaCy component that finds gazetteer aliases and fixes the model's entities.

It runs after the statistical ``ner`` so that it can correct it: a gazetteer
match replaces the model entities it overlaps ("Islamic" NORP becomes
"Islamic State" ORG, the junk PERSON "al-al" disappears inside "jabhat al-al –
Nusra"), except that a longer model name containing the match is kept
("Russian Foreign Ministry"). The place in a dateline
("SOCHI, October 8") is a GPE whatever the model says. Every corrected entity
carries its gazetteer id as ``kb_id``; MT renderings (Sands for Peskov) are
also kept in ``doc.spans["mt_artefacts"]`` so the resolver can say so. Names are
found by the process's one alias matcher (:mod:`pipeline.aliases`): its
boundary, longest-match, case and particle rules apply, and this component adds
the rules that read the parse (indefinite article, all-caps headline, a generic
body's nationality).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from spacy.attrs import IS_ALPHA, IS_SPACE, IS_UPPER
from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from pipeline.aliases.matcher import ALIAS_SCAN, AliasMatcher
from pipeline.entities.gazetteer import Entry, is_acronym, load_gazetteer
from pipeline.lexicon import Lexicon, load_lexicon

ARTEFACT_GROUP = "mt_artefacts"
_INDEFINITE = frozenset({"a", "an"})
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
_SAME_STEM = 4  # letters two spellings of one given name share ("Dmitri", "Dmitry")


class WireGazetteer:
    """Gazetteer matches from the shared alias matcher (:mod:`pipeline.aliases`), turned into entities.

    The scan of the text is left in ``doc.user_data[ALIAS_SCAN]``; the NER stage hands
    it to the designation stage, which tags organisations from it instead of matching again.
    """

    def __init__(self, entries: Mapping[str, Entry], matcher: AliasMatcher, lexicon: Lexicon | None = None) -> None:
        self.lexicon = lexicon or load_lexicon()
        self.entries = entries
        self.matcher = matcher

    def __call__(self, doc: Doc) -> Doc:
        """Add gazetteer and dateline entities to ``doc.ents``; keep MT renderings in a span group."""
        found: list[Span] = []
        artefacts: list[Span] = []
        text = doc.text  # built from the tokens on each access: once per Doc
        scan = doc.user_data[ALIAS_SCAN] = self.matcher.scan(text)
        for match in self.matcher.entry_matches(scan):
            span = _whole_tokens(doc, text, match.start, match.end)
            if span is None:
                continue
            span = self._candidate(doc, match.reading.id, span)
            if span is not None:
                (artefacts if match.reading.artefact else found).append(span)
        known = {s.kb_id_ for s in found}
        found.extend(s for s in artefacts if s.kb_id_ in known)
        places, dashes = self._datelines(doc)
        found = filter_spans([*found, *places])
        doc.ents = self._merge(_cut_at_dashes(list(doc.ents), dashes), found)
        doc.spans[ARTEFACT_GROUP] = [s for s in found if s in artefacts]
        return doc

    def _candidate(self, doc: Doc, key: str, span: Span) -> Span | None:
        """The entity for a match, unless its surroundings say it is not the name (the NER stage's rules)."""
        start, end = span.start, span.end
        entry = self.entries[key]
        if start > 0 and doc[start - 1].lower_ in _INDEFINITE and not _modifies_noun(doc, end, entry):
            return None  # "an Islamic state", "a Kremlin" (but "a SpaceX rocket")
        if len(span) == 1 and span.text in entry.all_aliases() and is_acronym(span.text) and _in_capitals(doc, start):
            return None  # the acronym "IS" in an all-caps headline (a name in capitals, "FRANCE", stays)
        if entry.generic and start > 0 and doc[start - 1].ent_type_ == "NORP":
            start -= 1  # "Russian foreign Ministry": a generic body takes its nationality
        return Span(doc, start, end, label=entry.label, kb_id=entry.id)

    def _datelines(self, doc: Doc) -> tuple[list[Span], set[int]]:
        """Places in datelines, and the dashes that end datelines.

        Capitals opening a line, then an optional region, a date and an agency, and a comma
        and a date ("SOCHI, October 8") or a dash before running text ("LONDON - Unilever
        said", a digest item; "MUNICH, Germany, Sept 28 - Bayern beat").
        """
        spans, dashes = [], set()
        flags = doc.to_array([IS_SPACE, IS_UPPER, IS_ALPHA]).tolist()
        for i, (_, upper, alpha) in enumerate(flags):
            if i > 0 and not flags[i - 1][0] or not (upper and alpha):
                continue  # only all-capital words opening a line
            end = i
            while end < len(doc) and end - i < 4 and flags[end][1] and flags[end][2]:
                end += 1
            dated, dash = self._dateline_tail(doc, end)
            if dated or dash is not None:
                spans.append(Span(doc, i, end, label="GPE"))
            if dash is not None:
                dashes.add(dash)
        return spans, dashes

    def _dateline_tail(self, doc: Doc, k: int) -> tuple[bool, int | None]:
        """After a dateline place at ``k``: whether a date follows, and the dash ending the dateline."""
        if k + 1 < len(doc) and doc[k].text == "," and doc[k + 1].is_title and not self._date_word(doc[k + 1]):
            k += 1
            while k < len(doc) and doc[k].is_title and not self._date_word(doc[k]):
                k += 1  # ", Virginia"
        if k < len(doc) and doc[k].like_num and _ISO_DATE.fullmatch(doc[k: k + 5].text):
            return True, None  # "HAMBURG 1996-08-20": an agency's dateline with an ISO date, no comma
        dated = k + 1 < len(doc) and doc[k].text == "," and self._date_word(doc[k + 1])
        if dated:
            k += 1
            while k < len(doc) and (self._date_word(doc[k]) or doc[k].text == "."):
                k += 1
        if k < len(doc) and doc[k].text == "(":
            close = next((t.i for t in doc[k: k + 6] if t.text == ")"), None)
            k = close + 1 if close is not None else k  # "(Reuters)"
        if not (k + 1 < len(doc) and doc[k].text in self.lexicon.marks.dashes and doc[k].whitespace_):
            return dated, None
        running = any(t.is_lower and t.is_alpha for t in doc[k + 1: k + 12])
        return dated, k if running else None

    def _date_word(self, tok: Token) -> bool:
        return tok.like_num or tok.lower_.rstrip(".") in self.lexicon.dateline_months

    def _merge(self, model: list[Span], found: list[Span]) -> list[Span]:
        """Gazetteer spans win overlaps, except against a model span that strictly contains them.

        A longer model name is kept ("Bank of America" over "America", "Russian
        Foreign Ministry" over "Foreign Ministry"; an organisation over the several names
        it holds, "Kenya Red Cross", "U.S. Federal Trade Commission"), but not a PERSON span that
        only adds a title; one that adds a given name before a known surname is someone else
        ("Daniil Medvedev", not Dmitry), and the surname alone then names that namesake. A date or
        number the model ran over a name loses to it ("England 1996-05-14"). It takes the match's kb
        id only when it adds nothing but an article or punctuation ("The Federation Council"): a
        longer name is a more specific entity.
        """
        result = list(found)
        namesakes: set[str] = set()
        for ent in model:
            hits = [s for s in found if s.start < ent.end and ent.start < s.end]
            if not hits:
                result.append(ent)
                continue
            inner = hits[0]
            inside = all(ent.start <= h.start and h.end <= ent.end for h in hits)
            contains = inside and (len(ent) > len(inner) if len(hits) == 1 else _holds_names(ent, hits))
            if not contains or ent.label_ not in _NAME_LABELS or ent.text.isupper() or (
                    ent.label_ == inner.label_ == "PERSON" and not self._other_given_name(ent, inner)):
                continue  # in capitals the model's boundaries are guesses ("SOUTH KOREA - COURT")
            for hit in hits:
                result.remove(hit)
            if ent.label_ == inner.label_ == "PERSON":
                namesakes.add(inner.text)
            extra = [t for t in ent if not inner.start <= t.i < inner.end]
            same = len(hits) == 1 and ent.label_ == inner.label_ and all(t.is_punct or t.lower_ == "the" for t in extra)
            kb_id = inner.kb_id if same else 0
            result.append(Span(ent.doc, ent.start, ent.end, label=ent.label, kb_id=kb_id))
        result = [Span(s.doc, s.start, s.end, label=s.label) if s.label_ == "PERSON" and s.text in namesakes else s
                  for s in result]
        return sorted(result, key=lambda s: s.start)

    def _other_given_name(self, ent: Span, inner: Span) -> bool:
        """The model's person adds only capitalised words before a one-word match, none a title, and
        the first is not the known person's given name in another spelling ("Dmitri" for Dmitry):
        someone else ("Daniil Medvedev" around the alias "Medvedev")."""
        extra = ent.doc[ent.start: inner.start]
        if len(inner) != 1 or inner.end != ent.end or not extra:
            return False
        given = self.entries[inner.kb_id_].name.split()[0].lower() if inner.kb_id_ in self.entries else ""
        return (extra[0].lower_[:_SAME_STEM] != given[:_SAME_STEM]
                and all(t.is_title and t.lower_.rstrip(".") not in self.lexicon.title_words for t in extra))


def _holds_names(ent: Span, hits: list[Span]) -> bool:
    """An organisation named with a place and a known body ("Kenya Red Cross"), not a run of several
    people and bodies the model glued together ("foreign Ministry of Russia Maria Zakharova")."""
    return ent.label_ == "ORG" and all(h.label_ != "PERSON" for h in hits) and len(ent) >= sum(len(h) for h in hits)


def _cut_at_dashes(ents: list[Span], dashes: set[int]) -> list[Span]:
    """Model entities running over a dateline's dash lose the part before it.

    "JOHANNESBURG - Interpol" (ORG) is Interpol; "Jan 28 - Starbucks" (DATE) was never a name,
    so it goes and the name after the dash is left to the rules that read the parse.
    """
    if not dashes:
        return ents
    kept = []
    for ent in ents:
        dash = next((d for d in dashes if ent.start <= d < ent.end), None)
        if dash is None:
            kept.append(ent)
        elif ent.label_ in _NAME_LABELS and dash + 1 < ent.end:
            kept.append(Span(ent.doc, dash + 1, ent.end, label=ent.label, kb_id=ent.kb_id))
    return kept


def _modifies_noun(doc: Doc, end: int, entry: Entry) -> bool:
    """An organisation's or place's name before a common noun it qualifies ("a U.S. lawyer"): the
    article belongs to the noun."""
    return entry.label in ("ORG", "GPE") and end < len(doc) and doc[end].tag_ in ("NN", "NNS")


def _whole_tokens(doc: Doc, text: str, start: int, end: int) -> Span | None:
    """The tokens of a match; ``None`` when spaCy's tokens hold more than abbreviation dots around it.

    "U.S." is one token for a match of "U.S"; "Peskov](PERSON" and "/TASS/." are not names.
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    extra = text[span.start_char:start] + text[end:span.end_char]
    return span if extra.strip(".") == "" else None


def _in_capitals(doc: Doc, i: int) -> bool:
    """True when the words around token ``i`` are all capitals (a headline or shout)."""
    window = [t for t in doc[max(0, i - 3): i + 4] if t.is_alpha and t.i != i and len(t) > 1]
    return len(window) >= 2 and all(t.is_upper for t in window)


@Language.factory("wire_gazetteer", default_config={"registry_path": None})
def make_wire_gazetteer(nlp: Language, name: str, registry_path: str | None) -> WireGazetteer:
    """The component over the process's shared alias matcher (gazetteer, MT renderings, registry)."""
    return WireGazetteer(*load_gazetteer(registry_path))

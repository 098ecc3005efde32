"""``wire_gazetteer``: a spaCy component that finds gazetteer aliases and fixes the model's entities.

It runs after the statistical ``ner`` so that it can correct it: a gazetteer
match replaces the model entities it overlaps ("Islamic" NORP becomes
"Islamic State" ORG, the junk PERSON "al-al" disappears inside "jabhat al-al –
Nusra"), except that a longer model ORG containing the match is kept and
given the match's kb id ("Russian Foreign Ministry"). The place in a dateline
("SOCHI, October 8") is a GPE whatever the model says. Every corrected entity
carries its gazetteer id as ``kb_id``; MT renderings (Sands for Peskov) are
also kept in ``doc.spans["mt_artefacts"]`` so the resolver can say so.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from pipeline.entities.gazetteer import (Artefact, Entry, Lexicon, load_artefacts, load_entries, load_lexicon,
                                        registry_aliases)

ARTEFACT_GROUP = "mt_artefacts"
_ARTEFACT_PREFIX = "artefact:"
_INDEFINITE = frozenset({"a", "an"})


class WireGazetteer:
    """Token-pattern matcher over gazetteer aliases, tolerant of MT dash and quote noise."""

    def __init__(self, nlp: Language, entries: Sequence[Entry],
                 artefacts: Sequence[Artefact] = (), lexicon: Lexicon | None = None) -> None:
        self.lexicon = lexicon or load_lexicon()
        self.entries = {e.id: e for e in entries}
        self.matcher = Matcher(nlp.vocab)
        for entry in entries:
            self._add(nlp, entry.id, entry.all_aliases())
        for art in artefacts:
            if art.target in self.entries:
                self._add(nlp, _ARTEFACT_PREFIX + art.target, [art.text])

    def _add(self, nlp: Language, key: str, aliases: Iterable[str]) -> None:
        patterns: list[list[dict[str, Any]]] = []
        for alias in aliases:
            for variant in dict.fromkeys([alias, _strip_accents(alias)]):
                patterns.append(self._pattern([t.text for t in nlp.make_doc(variant)]))
        self.matcher.add(key, patterns)

    def _pattern(self, tokens: list[str]) -> list[dict[str, Any]]:
        lex = self.lexicon
        if len(tokens) == 1 and _is_acronym(tokens[0]):
            return [{"ORTH": tokens[0]}]
        pattern: list[dict[str, Any]] = []
        for tok in tokens:
            low = tok.lower()
            if low in lex.name_fillers or low in lex.name_particles:
                allowed = lex.name_fillers | (lex.name_particles if low in lex.name_particles else set())
                if pattern and pattern[-1].get("OP") == "*":
                    allowed = allowed | set(pattern.pop()["LOWER"]["IN"])
                pattern.append({"LOWER": {"IN": sorted(allowed)}, "OP": "*"})
            elif len(tokens) == 1:
                pattern.append({"LOWER": low, "IS_LOWER": False})
            else:
                pattern.append({"LOWER": low})
        return pattern

    def __call__(self, doc: Doc) -> Doc:
        """Add gazetteer entities to ``doc.ents`` and record their spans."""
        found: list[Span] = []
        artefacts: list[Span] = []
        for match_id, start, end in self.matcher(doc):
            key = doc.vocab.strings[match_id]
            span = self._candidate(doc, key, start, end)
            if span is not None:
                (artefacts if key.startswith(_ARTEFACT_PREFIX) else found).append(span)
        known = {s.kb_id_ for s in found}
        found.extend(s for s in artefacts if s.kb_id_ in known)
        found = filter_spans([*found, *self._datelines(doc)])
        doc.ents = self._merge(list(doc.ents), found)
        doc.spans[ARTEFACT_GROUP] = [s for s in found if s in artefacts]
        return doc

    def _candidate(self, doc: Doc, key: str, start: int, end: int) -> Span | None:
        fillers = self.lexicon.name_fillers
        while start < end and doc[start].text in fillers:
            start += 1
        while end > start and doc[end - 1].text in fillers:
            end -= 1
        if start == end:
            return None
        span = doc[start:end]
        if not any(c.isupper() for c in span.text):
            return None  # "islamic state" as a common noun phrase
        if start > 0 and doc[start - 1].lower_ in _INDEFINITE:
            return None  # "an Islamic state", "a Kremlin"
        if len(span) == 1 and _is_acronym(span.text) and _in_capitals(doc, start):
            return None  # "IS" in an all-caps headline
        entry_id = key.removeprefix(_ARTEFACT_PREFIX)
        return Span(doc, start, end, label=self.entries[entry_id].label, kb_id=entry_id)

    def _datelines(self, doc: Doc) -> list[Span]:
        """Places in datelines: capitals opening a line, then a comma and a date ("SOCHI, October 8")."""
        spans = []
        for tok in doc:
            if tok.i > 0 and not doc[tok.i - 1].is_space or not (tok.is_upper and tok.is_alpha):
                continue
            end = tok.i
            while end < len(doc) and end - tok.i < 4 and doc[end].is_upper and doc[end].is_alpha:
                end += 1
            if (end + 1 < len(doc) and doc[end].text == ","
                    and (doc[end + 1].lower_.rstrip(".") in self.lexicon.dateline_months or doc[end + 1].like_num)):
                spans.append(Span(doc, tok.i, end, label="GPE"))
        return spans

    @staticmethod
    def _merge(model: list[Span], found: list[Span]) -> list[Span]:
        """Gazetteer spans win overlaps, except against a model span that strictly contains them.

        A longer model name is kept ("Bank of America" over "America"; "Russian
        Foreign Ministry" over "Foreign Ministry", taking its kb id when the
        labels agree), but not a PERSON span that only adds a title.
        """
        result = list(found)
        for ent in model:
            hits = [s for s in found if s.start < ent.end and ent.start < s.end]
            if not hits:
                result.append(ent)
                continue
            inner = hits[0]
            contains = (len(hits) == 1 and ent.start <= inner.start and inner.end <= ent.end
                        and len(ent) > len(inner))
            if not contains or (ent.label_ == inner.label_ == "PERSON"):
                continue
            result.remove(inner)
            kb_id = inner.kb_id if ent.label_ == inner.label_ else 0
            result.append(Span(ent.doc, ent.start, ent.end, label=ent.label, kb_id=kb_id))
        return sorted(result, key=lambda s: s.start)


def _is_acronym(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return 1 < len(letters) <= 6 and text.isupper()


def _in_capitals(doc: Doc, i: int) -> bool:
    """True when the words around token ``i`` are all capitals (a headline or shout)."""
    window = [t for t in doc[max(0, i - 3): i + 4] if t.is_alpha and t.i != i and len(t) > 1]
    return len(window) >= 2 and all(t.is_upper for t in window)


def _strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@Language.factory("wire_gazetteer", default_config={"registry_path": None})
def make_wire_gazetteer(nlp: Language, name: str, registry_path: str | None) -> WireGazetteer:
    """Build the component from the bundled data files and the designation registry's aliases."""
    return WireGazetteer(nlp, load_entries(registry_aliases(registry_path)), load_artefacts())

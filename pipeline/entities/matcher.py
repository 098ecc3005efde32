"""``wire_gazetteer``: a spaCy component that finds gazetteer aliases and fixes the model's entities.

It runs after the statistical ``ner`` so that it can correct it: a gazetteer
match replaces the model entities it overlaps ("Islamic" NORP becomes
"Islamic State" ORG, the junk PERSON "al-al" disappears inside "jabhat al-al –
Nusra"), except that a longer model name containing the match is kept
("Russian Foreign Ministry"). The place in a dateline
("SOCHI, October 8") is a GPE whatever the model says. Every corrected entity
carries its gazetteer id as ``kb_id``; MT renderings (Sands for Peskov) are
also kept in ``doc.spans["mt_artefacts"]`` so the resolver can say so.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.attrs import IS_ALPHA, IS_SPACE, IS_UPPER
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from pipeline.entities.gazetteer import Artefact, Entry, load_artefacts, load_entries, registry_aliases
from pipeline.lexicon import Lexicon, load_lexicon
from pipeline.lexicon import fold as _key

ARTEFACT_GROUP = "mt_artefacts"
_ARTEFACT_PREFIX = "artefact:"
_INDEFINITE = frozenset({"a", "an"})


class WireGazetteer:
    """Alias lookup over "squashed" token keys, tolerant of MT dash, quote and particle noise.

    Each token's key is its accent-folded lower case; dashes, quote marks and
    Arabic articles are skipped on both sides, so "Jabhat al-Nusra", "jabhat
    al-al – Nusra" and "Jabhat Nusra" share one key tuple. A dict from first key
    to alias lengths keeps the scan linear in the article's length (spaCy's
    token ``Matcher`` with optional wildcard tokens cost as much as the model).
    """

    def __init__(self, nlp: Language, entries: Sequence[Entry],
                 artefacts: Sequence[Artefact] = (), lexicon: Lexicon | None = None) -> None:
        self.lexicon = lexicon or load_lexicon()
        self.entries = {e.id: e for e in entries}
        self.skip = self.lexicon.name_fillers | self.lexicon.name_particles
        self.index: dict[tuple[str, ...], tuple[str, str | None]] = {}
        self.lengths: dict[str, set[int]] = {}
        for entry in entries:
            for alias in entry.all_aliases():
                self._add(nlp, entry.id, alias)
        for art in artefacts:
            if art.target in self.entries:
                self._add(nlp, _ARTEFACT_PREFIX + art.target, art.text)

    def _add(self, nlp: Language, key: str, alias: str) -> None:
        words = [t.text for t in nlp.make_doc(alias) if _key(t.text) not in self.skip]
        keys = tuple(_key(w) for w in words)
        if not keys or keys in self.index:
            return  # the first entry to claim an alias keeps it
        exact = words[0] if len(words) == 1 and _is_acronym(words[0]) else None
        self.index[keys] = (key, exact)
        self.lengths.setdefault(keys[0], set()).add(len(keys))

    def _matches(self, doc: Doc) -> list[tuple[str, int, int]]:
        """(key, start, end) of every alias occurrence, longest first at each position."""
        all_keys = [_key(t.text) for t in doc]
        positions = [i for i, key in enumerate(all_keys) if key not in self.skip]
        keys = [all_keys[i] for i in positions]
        found = []
        for n, first in enumerate(keys):
            for length in sorted(self.lengths.get(first, ()), reverse=True):
                hit = self.index.get(tuple(keys[n:n + length])) if n + length <= len(keys) else None
                if hit is None:
                    continue
                start, end = positions[n], positions[n + length - 1] + 1
                if hit[1] is not None and doc[start].text != hit[1]:
                    continue  # acronyms match case-sensitively: "IS", never "is"
                found.append((hit[0], self._extend_left(doc, start), end))
                break
        return found

    def _extend_left(self, doc: Doc, start: int) -> int:
        """Take in attached articles and dashes ("al-" of "al-Qaeda")."""
        while start > 0:
            prev = doc[start - 1]
            if _key(prev.text) not in self.skip or prev.whitespace_ or prev.text in self.lexicon.marks.quote_chars:
                break
            start -= 1
        return start

    def __call__(self, doc: Doc) -> Doc:
        """Add gazetteer and dateline entities to ``doc.ents``; keep MT renderings in a span group."""
        found: list[Span] = []
        artefacts: list[Span] = []
        for key, start, end in self._matches(doc):
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
        entry = self.entries[key.removeprefix(_ARTEFACT_PREFIX)]
        if entry.generic and start > 0 and doc[start - 1].ent_type_ == "NORP":
            start -= 1  # "Russian foreign Ministry": a generic body takes its nationality
        return Span(doc, start, end, label=entry.label, kb_id=entry.id)

    def _datelines(self, doc: Doc) -> list[Span]:
        """Places in datelines: capitals opening a line, then a comma and a date ("SOCHI, October 8")."""
        spans = []
        flags = doc.to_array([IS_SPACE, IS_UPPER, IS_ALPHA]).tolist()
        for i, (_, upper, alpha) in enumerate(flags):
            if i > 0 and not flags[i - 1][0] or not (upper and alpha):
                continue  # only all-capital words opening a line
            end = i
            while end < len(doc) and end - i < 4 and flags[end][1] and flags[end][2]:
                end += 1
            after = doc[end + 1] if end + 1 < len(doc) else None
            if after is not None and doc[end].text == "," and (
                    after.lower_.rstrip(".") in self.lexicon.dateline_months or after.like_num):
                spans.append(Span(doc, i, end, label="GPE"))
        return spans

    @staticmethod
    def _merge(model: list[Span], found: list[Span]) -> list[Span]:
        """Gazetteer spans win overlaps, except against a model span that strictly contains them.

        A longer model name is kept ("Bank of America" over "America", "Russian
        Foreign Ministry" over "Foreign Ministry"), but not a PERSON span that
        only adds a title. It takes the match's kb id only when it adds nothing
        but an article or punctuation ("The Federation Council"): a longer name
        is a more specific entity.
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
            extra = [t for t in ent if not inner.start <= t.i < inner.end]
            same = ent.label_ == inner.label_ and all(t.is_punct or t.lower_ == "the" for t in extra)
            kb_id = inner.kb_id if same else 0
            result.append(Span(ent.doc, ent.start, ent.end, label=ent.label, kb_id=kb_id))
        return sorted(result, key=lambda s: s.start)


def _is_acronym(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return 1 < len(letters) <= 6 and text.isupper()


def _in_capitals(doc: Doc, i: int) -> bool:
    """True when the words around token ``i`` are all capitals (a headline or shout)."""
    window = [t for t in doc[max(0, i - 3): i + 4] if t.is_alpha and t.i != i and len(t) > 1]
    return len(window) >= 2 and all(t.is_upper for t in window)


@Language.factory("wire_gazetteer", default_config={"registry_path": None})
def make_wire_gazetteer(nlp: Language, name: str, registry_path: str | None) -> WireGazetteer:
    """Build the component from the bundled data files and the designation registry's aliases."""
    return WireGazetteer(nlp, load_entries(registry_aliases(registry_path)), load_artefacts())

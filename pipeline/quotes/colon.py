"""Reports a name and a colon open: "Sanders: Clinton Email Story Has Moved", "TAPPER: And obviously, …".

Headlines attribute a claim by putting its source before a colon, and transcripts label each turn
with the speaker's name; neither has a verb. The direct pass reads a quotation after such a name
(:func:`pipeline.quotes.direct.colon_name`); this one reads the rest of the paragraph. Title case
misleads the tagger ("Sanders" comes out a noun), so the opener is read by its capitals: a short run of
capitalised words that opens the paragraph (or follows a dash: "EXCLUSIVE – Roger Stone:"), perhaps
with small linking words ("Former AG Mukasey at RNC:"); the speaker is the last word of its first run.
Label words ("Update:", ``data/colon_labels.yaml``) stay out, and so does a rest with no verb unless a
person, an organisation or a document opens the line ("Lynch: No outside influence …"; not "Iowa: the map").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from spacy.attrs import ORTH
from spacy.strings import hash_string  # type: ignore[attr-defined]  # Cython, absent from the stub
from spacy.tokens import Doc, Token

from pipeline.lexicon import load_lexicon
from pipeline.lexicon.word_sets import load_word_sets
from pipeline.quotes.indirect import trim_span
from pipeline.quotes.model import INDIRECT, Attribution
from pipeline.quotes.paragraphs import paragraph_tokens

LABELS_PATH = Path(__file__).parent / "data" / "colon_labels.yaml"
#: the most words an opener may have ("Gillibrand on Hillary Releasing Her Goldman Sachs Speech Transcripts" has 9)
_OPENER_WORDS = 9
#: the fewest words of the content
_CONTENT_WORDS = 4
_DASHES = frozenset({*load_lexicon().marks.dashes, "--"})
#: entity types of an opener that may claim something with no verb after the colon
_CLAIMANTS = frozenset({"PERSON", "ORG", "NORP"})


@dataclass(frozen=True, slots=True)
class ColonWords:
    """The lists of ``data/colon_labels.yaml``: opening words that label, and words that link a name to more."""

    labels: frozenset[str]
    links: frozenset[str]


@cache
def load_colon_words(path: Path = LABELS_PATH) -> ColonWords:
    """The shipped lists (read once)."""
    return load_word_sets(path, ColonWords)


def find_colon_reports(doc: Doc) -> list[Attribution]:
    """A report for every paragraph that a name and a colon open."""
    found = []
    colon_id = hash_string(":")
    for colon in (doc[i] for i, orth in enumerate(doc.to_array(ORTH).tolist()) if orth == colon_id):
        start, end = paragraph_tokens(doc, colon)
        speaker = opener_name(list(doc[start:colon.i]))
        rest = [t for t in doc[colon.i + 1:end] if not (t.is_punct or t.is_space)]
        if speaker is None or len(rest) < _CONTENT_WORDS or not _claims(speaker, rest):
            continue
        found.append(Attribution(INDIRECT, trim_span(doc, colon.i + 1, end, colon), "indirect-colon",
                                 (colon.idx, colon.idx + 1), ":", speaker.i, colon.i))
    return found


def _claims(speaker: Token, rest: list[Token]) -> bool:
    """Whether the words after the colon are the speaker's claim: a clause, or any words at all when the
    opener names someone who can claim ("Lynch: No outside influence on FBI probe", "Poll: …"; title case
    makes the tagger miss the verb); "Iowa: the map" is neither."""
    return any(t.pos_ in ("VERB", "AUX") for t in rest) or speaker.ent_type_ in _CLAIMANTS \
        or speaker.lemma_.lower() in load_lexicon().document_nouns


def opener_name(opener: list[Token]) -> Token | None:
    """The speaker in the words before a paragraph's colon: the last word of their first capitalised run."""
    dash = max((k for k, t in enumerate(opener) if t.text in _DASHES), default=-1)
    opener = opener[dash + 1:]
    words = load_colon_words()
    if not opener or len(opener) > _OPENER_WORDS or opener[0].lower_ in words.labels:
        return None
    if not all(t.text[:1].isupper() or t.lower_ in words.links for t in opener) or not opener[0].text[:1].isupper():
        return None
    run = next((k for k, t in enumerate(opener) if t.lower_ in words.links), len(opener))
    return opener[run - 1] if run > 0 and opener[run - 1].is_alpha else None

"""Start a sentence after each line break, before spaCy's parser runs.

After the clean stage a line break is a paragraph break (a headline, a
dateline, a table row and a transcript turn are lines of their own), yet the
parser often runs one sentence across it ("SOCCER - JAPAN WIN\\nAL-AIN ...").
This component marks the first non-space token after a whitespace token holding
a newline as a sentence start; the parser keeps preset starts and decides every
other boundary itself. spaCy's tokenizer puts newlines only in whitespace tokens
(a token's trailing ``whitespace_`` is at most one space), so only those tokens
are looked at, found column-wise.
"""

from __future__ import annotations

from typing import cast

import numpy
from spacy.attrs import IS_SPACE, SENT_START
from spacy.language import Language
from spacy.tokens import Doc
from thinc.types import Ints2d

NAME = "paragraph_sentences"


def mark_paragraph_starts(doc: Doc) -> Doc:
    """Set ``is_sent_start`` on the first non-space token after each newline; leave the rest as they are."""
    if "\n" not in doc.text:
        return doc
    columns = doc.to_array([IS_SPACE, SENT_START]).astype(numpy.int64)
    spaces = columns[:, 0].astype(bool)
    newlines = [index for index in numpy.flatnonzero(spaces) if "\n" in doc[int(index)].text]
    text_tokens = numpy.flatnonzero(~spaces)
    positions = numpy.searchsorted(text_tokens, numpy.asarray(newlines, dtype=numpy.int64) + 1)
    starts = columns[:, 1]
    starts[text_tokens[positions[positions < len(text_tokens)]]] = 1
    return doc.from_array([SENT_START], cast(Ints2d, starts.reshape(-1, 1).astype(numpy.uint64)))


@Language.component(NAME)
def paragraph_sentences(doc: Doc) -> Doc:
    """Pipeline entry point of :func:`mark_paragraph_starts`."""
    return mark_paragraph_starts(doc)


def install(nlp: Language) -> None:
    """Add the component just before the parser (a pipeline without a parser is left alone)."""
    if "parser" in nlp.pipe_names and NAME not in nlp.pipe_names:
        nlp.add_pipe(NAME, before="parser")

"""Interview transcripts: a quoted answer with no speech verb, right after a question.

Q&A copy gives the answers no cue ("Q: How serious is it?" / "A: “Very serious. …”"), so
neither the cue rules nor a floating continuation (the question stands between the answers)
attribute them. An answer is recognised only when the structure is unambiguous: the quotation
is its whole paragraph (perhaps after an answer label), the paragraph before is a question
(it ends with "?" and quotes nothing), and one of the two carries its interview label. The
speaker is then whoever was reported last, as for any cue-less quote: the interviewee.
"""

from __future__ import annotations

from pipeline.lexicon import Lexicon, load_lexicon
from pipeline.quotes.marks import QuotedSpan
from pipeline.quotes.paragraphs import paragraph_chars

_LABEL_ENDS = ":." + load_lexicon().marks.dashes


def is_answer(text: str, q: QuotedSpan, lex: Lexicon) -> bool:
    """Whether the quotation ``q`` is an interview answer (see the module docstring)."""
    start, end = paragraph_chars(text, q.open)[0], paragraph_chars(text, q.close)[1]
    if text[q.close + 1:end].strip(" \t.,"):
        return False  # more follows the quote in its paragraph: a cue, or prose
    lead = text[start:q.open].strip()
    answer_label = _label(lead) in lex.answer_labels
    if lead and not answer_label:
        return False
    before = len(text[:start].rstrip())
    question = text[paragraph_chars(text, before)[0]:before].strip()
    if not question.endswith("?") or any(c in lex.marks.quote_chars for c in question):
        return False
    head = question.split(None, 1)[0] if question else ""
    return answer_label or _label(head) in lex.question_labels


def _label(word: str) -> str:
    """The label word of "Q:", "A.", "Answer -" in lower case; "" when ``word`` is no label."""
    stripped = word.rstrip(_LABEL_ENDS)
    return stripped.lower() if stripped != word and stripped.isalpha() else ""

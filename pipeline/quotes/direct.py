"""Direct quotations: paired quote marks plus the attribution next to them.

The attribution is looked for right after the closing mark (“…,” he said · “…,” – said
Putin · “…,” added Peskov), then right before the opening mark (Putin said: “…” ·
According to Peskov, “…” · split quotes, whose second half follows “he said,”), then inside
the marks, set off by dashes (“…, — said Novak. — …”). A quote with no attribution inherits
the speaker of the quote just before it (a "floating" quote, common when a speaker is quoted
over several paragraphs); an interview answer after its question
(:mod:`pipeline.quotes.interview`) is the interviewee's. Short quoted names and scare quotes
(the so-called “free Syrian army”) are not quotations.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from pipeline.quotes.interview import is_answer
from pipeline.lexicon import Lexicon, load_lexicon
from pipeline.quotes.marks import QuotedSpan
from pipeline.quotes.model import DIRECT, Attribution
from pipeline.quotes.paragraphs import break_count, breaks_at, paragraph_chars
from pipeline.quotes.subjects import governor, own_subject, passive_agent

_QUOTE_CHARS = load_lexicon().marks.quote_chars
#: the lexicon's dashes, plus a typed double hyphen and an uncleaned horizontal bar
_DASHES = frozenset({*load_lexicon().marks.dashes, "--", "―"})
_SENT_END = frozenset(".!?…")
_LEAD_PUNCT = frozenset({",", ";", "--", *load_lexicon().marks.dashes})
_NAMING_WORDS = frozenset({"so-called", "called", "named", "dubbed", "titled", "entitled", "term", "word",
                           "slogan", "phrase", "label", "codenamed", "code-named", "nicknamed"})
_WINDOW = 12
#: the most words a name standing before a colon may have ("Mark Blumenthal and Jon Cohen")
_NAME_WORDS = 6
#: tokens an interjected cue ("— said the Minister at a press conference … —") may run over
_INTERJECTION = 20


def _is_mark(tok: Token) -> bool:
    return all(ch in _QUOTE_CHARS for ch in tok.text)


def is_name_like(doc: Doc, inner: Span) -> bool:
    """A quoted name, title or scare quote: after a naming word or a noun, or all capitalised."""
    words = [t for t in inner if not t.is_punct]
    before = doc[inner.start - 2] if inner.start >= 2 else None
    if before is not None and before.lower_ in _NAMING_WORDS:
        return True
    if len(words) <= 5 and before is not None and before.pos_ in ("NOUN", "PROPN", "DET", "ADJ"):
        return True
    return all(t.is_title or t.is_upper or t.is_stop for t in words) and not words[-1].is_stop


def _speech_like(text: str, q: QuotedSpan, inner: Span) -> bool:
    """A quotation rather than a quoted name, title or scare quote."""
    words = [t for t in inner if not t.is_punct]
    text = text[q.start:q.end].rstrip()
    if not words:
        return False
    if text[-1:] in ",.!?…:;" or q.paragraphs > 1 or len(words) >= 6:
        return True
    return len(words) >= 3 and not is_name_like(inner.doc, inner)


def _after_window(doc: Doc, close_tok: int) -> list[Token]:
    """Tokens after the closing mark up to the sentence's end or the next quote mark."""
    out: list[Token] = []
    for tok in doc[close_tok + 1:close_tok + 1 + _WINDOW]:
        if _is_mark(tok) or breaks_at(tok):
            break
        out.append(tok)
        if tok.text in _SENT_END:
            break
    return out


def _before_window(doc: Doc, open_tok: int) -> list[Token]:
    """Tokens before the opening mark back to the sentence start or the previous quote mark."""
    out: list[Token] = []
    for tok in reversed(doc[max(open_tok - _WINDOW * 2, 0):open_tok]):
        if _is_mark(tok) or breaks_at(tok) or tok.text in _SENT_END:
            break
        out.insert(0, tok)
    return out


def _cue_in(window: list[Token], lex: Lexicon) -> Token | None:
    return next((t for t in window if t.pos_ in ("VERB", "AUX") and lex.takes(t.lemma_, "direct")), None)


def _cue_after_subject(body: list[Token], lex: Lexicon) -> Token | None:
    """A cue further on, when all that stands before it is its subject: “…,” WHO Director-General
    Tedros Adhanom Ghebreyesus told a briefing."""
    cue = _cue_in(body, lex)
    subj = None if cue is None else next((c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if cue is None or subj is None or subj.i > cue.i:
        return None
    phrase = {t.i for t in subj.subtree}
    return cue if all(t.i in phrase or t.is_punct for t in body if t.i < cue.i) else None


def _speaker_of(cue: Token, window: list[Token], content: tuple[int, int]) -> Token | None:
    """The passive cue's "by" agent, or the subject of the cue (climbing conj/advcl/xcomp/ccomp and
    "by saying"), else the nearest noun in the window: before the cue ("“…,” Ramos, 58, told AFP"),
    else after it ("“…,” said Ramos").

    A subject inside the quotation itself is a misparse, never the speaker."""
    agent = passive_agent(cue)
    if agent is not None:
        return agent
    verb: Token | None = cue
    while verb is not None:
        subj = own_subject(verb, content, nearest=True)
        if subj is not None:
            return subj
        verb = governor(verb, ("conj", "advcl", "xcomp", "ccomp"))
    ids = {t.i for t in window}
    nouns = [t for t in window if t.pos_ in ("PROPN", "PRON", "NOUN") and t.i != cue.i]
    after = [t for t in nouns if t.i > cue.i and (t.head.i not in ids or t.head.i == cue.i or t.dep_ != "compound")]
    before = [t for t in nouns if t.i < cue.i]
    if before:
        return _np_head(before[-1], ids)
    return _np_head(after[0], ids) if after else None


def _np_head(tok: Token, ids: set[int]) -> Token:
    while tok.dep_ in ("compound", "flat", "amod", "det", "poss") and tok.head.i in ids and tok.head is not tok:
        tok = tok.head
    return tok


def _according(window: list[Token], lex: Lexicon) -> tuple[Token, Token | None] | None:
    """(cue token, speaker token) for "according to X," / "citing X," before a quote."""
    for k, tok in enumerate(window):
        for first, second in lex.prepositional:
            if tok.lower_ != first:
                continue
            rest = window[k + 1:]
            if second:
                if not rest or rest[0].lower_ != second:
                    continue
                rest = rest[1:]
            nouns = [t for t in rest if t.pos_ in ("PROPN", "PRON", "NOUN")]
            return tok, (_np_head(nouns[-1], {t.i for t in rest}) if nouns else None)
    return None


def find_direct(doc: Doc, text: str, spans: list[QuotedSpan], lex: Lexicon) -> list[Attribution]:
    """Direct quotations among the top-level quoted spans, with cue and speaker token.

    ``text`` is the doc's text, passed in because spaCy rebuilds that string on every access."""
    found: list[Attribution] = []
    for q in spans:
        if q.depth:
            continue
        inner = doc.char_span(q.start, q.end, alignment_mode="contract")
        opener = doc.char_span(q.open, q.open + 1, alignment_mode="expand")
        closer = doc.char_span(q.close, q.close + 1, alignment_mode="expand")
        if inner is None or opener is None or closer is None or not _speech_like(text, q, inner):
            continue
        if not _opens_quotation(doc, opener.start, lex):
            continue  # a fragment inside a sentence: the indirect pass makes it a mixed quote
        att: Attribution | None
        if is_answer(text, q, lex):
            att = Attribution(DIRECT, _content(text, q), "direct-answer")  # speaker: dedupe.continue_speakers
        else:
            att = _attribute(doc, text, q, opener.start, closer.end - 1, lex) or _interjected(text, q, inner, lex)
        if att is None and found and _floats(text, q, found[-1]):
            prev = found[-1]
            att = Attribution(DIRECT, _content(text, q), "direct-floating", speaker_token=prev.speaker_token)
        if att is not None:
            found.append(att)
    return found


def _opens_quotation(doc: Doc, open_tok: int, lex: Lexicon) -> bool:
    """A quotation starts a paragraph or sentence, or follows punctuation or a speech verb."""
    if open_tok == 0:
        return True
    prev = doc[open_tok - 1]
    return (breaks_at(prev) or prev.is_punct or prev.is_space
            or lex.takes(prev.lemma_, "direct") and prev.pos_ in ("VERB", "AUX"))


def _attribute(doc: Doc, text: str, q: QuotedSpan, open_tok: int, close_tok: int,
               lex: Lexicon) -> Attribution | None:
    content = _content(text, q)
    after = _after_window(doc, close_tok)
    body = [t for t in after if t.text not in _LEAD_PUNCT]
    cue = _cue_in(body[:6], lex) or _cue_after_subject(body, lex)
    if cue is not None and body and body[0].i <= cue.i:
        return Attribution(DIRECT, content, "direct-cue-after", (cue.idx, cue.idx + len(cue)), cue.lemma_,
                           _idx(_speaker_of(cue, body, content)), cue.i)
    signer = _dash_signature(after)
    if signer is not None:
        dash = after[0]
        return Attribution(DIRECT, content, "direct-dash-name", (dash.idx, dash.idx + len(dash)), dash.text,
                           signer.i, dash.i)
    before = _before_window(doc, open_tok)
    if not before or before[-1].text not in (":", ",") and not lex.takes(before[-1].lemma_, "direct"):
        return None
    named = colon_name(before)
    if named is not None:
        return Attribution(DIRECT, content, "direct-colon", speaker_token=named.i)
    prep = _according(before, lex)
    if prep is not None:
        tok, speaker = prep
        return Attribution(DIRECT, content, "direct-according", (tok.idx, tok.idx + len(tok)), tok.lower_,
                           _idx(speaker), tok.i)
    cues = [t for t in before if t.pos_ in ("VERB", "AUX") and lex.takes(t.lemma_, "direct")]
    if cues:
        cue = cues[-1]
        return Attribution(DIRECT, content, "direct-cue-before", (cue.idx, cue.idx + len(cue)), cue.lemma_,
                           _idx(_speaker_of(cue, before, content)), cue.i)
    if before[-1].text == ":":
        subj = next((t for t in before if t.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            return Attribution(DIRECT, content, "direct-colon", speaker_token=subj.i)
    return None


def colon_name(before: list[Token]) -> Token | None:
    """A name standing alone before the colon, at the window's start or after a dash, as roundups and
    transcripts attribute: “Pollsters agree - Carl Bialik: “…””, “Mark Blumenthal and Jon Cohen: “…””."""
    if len(before) < 2 or before[-1].text != ":":
        return None
    k = len(before) - 1
    while k > 0 and (before[k - 1].pos_ == "PROPN" or before[k - 1].lower_ in ("and", "&") and k < len(before) - 1):
        k -= 1
    run = before[k:-1]
    opens = k == 0 or before[k - 1].text in _DASHES
    if not run or len(run) > _NAME_WORDS or not opens or run[0].pos_ != "PROPN":
        return None
    return run[-1] if run[-1].pos_ == "PROPN" else None


def _interjected(text: str, q: QuotedSpan, inner: Span, lex: Lexicon) -> Attribution | None:
    """A cue set off by dashes inside the marks, the Russian convention machine translation keeps:
    “We have agreed, — said Novak. — The supplies will grow.” The quotation stays one, cue and all."""
    toks = [t for t in inner if not t.is_space]
    for k, dash in enumerate(toks[:-1]):
        cue = toks[k + 1]
        if dash.text not in _DASHES or cue.pos_ not in ("VERB", "AUX") or not lex.takes(cue.lemma_, "direct"):
            continue
        rest = toks[k + 2:k + 2 + _INTERJECTION]
        if not any(t.text in _DASHES for t in rest):
            continue  # no dash closes the interjection: a dash inside the speech, not a cue
        subj = next((c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None:
            subj = next((t for t in rest if t.pos_ in ("PROPN", "PRON", "NOUN")), None)
        if subj is not None:
            return Attribution(DIRECT, _content(text, q), "direct-interjected", (cue.idx, cue.idx + len(cue)),
                               cue.lemma_, subj.i, cue.i)
    return None


def _dash_signature(after: list[Token]) -> Token | None:
    """The name in an epigraph-style signature, “…” ― Pamela Padilla: a dash, then only a name
    (and perhaps ", 67" or ", a nurse" after it)."""
    if not after or after[0].text not in _DASHES:
        return None
    cut = next((k for k, t in enumerate(after) if t.text == ","), len(after))
    words = [t for t in after[1:cut] if not t.is_space and t.text != "."]
    if not words or len(words) > 5:
        return None
    return words[-1] if all(t.pos_ == "PROPN" or t.ent_type_ == "PERSON" for t in words) else None


def _floats(text: str, q: QuotedSpan, prev: Attribution) -> bool:
    """A quote with no cue continues the previous speaker's if it follows closely."""
    gap = text[prev.content[1]:q.open]
    lead = text[paragraph_chars(text, q.open)[0]:q.open].rstrip(" \t–—-")
    if lead and lead[-1] not in _SENT_END:
        return False  # a fragment inside a sentence, not a quote of its own
    return prev.speaker_token is not None and break_count(gap) <= 1 and len(gap) < 400


def _content(text: str, q: QuotedSpan) -> tuple[int, int]:
    """Inside the marks, without surrounding blanks and the comma that hands over to the cue."""
    start, end = q.start, q.end
    while end > start and text[end - 1] in " \t\n,;:":
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return start, end


def _idx(tok: Token | None) -> int | None:
    return None if tok is None else tok.i

"""natasha's name spans, repaired where Russian news trips the model.

natasha's NER decodes tags with no regard for punctuation, so one span can run over a list
("Монако • Намибия", "Овечкин, Фёдоров"), a translation in brackets ("Джошуа Вольфа (Joshua
Wolf)") or a paragraph break; and it cuts some names short (before a genitive place, at a
closing quote mark, after an adjective). :func:`name_spans` gives the repaired names; the
entities backend (:mod:`pipeline.entities.russian`) labels and groups them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import import_module
from typing import Any


def key(text: str) -> str:
    """Comparison key of a Russian word or name: lower case, ё as е, spaces collapsed."""
    return " ".join(text.lower().replace("ё", "е").split())


@dataclass(slots=True)
class NameSpan:
    """A name found in the text: natasha's span, after the repairs of :func:`name_spans`."""

    start: int
    stop: int
    type: str
    text: str
    normal: str
    tokens: list[Any]
    #: a translation in brackets right after the name before it ("(Joshua Wolf)"): the same entity
    translation: bool = False


@dataclass(frozen=True, slots=True)
class SpanWords:
    """The word lists of the repairs (``pipeline/lexicon/ru/names.yaml``), as comparison keys."""

    #: words before a quoted name that describe it ("группа «Аэрофлот»")
    descriptors: frozenset[str]
    #: institutions named by their place in the genitive ("правительство Китая")
    institutions: frozenset[str]
    #: what natasha tags that is no name ("СМИ", a legal form alone: "ПАО")
    not_names: frozenset[str]


_OPEN = "“«„"
_CLOSE = "”»“"
#: tokens no name runs across
_SEPARATORS = frozenset({"(", ")", "[", "]", ",", ";", "•", "·", "|"})
_LATIN = re.compile(r"^[A-Za-z][A-Za-z .'’&-]*$")


def name_spans(doc: Any, words: SpanWords, vocab: Any) -> list[NameSpan]:
    """natasha's spans, repaired:

    - a span over brackets, commas, list bullets or a paragraph break is cut into its names
      ("Монако • Намибия"; "Фонд борьбы с коррупцией (ФБК)" → two names);
    - an organisation cut before its genitive place or parent ("МИД" + "России", "Института
      этнологии и антропологии" + "РАН") becomes one name, as does "Театра им." + a person;
    - a quoted name cut at its closing mark ('Международное общество “Мемориал') takes the mark,
      unless a descriptor stands before the quote ('Группа “Аэрофлот' → 'Аэрофлот');
    - an acronym and the quoted name after it ("ЧВК" + "“Вагнер”") become one name;
    - an organisation cut after an adjective ("Российской энергетической" + "недели") takes the
      noun that follows it;
    - a place in the genitive after an institution ("правительства" + "Китая") is that
      institution's name, an organisation;
    - a person noun capitalised at the start of a sentence is no part of the name after it
      ("Исследователи Брукхейвенской национальной лаборатории");
    - common words natasha takes for names ("СМИ", "ПАО" alone, "московское время") are dropped.
    """
    text = doc.text
    spans: list[NameSpan] = []
    for s in doc.spans:
        spans += _split(NameSpan(s.start, s.stop, s.type, s.text, s.normal or s.text, list(s.tokens)), text, vocab)
    tokens = list(doc.tokens)
    starts = {t.start: k for k, t in enumerate(tokens)}
    out: list[NameSpan] = []
    for span in spans:
        if key(span.text) in words.not_names or key(span.normal) in words.not_names:
            continue
        if (named := _without_person_noun(span, text, vocab)) is None:
            continue
        span = named
        if not out or out[-1].stop < span.start - 1:  # "Генпрокуратура" + "РФ" joins below
            span = _with_institution(span, text, tokens, starts, words.institutions)
        _fix_quotes(span, text, words.descriptors)
        _extend_adjective(span, text, tokens, starts)
        prev = out[-1] if out else None
        if prev is not None and (joined := _join(prev, span, text)) is not None:
            out[-1] = joined
            continue
        out.append(span)
    return out


def _join(prev: NameSpan, span: NameSpan, text: str) -> NameSpan | None:
    """``prev`` and ``span`` as one organisation, when the second completes the first."""
    gap = text[prev.stop:span.start]
    if prev.type != "ORG":
        return None
    genitive = gap == " " and (span.tokens[0].feats or {}).get("Case") == "Gen"
    if genitive and span.type in ("LOC", "ORG"):  # "МИД России", "обкома КПСС"
        return NameSpan(prev.start, span.stop, "ORG", text[prev.start:span.stop], f"{prev.normal} {span.text}",
                        prev.tokens + span.tokens)
    if gap == " " and span.type == "PER" and key(prev.text).endswith((" им.", " имени")):  # "Театра им. Бойса"
        return NameSpan(prev.start, span.stop, "ORG", text[prev.start:span.stop], f"{prev.normal} {span.text}",
                        prev.tokens + span.tokens)
    if prev.text.isupper() and gap in (" “", " «") and text[span.stop:span.stop + 1] in _CLOSE:  # ЧВК «Вагнер»
        stop = span.stop + 1
        return NameSpan(prev.start, stop, "ORG", text[prev.start:stop],
                        f"{prev.normal}{gap}{span.text}{text[span.stop]}", prev.tokens + span.tokens)
    return None


def _split(span: NameSpan, text: str, vocab: Any) -> list[NameSpan]:
    """The names of a span that runs over separators (brackets, commas, bullets, a paragraph break)."""
    runs: list[list[Any]] = [[]]
    quoted = False
    for k, token in enumerate(span.tokens):
        quoted = (quoted or token.text in _OPEN) and token.text not in _CLOSE[:2]
        broken = k > 0 and "\n" in text[span.tokens[k - 1].stop:token.start]
        if (token.text in _SEPARATORS and not (quoted and token.text == ",")) or broken:
            runs.append([])
        if token.text not in _SEPARATORS:
            runs[-1].append(token)
    runs = [r for r in runs if any(ch.isalpha() for t in r for ch in t.text)]
    if len(runs) == 1 and len(runs[0]) == len(span.tokens):
        return [span]
    parts: list[NameSpan] = []
    for run in runs:
        piece = _renormalised(span.type, run, text, vocab)
        within = text[piece.start - 1:piece.start] == "(" and text[piece.stop:piece.stop + 1] == ")"
        piece.translation = within and bool(parts) and _LATIN.match(piece.text) is not None \
            and _LATIN.match(parts[-1].text) is None
        parts.append(piece)
    return parts


def _renormalised(span_type: str, tokens: list[Any], text: str, vocab: Any) -> NameSpan:
    """A name over ``tokens`` with natasha's normal form of exactly those tokens."""
    start, stop = tokens[0].start, tokens[-1].stop
    piece = import_module("natasha.doc").DocSpan(start, stop, span_type, text[start:stop], tokens=tokens)
    piece.normalize(vocab)
    return NameSpan(start, stop, span_type, piece.text, piece.normal or piece.text, tokens)


def _without_person_noun(span: NameSpan, text: str, vocab: Any) -> NameSpan | None:
    """"Исследователи Брукхейвенской национальной лаборатории", "Замглавы" (+ "ФМС"): natasha takes
    the capitalised first word of a sentence into a name, or for one; a common noun for people is
    never the start of an organisation's or a place's name ("Союз", "Совет", "Партия" are not
    animate). None when the span is that noun alone."""
    first = span.tokens[0] if span.tokens else None
    opens_sentence = text[:span.start].rstrip()[-1:] in ("", ".", "!", "?", "…", "\n")
    if span.type == "PER" or first is None or first.pos != "NOUN" or (first.feats or {}).get("Animacy") != "Anim" \
            or not opens_sentence:
        return span
    if len(span.tokens) == 1:
        return None
    if len(span.tokens) < 3 or not span.tokens[1].text[:1].isupper():
        return span  # "Свидетели Иеговы" is a name: what is left must be a name of two words or more
    return _renormalised(span.type, span.tokens[1:], text, vocab)


def _with_institution(span: NameSpan, text: str, tokens: list[Any], starts: dict[int, int],
                      institutions: frozenset[str]) -> NameSpan:
    """"правительства Китая", "посольство США", "сборной России": an institution named by its
    place in the genitive is an organisation, the place its name."""
    k = starts.get(span.start, 0)
    if span.type != "LOC" or k == 0 or (span.tokens[0].feats or {}).get("Case") != "Gen":
        return span
    head = tokens[k - 1]
    if head.stop + 1 != span.start or not head.lemma or key(head.lemma) not in institutions:
        return span
    lemma = head.lemma.capitalize() if head.text[:1].isupper() else head.lemma
    return NameSpan(head.start, span.stop, "ORG", text[head.start:span.stop], f"{lemma} {span.text}",
                    [head, *span.tokens])


def _extend_adjective(span: NameSpan, text: str, tokens: list[Any], starts: dict[int, int]) -> None:
    """"Российской энергетической" + "недели": an organisation ending on an adjective takes the noun after it."""
    if span.type != "ORG" or not span.tokens or span.tokens[-1].pos != "ADJ":
        return
    k = starts.get(span.stop + 1)
    if k is None or text[span.stop] != " ":
        return
    noun = tokens[k]
    case = (span.tokens[-1].feats or {}).get("Case")
    if noun.pos == "NOUN" and (noun.feats or {}).get("Case") == case:
        span.tokens.append(noun)
        span.stop = noun.stop
        span.text = text[span.start:span.stop]
        span.normal = f"{span.normal} {noun.lemma if case != 'Nom' and noun.lemma else noun.text}"


def _fix_quotes(span: NameSpan, text: str, descriptors: frozenset[str]) -> None:
    opened = next((k for k, ch in enumerate(span.text) if ch in _OPEN), None)
    if opened is None or any(ch in _CLOSE and k > opened for k, ch in enumerate(span.text)):
        return
    before = key(span.text[:opened])
    if not before or (" " not in before and before in descriptors):
        cut = span.start + opened + 1
        span.tokens = [t for t in span.tokens if t.start >= cut]
        n_open = next((k for k, ch in enumerate(span.normal) if ch in _OPEN), None)
        span.normal = span.normal[n_open + 1:] if n_open is not None else text[cut:span.stop]
        span.start, span.text = cut, text[cut:span.stop]
    elif text[span.stop:span.stop + 1] in _CLOSE:
        span.normal += text[span.stop]
        span.stop += 1
        span.text = text[span.start:span.stop]

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


_OPEN = "“«„"
_CLOSE = "”»“"
#: tokens no name runs across
_SEPARATORS = frozenset({"(", ")", "[", "]", ",", ";", "•", "·", "|"})
_LATIN = re.compile(r"^[A-Za-z][A-Za-z .'’&-]*$")


def name_spans(doc: Any, descriptors: frozenset[str], vocab: Any) -> list[NameSpan]:
    """natasha's spans, repaired:

    - a span over brackets, commas, list bullets or a paragraph break is cut into its names
      ("Монако • Намибия"; "Фонд борьбы с коррупцией (ФБК)" → two names);
    - an organisation cut before its genitive place or parent ("МИД" + "России", "Института
      этнологии и антропологии" + "РАН") becomes one name, as does "Театра им." + a person;
    - a quoted name cut at its closing mark ('Международное общество “Мемориал') takes the mark,
      unless a descriptor stands before the quote ('Группа “Аэрофлот' → 'Аэрофлот');
    - an acronym and the quoted name after it ("ЧВК" + "“Вагнер”") become one name;
    - an organisation cut after an adjective ("Российской энергетической" + "недели") takes the
      noun that follows it.
    """
    text = doc.text
    spans: list[NameSpan] = []
    for s in doc.spans:
        spans += _split(NameSpan(s.start, s.stop, s.type, s.text, s.normal or s.text, list(s.tokens)), text, vocab)
    tokens = list(doc.tokens)
    starts = {t.start: k for k, t in enumerate(tokens)}
    out: list[NameSpan] = []
    for span in spans:
        _fix_quotes(span, text, descriptors)
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
    if gap == " " and span.type == "PER" and key(prev.tokens[-1].text) in ("им.", "имени"):  # "Театра им. Бойса"
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
        start, stop = run[0].start, run[-1].stop
        piece = import_module("natasha.doc").DocSpan(start, stop, span.type, text[start:stop], tokens=run)
        piece.normalize(vocab)
        within = text[start - 1:start] == "(" and text[stop:stop + 1] == ")"
        translation = within and bool(parts) and _LATIN.match(piece.text) is not None \
            and _LATIN.match(parts[-1].text) is None
        parts.append(NameSpan(start, stop, span.type, piece.text, piece.normal or piece.text, run, translation))
    return parts


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

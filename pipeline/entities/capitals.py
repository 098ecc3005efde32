"""Lines written in capitals (headlines, digest items): names found by the article, not the model.

The small model reads "DORTMUND SLIP AGAIN" as a person and "SOUTH KOREA - COURT" as a place:
capitals hide the shape it relies on. On a line whose words are all capitals, its guesses are
dropped (gazetteer matches stay: the alias matcher ignores case) and the line's words are
matched, case-insensitively, against the names the rest of the article writes normally: the
whole name ("BAYERN MUNICH"), a person's surname ("MACRON" for Emmanuel Macron) or another
word of the name that is no common given name ("PRABOWO" for Prabowo Subianto, "LULA"), or a
distinctive word of a team's name ("DORTMUND" for Borussia Dortmund). Each match
joins the mention it repeats, with its label and cluster (the team, not the country, when the
article says it is the team).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from pipeline.entities.cues import load_cues
from pipeline.entities.mentions import Mention
from pipeline.entities.teams import TEAM_KEY
from pipeline.lexicon import load_lexicon

_MIN_WORDS = 3  # capital words on a line before it counts as a headline ("UN" alone does not)
_CAPITAL_WORD = re.compile(r"\b[^\W\d_]{2,}\b")
_KEPT_SOURCES = frozenset({"gazetteer", "artefact"})
_MIN_SHORT_FORM = 4  # letters of a team-name word a headline may use alone


def capital_lines(doc: Doc) -> set[int]:
    """Indices of the tokens on lines with no lower-case letter and three capital words or more.

    Read from the text, line by line (no per-token work on the usual article with no such line).
    """
    found: set[int] = set()
    start = 0
    for line in doc.text.split("\n"):
        end = start + len(line)
        if line.upper() == line and len(_CAPITAL_WORD.findall(line)) >= _MIN_WORDS:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None:
                found.update(range(span.start, span.end))
        start = end + 1
    return found


def drop_capital_guesses(doc: Doc, mentions: list[Mention], capitals: set[int]) -> list[Mention]:
    """The mentions, less the model's and the rules' guesses on capital lines that nothing confirms.

    A guess stands when the article writes the same words elsewhere as an untagged name
    ("STARBUCKS" ORG, and "Starbucks said" the model missed after a dateline): those
    repeats are added with its label.
    """
    kept = [m for m in mentions if m.source in _KEPT_SOURCES or capitals.isdisjoint(range(m.span.start, m.span.end))]
    if len(kept) == len(mentions):
        return kept
    taken = {i for m in kept for i in range(m.span.start, m.span.end)}
    for guess in (m for m in mentions if m not in kept):
        words = tuple(t.lower_ for t in guess.span)
        repeats = [doc[i: i + len(words)] for i in range(len(doc) - len(words) + 1)
                   if i not in capitals and doc[i].lower_ == words[0] and taken.isdisjoint(range(i, i + len(words)))
                   and _written_name(doc, i, words)]
        if repeats:
            kept.append(guess)
            kept.extend(Mention(span, guess.label, guess.kb_id, "alias", guess.key) for span in repeats)
            taken.update(i for span in repeats for i in range(span.start, span.end))
    return kept


def _written_name(doc: Doc, start: int, words: tuple[str, ...]) -> bool:
    """``words`` at ``start`` in title case, not inside a longer run of capitalised words."""
    end = start + len(words)
    if end > len(doc) or tuple(t.lower_ for t in doc[start:end]) != words:
        return False
    if not all(t.is_title or not t.is_alpha for t in doc[start:end]):
        return False
    before = doc[start - 1] if start > 0 else None
    after = doc[end] if end < len(doc) else None
    return not any(t is not None and t.is_title and t.is_alpha and not t.is_sent_start
                   for t in (before, after))


def _short_forms(m: Mention) -> list[str]:
    """Words a headline may name ``m`` by: a person's surname ("MACRON") or another word of the
    name that is no common given name ("PRABOWO", "YOON"), a word of a team's name ("DORTMUND" for
    Borussia Dortmund; not a short or generic word: "UNION", "CITY", "NEW")."""
    alpha = [t for t in m.span if t.is_alpha]
    if len(alpha) < 2:
        return []
    if m.label == "PERSON":
        lexicon = load_lexicon()
        common = lexicon.first_names.keys() | lexicon.name_particles
        named = [t.lower_ for t in alpha[:-1] if len(t) >= _MIN_SHORT_FORM and t.lower_ not in common]
        return [alpha[-1].lower_, *named]
    if m.key.startswith(TEAM_KEY):
        generic = load_cues().generic_name_words
        return [t.lower_ for t in alpha if len(t) >= _MIN_SHORT_FORM and t.lower_ not in generic]
    return []


def capital_repeats(doc: Doc, mentions: list[Mention], capitals: set[int]) -> list[Mention]:
    """Mentions on capital lines that repeat, whatever their case, a name written elsewhere."""
    if not capitals:
        return []
    names: dict[tuple[str, ...], Mention] = {}
    short: dict[str, set[str]] = {}
    for m in sorted(mentions, key=lambda m: not m.decided):  # a team or company sense comes first
        if not capitals.isdisjoint(range(m.span.start, m.span.end)):
            continue
        names.setdefault(tuple(t.lower_ for t in m.span), m)
        for word in _short_forms(m):
            short.setdefault(word, set()).add(m.key)
    for word, owners in short.items():
        if len(owners) == 1:
            names.setdefault((word,), next(m for m in mentions if m.key in owners))
    taken = {i for m in mentions for i in range(m.span.start, m.span.end)}
    longest = sorted(names, key=len, reverse=True)
    added: list[Mention] = []
    for i in sorted(capitals):
        if i in taken:
            continue
        for words in longest:
            end = i + len(words)
            if (end <= len(doc) and tuple(t.lower_ for t in doc[i:end]) == words
                    and capitals.issuperset(range(i, end)) and taken.isdisjoint(range(i, end))):
                src = names[words]
                added.append(Mention(doc[i:end], src.label, src.kb_id, "alias", src.key, decided=src.decided))
                taken.update(range(i, end))
                break
    return added

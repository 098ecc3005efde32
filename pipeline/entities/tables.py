"""Results, standings and fixture lines: the names on them are the sides that play.

Sports desks file tables as lines, not prose, and the small model reads the names on them as
places or people ("DENVER 41 31 .569 9", "Genk 3 (Moreno 12th) Mechelen 1"). A line is read whole:

- a result: a name, a score and an optional note in brackets, twice ("Barnsley 1 Wimbledon 0",
  "DALLAS 104 Utah 99 (overtime)", "Dinamo Tbilisi (Georgia) 2 Zurich Rovers (Switzerland) 0",
  an Australian rules "12.9 (81)"); the scorers in its notes are people ("Genk 3 (Moreno 12th)
  Mechelen 1");
- a standings row: a name (a rank may open the line) and three cells or more: counts, a
  winning share (".508"), a percentage ("98.4"), a dash, a half game ("15 1/2"); not a row of
  scores of 50 or more only, which is a golfer's card ("Graeme Doyle 68 71 70");
- a ranked rider or driver with a country, then the team ("4. Ana Ruiz (Spain) Movistar
  1:54.754", "7. Tom Vos (Neths) Visma same time"): the team;
- a fixture: "Kilmarnock v Hearts", "Racing Club vs. Talleres", several on a line separated by
  commas; in "DALLAS AT PHOENIX" only the visitors (the other name says where they play);
- a share-price row: a name in capitals (not a code of three letters or fewer, "USD"), then three
  numbers or more, one with decimals ("ACME STEEL 171.00 172.50 14432"): a company.

Two such lines at least, or one result or fixture line in copy with a sports word ("match"), so
a line of prose that happens to look like a result is left alone. A name whose first word is a
common given name is a player, not a side.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from pipeline.lexicon import Lexicon

_CONNECTOR = r"(?:de|da|del|di|do|dos|van|von|der|le|la|du)"
_NAME = rf"[A-Z][\w.'&/-]*(?: (?:[A-Z][\w.'&/-]*|{_CONNECTOR}(?= [A-Z]))){{0,3}}"
_BRACKETED = r" \([A-Z][\w. ]{1,30}\)"
_COUNTRY = rf"(?:{_BRACKETED})?"
_SCORE = r"\d{1,3}(?:\.\d{1,2} \(\d{1,3}\))?"
_NOTE = r"(?: \([^()]{1,80}\))?"
_RANK = r"(?:\d{1,3}\. ?)?"
_WHERE = r"(?:In [A-Z][\w ]{1,30}: )?"  # "In Tbilisi: Dinamo Tbilisi (Georgia) 2 ..."
_OPEN_NOTE = r"(?: \([^()]{1,80})?"  # a note the line breaks ("(Moreno 12th, Dupuis 80th and")
_RESULT = re.compile(rf"{_WHERE}{_RANK}(?P<home>{_NAME}){_COUNTRY} {_SCORE}{_NOTE},? "
                     rf"(?P<away>{_NAME}){_COUNTRY} {_SCORE}{_NOTE}{_NOTE}(?:\.|{_OPEN_NOTE})")
#: a scorer and the minute in a result's note ("Moreno 12th", "Van Dijkhuis 80th penalty")
_SCORER = re.compile(r"(?<![\w.])(?P<name>[A-Z][\w'.-]+(?: [A-Z][\w'.-]+){0,2}) "
                     r"\d{1,3}(?:st|nd|rd|th)\b")
_NOTES = re.compile(r"\(([^()]+)\)?")
#: a ranked rider or driver with a country, then the team ("4. Ana Ruiz (Spain) Movistar 1:54.754")
_RIDER = re.compile(rf"\d{{1,3}}\. ?[A-Z][^()]{{1,40}}{_BRACKETED} (?P<home>{_NAME})(?: [^A-Z].*)?")
_CELL = r"(?:\d{1,4}|\d{1,3}\.\d|\.\d{3}|-|\d{1,2}/\d{1,2})"
_STANDING = re.compile(rf"{_RANK}(?P<home>{_NAME}){_COUNTRY}(?P<cells>(?: {_CELL}){{3,}})")
#: a row of a share-price table: a company in capitals, then prices and volumes
_QUOTE = re.compile(r"(?P<home>[A-Z][A-Z0-9.&'/-]*(?: [A-Z][A-Z0-9.&'/-]*){0,3})"
                    r"(?P<cells>(?: [\d,]*\.\d+| [\d,]+){3,})")
_FIXTURE = re.compile(rf"(?P<home>{_NAME}) (?P<sep>v|vs\.?|V|VS\.?|AT|at) (?P<away>{_NAME})")
_FIXTURE_LINE = re.compile(re.sub(r"\?P<\w+>", "",  # several fixtures on a line: the groups unnamed
                                  rf"{_FIXTURE.pattern}(?:, {_FIXTURE.pattern})*(?: \([a-z ]+\))?\.?"))
_MIN_LINES = 2
_MAX_LINE = 160  # characters: a longer line is prose
_CARD_SCORE = 50  # a row of numbers all this high is a golfer's rounds, not a side's record


@dataclass(frozen=True, slots=True)
class Table:
    """The sides named on a document's table lines, and the venues of its "X AT Y" fixtures."""

    sides: list[Span]
    venues: list[Span]
    scorers: list[Span]
    companies: list[Span]


def read_tables(doc: Doc, lexicon: Lexicon, sporting: Callable[[Doc], bool]) -> Table:
    """The results, standings and fixture lines of ``doc`` (``sporting``: whether the copy has a
    sports word, so that one result line is enough; asked only then)."""
    found: list[tuple[int, int]] = []
    venues: list[tuple[int, int]] = []
    scorers: list[tuple[int, int]] = []
    quotes: list[tuple[int, int]] = []
    standings: list[tuple[int, int]] = []
    games = 0
    for offset, line in _lines(doc.text):
        if len(line) > _MAX_LINE:
            continue
        if match := _RESULT.fullmatch(line):
            found.extend((offset + match.start(g), offset + match.end(g)) for g in ("home", "away"))
            scorers.extend(_scorers(line, offset))
            games += 1
        elif (match := _STANDING.fullmatch(line)) and not _card(match.group("cells")):
            standings.append((offset + match.start("home"), offset + match.end("home")))
        elif (match := _QUOTE.fullmatch(line)) and "." in match.group("cells") and len(match.group("home")) > 3:
            quotes.append((offset + match.start("home"), offset + match.end("home")))
        elif match := _RIDER.fullmatch(line):
            standings.append((offset + match.start("home"), offset + match.end("home")))
        elif _FIXTURE_LINE.fullmatch(line):
            for m in _FIXTURE.finditer(line):
                found.append((offset + m.start("home"), offset + m.end("home")))
                if m.group("sep").lower() == "at":  # "DALLAS AT PHOENIX": the other name is where they play
                    venues.append((offset + m.start("away"), offset + m.end("away")))
                else:
                    found.append((offset + m.start("away"), offset + m.end("away")))
            games += 1
    if len(standings) >= _MIN_LINES:
        found.extend(standings)
    companies = _spans(doc, quotes) if len(quotes) >= _MIN_LINES else []
    if games + len(standings) < _MIN_LINES and not (games and sporting(doc)):
        return Table([], [], [], companies)
    sides = [s for s in _spans(doc, found) if not _player(s, lexicon)]
    return Table(sides, _spans(doc, venues), _spans(doc, scorers), companies)


def _scorers(line: str, offset: int) -> list[tuple[int, int]]:
    """The scorers named in the notes of a result line."""
    return [(offset + note.start(1) + m.start("name"), offset + note.start(1) + m.end("name"))
            for note in _NOTES.finditer(line) for m in _SCORER.finditer(note.group(1))]


def _spans(doc: Doc, offsets: list[tuple[int, int]]) -> list[Span]:
    spans = (doc.char_span(start, end) for start, end in offsets)
    return [s for s in spans if s is not None]


def _card(cells: str) -> bool:
    numbers = cells.split()
    return all(n.isdigit() and int(n) >= _CARD_SCORE for n in numbers)


def _player(span: Span, lexicon: Lexicon) -> bool:
    """A given name opening a name of two words or more ("Graeme Doyle"): a player's line."""
    return len(span) > 1 and span[0].lower_ in lexicon.first_names


def _lines(text: str) -> Iterator[tuple[int, str]]:
    """Each line of ``text`` with its start offset, right-stripped."""
    start = 0
    for line in text.split("\n"):
        yield start, line.rstrip()
        start += len(line) + 1

"""Desk cues: the context words that say a name is a team or a company (``lexicon/en/desk_cues.yaml``).

The small model labels a name by its shape and nearby words, so "Japan beat Australia" gives two
countries and "Burberry jumped 15%" a person. The words that settle it are data, loaded once
and read by :mod:`.teams` and :mod:`.companies`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache


from pipeline.lexicon.files import LexiconError, read_resource
from pipeline.lexicon.ids import string_ids

RESOURCE = "desk_cues"
_LISTS = ("sports_verbs", "side_verbs", "result_nouns", "side_prepositions", "team_nouns", "sports_words",
          "locative_prepositions", "generic_name_words", "market_verbs", "poll_words", "company_nouns",
          "share_nouns", "employee_nouns", "deal_nouns", "kin_nouns", "club_places", "transfer_words",
          "transfer_prepositions", "sports_only_words", "officer_nouns", "org_suffixes", "publish_verbs",
          "outlet_nouns", "stat_words",
          "event_words", "competitions",
          "venue_words", "venues", "market_groups",
          "body_nouns", "line_labels")


@dataclass(frozen=True, slots=True)
class DeskCues:
    """Word lists of sports and markets copy, lower case."""

    sports_verbs: frozenset[str]
    side_verbs: frozenset[str]
    result_nouns: frozenset[str]
    side_prepositions: frozenset[str]
    team_nouns: frozenset[str]
    sports_words: frozenset[str]
    locative_prepositions: frozenset[str]
    generic_name_words: frozenset[str]
    market_verbs: frozenset[str]
    poll_words: frozenset[str]
    company_nouns: frozenset[str]
    share_nouns: frozenset[str]
    employee_nouns: frozenset[str]
    deal_nouns: frozenset[str]
    kin_nouns: frozenset[str]
    club_places: frozenset[str]
    transfer_words: frozenset[str]
    transfer_prepositions: frozenset[str]
    sports_only_words: frozenset[str]
    officer_nouns: frozenset[str]
    org_suffixes: frozenset[str]
    publish_verbs: frozenset[str]
    outlet_nouns: frozenset[str]
    stat_words: frozenset[str]
    event_words: frozenset[str]
    competitions: frozenset[str]
    venue_words: frozenset[str]
    venues: frozenset[str]
    market_groups: frozenset[str]
    body_nouns: frozenset[str]
    line_labels: frozenset[str]
    ticker: re.Pattern[str]
    version: str

    @property
    def sports_word_hashes(self) -> frozenset[int]:
        """spaCy string hashes of the sports words, to test a Doc's lemma counts without a token loop."""
        return string_ids(self.sports_words)

    @property
    def sports_only_hashes(self) -> frozenset[int]:
        """spaCy string hashes of the words only sports copy uses (a transfer story without a score)."""
        return string_ids(self.sports_only_words)


@cache
def load_cues(language: str = "en") -> DeskCues:
    """The language's desk cues, parsed once per process."""
    raw, version = read_resource(language, RESOURCE)
    try:
        lists = {name: frozenset(str(w).lower() for w in raw[name]) for name in _LISTS}
        return DeskCues(**lists, ticker=re.compile(raw["ticker_pattern"]), version=version)
    except (KeyError, TypeError, re.error) as exc:
        raise LexiconError(f"malformed {RESOURCE} for {language!r}: {exc!r}") from exc

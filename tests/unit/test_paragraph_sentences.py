"""A line break starts a sentence in the shared English parse; other boundaries are the parser's."""

from __future__ import annotations

import spacy

from pipeline.config import Settings
from pipeline.nlp import load_nlp
from pipeline.paragraph_sentences import NAME, mark_paragraph_starts

HEADLINE_DATELINE = (
    "FOOTBALL - HOSTS EDGE PAST RIVALS\n"
    "LYON, France 2025-03-14\n"
    "The hosts beat their rivals 2-1 on Friday after a late goal. Fans stayed on the pitch for an hour."
)


def _sentences(text: str) -> list[str]:
    return [sentence.text.strip() for sentence in load_nlp(Settings(metrics_port=0).spacy_model)(text).sents]


def test_component_runs_before_the_parser() -> None:
    names = load_nlp(Settings(metrics_port=0).spacy_model).pipe_names
    assert names.index(NAME) == names.index("parser") - 1


def test_headline_and_dateline_are_sentences_of_their_own() -> None:
    assert _sentences(HEADLINE_DATELINE) == [
        "FOOTBALL - HOSTS EDGE PAST RIVALS",
        "LYON, France 2025-03-14",
        "The hosts beat their rivals 2-1 on Friday after a late goal.",
        "Fans stayed on the pitch for an hour.",
    ]


def test_paragraph_without_final_stop_ends_at_the_blank_line() -> None:
    text = "The minister said talks would resume on Monday\n\n \nUnions rejected the offer late on Tuesday."
    assert _sentences(text) == [
        "The minister said talks would resume on Monday",
        "Unions rejected the offer late on Tuesday.",
    ]


def test_only_tokens_after_newlines_are_preset() -> None:
    doc = mark_paragraph_starts(spacy.blank("en")("One line here\n\nA second line, two words\n"))
    preset = [(token.text, token.is_sent_start) for token in doc if token.i > 0 and token.is_sent_start is not None]
    assert preset == [("A", True)]


def test_text_without_newlines_is_left_to_the_parser() -> None:
    doc = mark_paragraph_starts(spacy.blank("en")("No break in this text at all."))
    assert all(token.is_sent_start is None for token in doc[1:])

"""The table form of the attribute ruler annotates exactly as spaCy's ruler does."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import orjson
import pytest
import spacy
from spacy.language import Language

from pipeline import attribute_table, paragraph_sentences
from pipeline.config import Settings
from pipeline.nlp import load_nlp

REPO = Path(__file__).resolve().parents[2]

#: sentences that exercise the ruler's multi-token, regex, set and dependency rules
RULE_SENTENCES = [
    "We're gonna win, and you ain't gonna stop us, y'all know nothin' about it.",
    "Let's go. C'mon, we gotta leave; there is no time and there are no excuses.",
    "I'd have done it if he had asked me, but he didn't ask it of you or me.",
    "She has been told that it's over, whether or not they'd agree, though I'm not sure.",
    "There were 12 of them.  \n\nThat which is done is done; which one did you want?",
]


def _bodies(path: Path, key: str) -> list[str]:
    return [orjson.loads(line)[key] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _texts() -> list[str]:
    """Sentences for the rare rules, the sample articles and every gold article: over 14,000 tokens."""
    bodies = _bodies(REPO / "samples" / "articles.jsonl", "body")
    bodies += _bodies(REPO / "tests" / "gold" / "designations" / "articles.jsonl", "text")
    gold = sorted((REPO / "tests" / "gold").glob("*/articles/*.txt"))
    return RULE_SENTENCES + bodies + [path.read_text(encoding="utf-8") for path in gold]


@cache
def _pipelines() -> tuple[Language, Language]:
    """The stock pipeline with the same preset sentence starts, so only the ruler and the table differ."""
    model = Settings().spacy_model
    stock = spacy.load(model)
    paragraph_sentences.install(stock)
    return stock, load_nlp(model)


def test_load_nlp_runs_the_table_instead_of_the_ruler() -> None:
    _, table = _pipelines()
    assert "attribute_table" in table.pipe_names
    assert "attribute_ruler" not in table.pipe_names


def test_annotations_equal_the_rulers_token_by_token() -> None:
    stock, table = _pipelines()
    texts = _texts()
    compared = 0
    for expected, actual in zip(stock.pipe(texts), table.pipe(texts), strict=True):
        for want, got in zip(expected, actual, strict=True):
            assert (got.pos_, got.tag_, got.dep_, str(got.morph), got.lemma_) == (
                want.pos_, want.tag_, want.dep_, str(want.morph), want.lemma_), (
                f"{got.text!r} in {expected.text[max(0, want.idx - 40):want.idx + 40]!r}")
            compared += 1
    assert compared > 14_000


def test_multi_token_and_regex_rules_apply() -> None:
    _, table = _pipelines()
    doc = table("We're gonna win and nothin' stops y'all.")
    lemmas = {token.text: token.lemma_ for token in doc}
    assert (lemmas["gon"], lemmas["na"]) == ("go", "to")
    assert lemmas["nothin'"] == "nothing"


def test_a_ruler_with_patterns_it_cannot_express_stays() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LENGTH": {">": 3}}]], {"TAG": "LONG"})
    assert attribute_table.install(nlp) is False
    assert nlp.pipe_names == ["attribute_ruler"]


def test_a_ruler_that_sets_lexeme_attributes_stays() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "x"}]], {"IS_STOP": True})
    assert attribute_table.install(nlp) is False


@pytest.mark.parametrize("text", ["", "   ", "x"])
def test_tiny_docs(text: str) -> None:
    stock, table = _pipelines()
    assert [t.pos_ for t in table(text)] == [t.pos_ for t in stock(text)]

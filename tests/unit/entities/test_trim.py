"""Model names trimmed to the name: lower-case words the small model ran onto them go."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Span

from pipeline.entities.mentions import collect
from pipeline.lexicon import load_lexicon


def _names(nlp: Language, text: str) -> list[tuple[str, str]]:
    return [(m.span.text, m.label) for m in collect(nlp(text), load_lexicon(), set())]


def test_a_common_noun_run_onto_a_name_is_cut(nlp: Language) -> None:
    text = "The state-run Petra news agency said on Friday that talks would resume."
    assert [e.text for e in nlp(text).ents][0] == "Petra news agency"  # the model's span
    assert ("Petra", "ORG") in _names(nlp, text)
    assert ("Hakkari", "GPE") in _names(nlp, "Ten people died in Hakkari province, officials said.")


def test_a_hyphenated_lower_case_part_stays(nlp: Language) -> None:
    assert ("Lee Min-jae", "PERSON") in _names(nlp, "Lee Min-jae said roads were closed on Monday.")


def test_a_line_break_at_a_names_edge_is_cut(nlp: Language) -> None:
    doc = nlp("Leading scores:\n136 Peter Holt \n137 Simon Marsh\n")
    holt = next(t.i for t in doc if t.text == "Holt")
    assert doc[holt + 1].is_space  # the tokenizer keeps " \n" as a token the model may tag with the name
    doc.ents = [Span(doc, holt - 1, holt + 2, label="PERSON")]
    assert [(m.span.text, m.label) for m in collect(doc, load_lexicon(), set())][0] == ("Peter Holt", "PERSON")

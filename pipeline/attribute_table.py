"""A table-driven stand-in for spaCy's ``attribute_ruler``, with identical output.

The English models' attribute ruler maps each token's fine-grained tag (and, for
a few words, its lowercase form or dependency) to a coarse POS, morphology and
lemma. It runs a general token :class:`~spacy.matcher.Matcher` over 179 rules
and builds one ``Span`` per match, which costs about a tenth of
``en_core_web_sm``'s time per article for what is, in almost every rule, a
lookup on one token. Here one-token rules are answered from a table keyed by
the token's tested attribute values, and the few multi-token or regex rules are
evaluated column-wise over the Doc's attribute array. Rules apply in the
ruler's order, later ones overriding earlier ones per attribute, so the
annotations are the ruler's own (``tests/unit/test_attribute_table.py``
compares them token by token). A ruler with a pattern this module cannot
express (operators, comparisons, extension attributes) or that sets a lexeme's
attributes is left in place.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import cast

import numpy
from spacy.attrs import IDS
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.strings import StringStore
from spacy.tokens import Doc
from thinc.types import Ints2d

#: token attributes a rule may test; the string-valued ones may also be tested by REGEX
TESTABLE = frozenset({"TAG", "LOWER", "ORTH", "NORM", "DEP", "POS", "IS_SPACE"})
STRING_ATTRS = frozenset({"LOWER", "ORTH", "NORM"})
ALIASES = {"TEXT": "ORTH"}
#: token-level attributes a rule may set (``Doc.from_array`` sets them as the ruler does)
SETTABLE = frozenset({"POS", "TAG", "DEP", "MORPH", "LEMMA", "NORM"})
IDS_BY_ID = {value: name for name, value in IDS.items()}

#: stands for every attribute value that no one-token rule names, which keeps the table small
#: (no IN/NOT_IN set contains it, so each condition answers as it would for the real value)
OTHER = numpy.uint64(2**64 - 1)

#: (rule order, attribute id -> value to set) of the rules that apply to one token
Applied = list[tuple[int, Mapping[int, int]]]


class UnsupportedPattern(ValueError):
    """A ruler pattern outside what the table can evaluate exactly."""


@dataclass(frozen=True, slots=True)
class Test:
    """One condition on one token attribute: value in/not in ``values``, or ``regex`` matches its string."""

    attr: int
    values: frozenset[int] = frozenset()
    inside: bool = True
    regex: re.Pattern[str] | None = None

    def holds(self, value: int) -> bool:
        return (value in self.values) == self.inside


@dataclass(frozen=True, slots=True)
class Rule:
    """A ruler rule: one pattern's tests per token position, and what it sets on token ``index``."""

    order: int
    tests: tuple[tuple[Test, ...], ...]
    index: int
    attrs: Mapping[int, int]

    @property
    def one_token(self) -> bool:
        return len(self.tests) == 1 and all(test.regex is None for test in self.tests[0])


def _tests(token: Mapping[str, object], ruler: AttributeRuler) -> tuple[Test, ...]:
    """The tests of one pattern token; raises :class:`UnsupportedPattern` for what cannot be expressed."""
    tests = []
    for raw_name, spec in token.items():
        name = ALIASES.get(raw_name.upper(), raw_name.upper())
        if name not in TESTABLE:
            raise UnsupportedPattern(f"attribute {raw_name!r}")
        if not isinstance(spec, dict):
            spec = {"IN": [spec]}
        for operator, operand in spec.items():
            if operator == "REGEX" and name in STRING_ATTRS and isinstance(operand, str):
                tests.append(Test(IDS[name], regex=re.compile(operand)))
            elif operator in ("IN", "NOT_IN") and isinstance(operand, list):
                # the StringStore, not hash_string: "" (no dependency label) must be 0 as in the Doc
                values = frozenset(int(v) if isinstance(v, bool) else ruler.vocab.strings.add(str(v)) for v in operand)
                tests.append(Test(IDS[name], values, inside=operator == "IN"))
            else:
                raise UnsupportedPattern(f"operator {operator!r} on {raw_name!r}")
    return tuple(tests)


def _rules(ruler: AttributeRuler) -> list[Rule]:
    """Every pattern of the ruler as a :class:`Rule`, in the ruler's order."""
    rules = []
    for order, (attrs, index) in enumerate(zip(ruler.attrs, ruler.indices, strict=True)):
        for pattern in ruler.matcher.get(str(order))[1]:
            rules.append(Rule(order, tuple(_tests(token, ruler) for token in pattern), index, attrs))
    return rules


class AttributeTable:
    """Applies an :class:`AttributeRuler`'s rules: one-token rules by table lookup, the rest column-wise."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.vocab = ruler.vocab
        rules = _rules(ruler)
        self.table_rules = [rule for rule in rules if rule.one_token]
        self.span_rules = [rule for rule in rules if not rule.one_token]
        self.set_attrs = sorted({attr for attrs in ruler.attrs for attr in attrs})
        if unsettable := {IDS_BY_ID.get(attr, attr) for attr in self.set_attrs} - SETTABLE:
            raise UnsupportedPattern(f"sets {sorted(map(str, unsettable))}")  # lexeme-level attributes
        self.key_attrs = sorted({test.attr for rule in self.table_rules for test in rule.tests[0]})
        self.named_values = [
            numpy.array(sorted({v for rule in self.table_rules for test in rule.tests[0] if test.attr == attr
                                for v in test.values}), dtype=numpy.uint64)
            for attr in self.key_attrs]
        self.span_attrs = sorted({test.attr for rule in self.span_rules for tests in rule.tests for test in tests})
        self._applied: dict[tuple[int, ...], Applied] = {}
        self._rows: dict[tuple[int, ...], tuple[int, ...]] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        keys = self._keys(doc)
        current = doc.to_array(_attr_ids(self.set_attrs)).reshape(len(doc), len(self.set_attrs))
        values = numpy.array([self._row_for(key) for key in keys], dtype=numpy.uint64)
        unset = values == OTHER
        values[unset] = current[unset]
        for i, applied in self._span_matches(doc).items():
            merged = _merge(sorted(self._applied_for(keys[i]) + applied, key=lambda item: item[0]))
            values[i] = [merged.get(attr, current[i, column]) for column, attr in enumerate(self.set_attrs)]
        return doc.from_array(_attr_ids(self.set_attrs), cast(Ints2d, values))

    def _keys(self, doc: Doc) -> list[tuple[int, ...]]:
        """Each token's tested attribute values, values no rule names folded into :data:`OTHER`."""
        if not self.key_attrs:
            return [()] * len(doc)
        values = doc.to_array(_attr_ids(self.key_attrs)).reshape(len(doc), len(self.key_attrs))
        for column, named in enumerate(self.named_values):
            values[~numpy.isin(values[:, column], named), column] = OTHER
        rows = cast("list[list[int]]", values.tolist())  # attribute ids: uint64 values, ints in Python
        return [tuple(row) for row in rows]

    def _row_for(self, key: tuple[int, ...]) -> tuple[int, ...]:
        """What the one-token rules set for this key, per set attribute (:data:`OTHER`: left as is)."""
        row = self._rows.get(key)
        if row is None:
            merged = _merge(self._applied_for(key))
            row = self._rows[key] = tuple(merged.get(attr, int(OTHER)) for attr in self.set_attrs)
        return row

    def _applied_for(self, key: tuple[int, ...]) -> Applied:
        """The one-token rules that hold for a token with these attribute values, in rule order."""
        applied = self._applied.get(key)
        if applied is None:
            values = dict(zip(self.key_attrs, key, strict=True))
            applied = [(rule.order, rule.attrs) for rule in self.table_rules
                       if all(test.holds(values[test.attr]) for test in rule.tests[0])]
            self._applied[key] = applied
        return applied

    def _span_matches(self, doc: Doc) -> dict[int, Applied]:
        """Token index -> the multi-token and regex rules that set it, found column-wise."""
        extra: dict[int, Applied] = {}
        if not self.span_rules:
            return extra
        columns = doc.to_array(_attr_ids(self.span_attrs)).reshape(len(doc), len(self.span_attrs))
        for rule in self.span_rules:
            width = len(rule.tests)
            if width > len(doc):
                continue
            starts = numpy.ones(len(doc) - width + 1, dtype=bool)
            for offset, tests in enumerate(rule.tests):
                for test in tests:
                    column = columns[offset:len(doc) - width + 1 + offset, self.span_attrs.index(test.attr)]
                    starts &= _holds(test, column, doc.vocab.strings)
            target = rule.index if rule.index >= 0 else width + rule.index
            for start in numpy.flatnonzero(starts).tolist():
                extra.setdefault(start + target, []).append((rule.order, rule.attrs))
        return extra


def _holds(test: Test, column: numpy.ndarray, strings: StringStore) -> numpy.ndarray:
    """Where ``test`` holds along a column of attribute values."""
    if test.regex is None:
        held: numpy.ndarray = numpy.isin(column, numpy.fromiter(test.values, numpy.uint64, len(test.values)))
        return held if test.inside else ~held
    matching = [value for value in numpy.unique(column).tolist() if test.regex.search(strings[value])]
    return numpy.isin(column, numpy.array(matching, dtype=numpy.uint64))


def _attr_ids(attrs: list[int]) -> list[int | str]:
    """The attribute list as spaCy's array methods are annotated to take it (ids are valid as they are)."""
    return cast("list[int | str]", attrs)


def _merge(applied: Applied) -> dict[int, int]:
    """Later rules override earlier ones attribute by attribute, as in the ruler."""
    merged: dict[int, int] = {}
    for _, attrs in applied:
        merged.update(attrs)
    return merged


@Language.factory("wirestream_attribute_table", default_config={"source": "attribute_ruler"})
def make_attribute_table(nlp: Language, name: str, source: str) -> AttributeTable:
    """Build the table from the pipeline's attribute ruler called ``source``."""
    ruler = nlp.get_pipe(source)
    if not isinstance(ruler, AttributeRuler):
        raise UnsupportedPattern(f"pipe {source!r} is a {type(ruler).__name__}, not an AttributeRuler")
    return AttributeTable(ruler)


def install(nlp: Language, source: str = "attribute_ruler") -> bool:
    """Put the table form in place of the pipeline's attribute ruler; False if it keeps the ruler."""
    if source not in nlp.pipe_names or not isinstance(nlp.get_pipe(source), AttributeRuler):
        return False
    try:
        nlp.add_pipe("wirestream_attribute_table", name="attribute_table", after=source, config={"source": source})
    except UnsupportedPattern:
        return False
    nlp.remove_pipe(source)
    return True

"""One alias matcher for every name list (gazetteer entries, registry organisations).

``text`` folds words into keys, ``index`` compiles every alias with the ids it stands
for into one Aho–Corasick automaton, ``matcher`` scans an article once and applies
the shared rules (boundaries, longest match, case, context), and ``fuzzy`` is the
second pass for transliteration variants no alias lists.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator

from pipeline.aliases.index import AliasSpec
from pipeline.registry.model import TAGGED_KINDS
from pipeline.registry.registry import Registry


def registry_specs(registry: Registry, kinds: Collection[str] = TAGGED_KINDS,
                   lookup: bool = False) -> Iterator[AliasSpec]:
    """Every English alias of the registry's records of ``kinds`` with its id, curated organisations first.

    ``lookup`` also yields the names too generic to look for in articles (``in_text`` false),
    for ``wirestream registry lookup``.
    """
    pairs = [(org, alias) for org in registry if org.kind in kinds for alias in org.aliases
             if alias.lang == "en" and (alias.in_text or lookup)]
    # the curated reading of a shared alias wins, then the Russian lists', then the other lists'
    for org, alias in sorted(pairs, key=lambda p: (not p[0].curated or p[1].strict, p[1].strict)):
        yield AliasSpec(alias.text, org_id=org.id, case_sensitive=alias.case_sensitive,
                        needs_context=alias.needs_context, strict=alias.strict and not lookup)

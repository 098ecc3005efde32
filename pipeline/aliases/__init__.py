"""One alias matcher for every name list (gazetteer entries, registry organisations).

``text`` folds words into keys, ``index`` compiles every alias with the ids it stands
for into one Aho–Corasick automaton, ``matcher`` scans an article once and applies
the shared rules (boundaries, longest match, case, context), and ``fuzzy`` is the
second pass for transliteration variants no alias lists.
"""

from __future__ import annotations

from collections.abc import Iterator

from pipeline.aliases.index import AliasSpec
from pipeline.registry.registry import Registry


def registry_specs(registry: Registry) -> Iterator[AliasSpec]:
    """Every English alias of the registry with its organisation id, curated organisations first."""
    for org in sorted(registry, key=lambda o: not o.curated):  # their reading of a shared alias wins
        for alias in org.aliases:
            if alias.lang == "en":
                yield AliasSpec(alias.text, org_id=org.id, case_sensitive=alias.case_sensitive,
                                needs_context=alias.needs_context)

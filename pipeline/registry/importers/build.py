"""Build the bundled registry: the Russian snapshot plus the curated layer, reproducibly."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

from pipeline.registry.importers.curated import CURATED_PATH, apply_curated, read_curated
from pipeline.registry.importers.ru import BRANDS_FILE, LISTS, import_ru
from pipeline.registry.model import Organisation
from pipeline.registry.registry import Registry


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def build_registry(ru_dir: Path, curated_path: Path = CURATED_PATH,
                   extra: list[Organisation] | None = None, taken: str | None = None) -> Registry:
    """The registry from the Russian lists in ``ru_dir``, the curated file and ``extra`` orgs."""
    orgs = apply_curated(import_ru(ru_dir, taken), read_curated(curated_path))
    inputs = [ru_dir / lst.file for lst in LISTS] + [ru_dir / BRANDS_FILE, curated_path]
    sources = {p.name: _sha256(p) for p in inputs if p.exists()}
    return Registry(merge(orgs, extra or []), sources=sources)


def merge(orgs: list[Organisation], extra: list[Organisation]) -> list[Organisation]:
    """Add ``extra`` organisations; one whose name or alias is a known alias joins that org.

    Returns copies: the organisations passed in (perhaps from the cached registry) are not changed.
    """
    out = [replace(o, aliases=list(o.aliases), designations=list(o.designations)) for o in orgs]
    index = {a.text.casefold(): o for o in out for a in o.aliases if not a.needs_context}
    index.update({o.name.casefold(): o for o in out})
    for new in extra:
        names = [new.name] + [a.text for a in new.aliases]
        target = next((index[n.casefold()] for n in names if n.casefold() in index), None)
        if target is None:
            out.append(new)
            index.update({n.casefold(): new for n in names})
            continue
        known = {a.text.casefold() for a in target.aliases}
        target.aliases += [a for a in new.aliases if a.text.casefold() not in known]
        target.designations += [d for d in new.designations if d not in target.designations]
    return out

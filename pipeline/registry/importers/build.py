"""Build the bundled registry: the Russian snapshot plus the curated layer, then the lists of the
UN, the US, the UK and the EU (organisations only), reproducibly."""

from __future__ import annotations

import hashlib
from collections.abc import Collection
from dataclasses import replace
from pathlib import Path

from pipeline.registry.importers.crosslist import MergeReport, drop_list, guard_aliases, merge_listed
from pipeline.registry.importers.curated import CURATED_PATH, apply_curated, read_curated
from pipeline.registry.importers.designated import DESIGNATED_PATH, drop_designated, import_designated, table_lists
from pipeline.registry.importers.eu import import_eu
from pipeline.registry.importers.ofac import import_ofac
from pipeline.registry.importers.official import SHARED_REGISTRIES, Listed, with_history
from pipeline.registry.importers.uk import import_uk
from pipeline.registry.importers.un import import_un
from pipeline.registry.importers.ru import BRANDS_FILE, LISTS, import_ru
from pipeline.registry.model import TAGGED_KINDS, Organisation
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
    named = [o for o in out if o.kind == "organisation"]  # a listed person is never joined by name
    index = {a.text.casefold(): o for o in named for a in o.aliases if not a.needs_context}
    index.update({o.name.casefold(): o for o in named})
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


#: the snapshots of the other jurisdictions' lists the bundled registry is built from (older first),
#: in merge order: the UK list joins UN entries by their references and brings more of their names
LIST_SNAPSHOTS: dict[str, tuple[str, ...]] = {
    "UN": ("un/un_consolidated_2020-11-24.xml", "un/un_consolidated_2026-02-27.xml"),
    "GB-UKSL": ("uk",),
    "US-SDN": ("us/sdn_2021-08-20.csv", "us/sdn_2024-05-03.csv"),
    "EU-FSF": ("eu/eu-fsf-merged_2022-09-13.csv",),
}


def import_list(family: str, paths: list[Path], taken: str | None = None) -> list[Listed]:
    """One list's entries from its snapshots (older first): the newest, plus what only older ones show."""
    read = {"UN": import_un, "US-SDN": import_ofac, "GB-UKSL": import_uk, "EU-FSF": import_eu}[family]
    entries: list[Listed] = []
    for n, path in enumerate(paths):
        newer = read(path, taken if n == len(paths) - 1 else None)
        entries = with_history(entries, newer) if entries else newer
    return entries


def add_lists(registry: Registry, lists: dict[str, list[Path]], kinds: Collection[str] = TAGGED_KINDS,
              designated: Path | None = None) -> tuple[Registry, dict[str, MergeReport]]:
    """``registry`` with the given lists (re)imported and merged in, and how each merged.

    A list already in the registry is replaced by the new import (its delistings come from the
    snapshots given); ``designated`` is the file of curated tables (FTO and UK proscription dates, …).
    """
    orgs = list(registry.organisations)
    sources = dict(registry.sources)
    reports = {}
    for family, paths in lists.items():
        orgs = drop_list(orgs, family)
        entries = [e for e in import_list(family, paths) if e.org.kind in kinds]
        orgs, reports[family] = merge_listed(orgs, entries)
        sources.update({p.name: _sha256_tree(p) for p in paths})
    if designated is not None:
        orgs = drop_designated(orgs, table_lists(designated))
        orgs, reports["curated"] = merge_listed(orgs, import_designated(designated))
        sources[designated.name] = _sha256(designated)
    return Registry(guard_aliases(orgs), sources=sources), reports


def build_bundled(ru_dir: Path, shared: Path = SHARED_REGISTRIES,
                  kinds: Collection[str] = TAGGED_KINDS) -> tuple[Registry, dict[str, MergeReport]]:
    """The bundled registry: the Russian lists and curated layer, then the other jurisdictions' lists."""
    missing = [shared / p for ps in LIST_SNAPSHOTS.values() for p in ps if not (shared / p).exists()]
    if missing:
        raise FileNotFoundError(f"list snapshots missing: {', '.join(map(str, missing))} "
                                f"(expected in {shared}, see its README.md)")
    lists = {family: [shared / p for p in paths] for family, paths in LIST_SNAPSHOTS.items()}
    return add_lists(build_registry(ru_dir), lists, kinds, DESIGNATED_PATH)


def _sha256_tree(path: Path) -> str:
    """sha256 of a file, or of a directory's files in name order."""
    if path.is_file():
        return _sha256(path)
    digest = hashlib.sha256()
    for child in sorted(path.iterdir()):
        if child.is_file():
            digest.update(child.name.encode() + b"\0" + bytes.fromhex(_sha256(child)))
    return digest.hexdigest()

"""One organisation across lists: merge the entries of the official lists into registry organisations.

An entry joins an organisation first by a reference number both carry (UK entries give the UN
reference of a UN-derived listing), then, organisations only (persons have namesakes), by name: one of its names, folded as the alias matcher
folds it, is a name of exactly one organisation of the same kind, and that organisation has no
other entry of the same list (two entries of one list are two organisations). Names that are
too weak to identify anything (a short acronym) are never used, and two organisations that
merely share a word never merge: a name matches only in full.

Then the names imported from the lists get the matcher's precision safeguards
(:func:`guard_aliases`): acronyms as written and near a context cue, single-word names near a
context cue, every name capitalised as a name, and names made only of generic words (words
that many listed names share: "Trading", "Company", "Bank") or shared by two organisations the
merge kept apart ("Ansar al-Sharia" of Benghazi and of Derna) not looked for in text at all.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from pipeline.aliases.text import tokens
from pipeline.lexicon import load_lexicon
from pipeline.registry.importers import ofac, uk
from pipeline.registry.importers.official import Listed
from pipeline.registry.model import Alias, Designation, Organisation

#: alias sources of the imported lists (their names get the safeguards)
IMPORTED_SOURCES = frozenset({"UN", "US-SDN", "GB-UKSL", "EU-FSF"})
MIN_NAME_KEY = 5       # a one-word name shorter than this (an acronym) never merges two entries
ACRONYM_MAX = 4        # a one-word imported name this short is an acronym: as written, with context
GENERIC_MIN_ORGS = 12  # a word in at least this many listed organisations' names is generic
_CONNECTORS = load_lexicon().connectors["alias"]
_CLOSING_PARENS = re.compile(r"\s*\(([^()]*)\)\s*$")


def family(d: Designation) -> str:
    """Which list a designation comes from; ``family:ref`` names a list entry ("UN:QDe.115", "US-SDN:4695")."""
    if d.jurisdiction == "US":
        return "US-SDN" if d.source_url == ofac.SOURCE_URL else "US-FTO"
    if d.jurisdiction == "GB":
        return "GB-UKSL" if d.list == uk.LIST else "GB-PROSCRIBED"
    if d.jurisdiction == "EU":
        return "EU-FSF"
    if d.jurisdiction == "UN":
        return "UN"
    return f"{d.jurisdiction}-{d.category}"


def list_key(d: Designation) -> str:
    """The list an organisation has at most one entry of: the family, per regime for the UK list.

    The UK list has one entry per regime for the same organisation (the Wagner Group under the
    Russia and the Libya regimes), each with its own unique id.
    """
    key = family(d)
    return f"{key}-{d.programme}" if key == "GB-UKSL" else key


def entry_links(entry: Listed) -> set[str]:
    """The references that name an entry: its own ``family:ref`` and the ones it carries."""
    return entry.links | {f"{family(d)}:{d.ref}" for d in entry.org.designations if d.ref}


def name_key(text: str) -> str:
    """A name as the alias matcher compares it: folded words, particles left out."""
    return " ".join(t.key for t in tokens(text) if not t.particle)


def _keys(name: str) -> set[str]:
    """The name's key, and the key without a closing acronym of it ("… Peninsula (AQAP)", "… Khorasan (ISIL-K)"),
    but not without a qualifier ("Al-Haramain Foundation (Kenya)" is not the one of Tanzania)."""
    keys = {name_key(name)}
    found = _CLOSING_PARENS.search(name)
    if found:
        plain = name[:found.start()]
        initials = [w[0].upper() for w in re.findall(r"[^\W_]+", plain)]
        if _subsequence([c for c in found.group(1).upper() if c.isalpha()], initials):
            keys.add(name_key(plain))
    return {k for k in keys if k}


def _subsequence(letters: list[str], initials: list[str]) -> bool:
    it = iter(initials)
    return bool(letters) and all(c in it for c in letters)


def _strong(key: str) -> bool:
    return " " in key or len(key) >= MIN_NAME_KEY


@dataclass(slots=True)
class MergeReport:
    """How the entries of the lists became organisations."""

    entries: int = 0
    by_ref: int = 0
    by_name: int = 0
    new: int = 0
    ambiguous: list[tuple[str, list[str]]] = field(default_factory=list)  # (entry id, candidate org ids)

    def summary(self) -> str:
        return (f"{self.entries} entries: {self.by_ref} joined by reference number, {self.by_name} by name, "
                f"{self.new} new organisations, {len(self.ambiguous)} left apart (name shared by several)")


class _Merger:
    def __init__(self, orgs: Iterable[Organisation]) -> None:
        self.out = [replace(o, aliases=list(o.aliases), designations=list(o.designations), refs=list(o.refs))
                    for o in orgs]
        self.links: dict[str, Organisation] = {}
        self.names: dict[tuple[str, str], set[str]] = {}
        self.by_id = {o.id: o for o in self.out}
        self.lists: dict[str, set[tuple[str, str | None]]] = {}
        for org in self.out:
            self._index(org, [a.text for a in org.aliases if a.lang == "en"] + [org.name], org.designations)

    def _index(self, org: Organisation, names: list[str], designations: list[Designation]) -> None:
        self.links.setdefault(f"id:{org.id}", org)
        for link in org.refs:
            self.links.setdefault(link, org)
        for d in designations:
            if d.ref:
                self.links.setdefault(f"{family(d)}:{d.ref}", org)
            self.lists.setdefault(org.id, set()).add((list_key(d), d.ref))
        for name in names:
            for key in _keys(name):
                if _strong(key):
                    self.names.setdefault((org.kind, key), set()).add(org.id)

    def add(self, entry: Listed, report: MergeReport) -> None:
        report.entries += 1
        new = entry.org
        names = [a.text for a in new.aliases] + [new.name]
        target = next((self.links[link] for link in sorted(entry_links(entry))
                       if link in self.links and self.links[link].kind == new.kind), None)
        if target is not None:
            report.by_ref += 1
        elif new.kind == "organisation":  # persons and vessels have namesakes: joined by reference only
            # the entry's own name first (an alias may also name a sibling: "Ansar al-Shari'a"), then any name
            candidates = sorted({i for k in _keys(new.name) for i in self.names.get((new.kind, k), ())}) or sorted(
                {i for n in names for k in _keys(n) for i in self.names.get((new.kind, k), ())})
            if len(candidates) == 1 and self._free(candidates[0], entry):
                target = self.by_id[candidates[0]]
                report.by_name += 1
            elif candidates:
                report.ambiguous.append((new.id, candidates))
        if target is None:
            report.new += 1
            target = replace(new, aliases=list(new.aliases), designations=list(new.designations), refs=[])
            self.out.append(target)
            self.by_id[target.id] = target
        else:
            known = {a.text.casefold() for a in target.aliases}
            target.aliases += [a for a in new.aliases if a.text.casefold() not in known]
            target.designations += [d for d in new.designations if d not in target.designations]
        target.refs = sorted(set(target.refs) | entry.links)
        self._index(target, names, new.designations)

    def _free(self, org_id: str, entry: Listed) -> bool:
        """Whether the organisation holds no other entry of the entry's list."""
        keys = {(list_key(d), d.ref) for d in entry.org.designations}
        return all(key != k or ref == r for key, ref in self.lists.get(org_id, ()) for k, r in keys)


def merge_listed(orgs: Iterable[Organisation], entries: Iterable[Listed]) -> tuple[list[Organisation], MergeReport]:
    """The organisations with every entry joined to the one it names, or added; copies, inputs unchanged."""
    merger = _Merger(orgs)
    report = MergeReport()
    for entry in entries:
        merger.add(entry, report)
    return merger.out, report


def drop_list(orgs: Iterable[Organisation], key: str) -> list[Organisation]:
    """The organisations without the designations of list ``key`` (before importing a new snapshot of it).

    An organisation left with no designation and no curated entry is dropped.
    """
    out = []
    for org in orgs:
        kept = [d for d in org.designations if list_key(d) != key]
        if kept or org.curated:
            out.append(replace(org, designations=kept))
    return out


def generic_words(orgs: Iterable[Organisation]) -> frozenset[str]:
    """Words found in the imported names of at least GENERIC_MIN_ORGS organisations ("trading", "bank")."""
    counts: Counter[str] = Counter()
    for org in orgs:
        if org.kind != "organisation":
            continue
        counts.update({t.key for a in org.aliases if a.source in IMPORTED_SOURCES for t in tokens(a.text)})
    return frozenset(w for w, n in counts.items() if n >= GENERIC_MIN_ORGS)


def guard_alias(alias: Alias, generic: frozenset[str]) -> Alias:
    """An imported name with the matcher's safeguards set (curated and Russian-list names pass unchanged)."""
    if alias.source not in IMPORTED_SOURCES:
        return alias
    alias = Alias(alias.text, alias.lang, alias.source)  # decided afresh each time the registry changes
    toks = [t for t in tokens(alias.text) if not t.particle]
    content = [t.key for t in toks if t.key not in _CONNECTORS]
    distinctive = [k for k in content if k not in generic and not k.isdigit()]
    if not distinctive:
        return replace(alias, in_text=False)  # "General Directorate", "Trading Company LLC"
    if len(toks) == 1 and len(toks[0].key) <= ACRONYM_MAX:
        return replace(alias, case_sensitive=True, needs_context=True, strict=True)  # "AQI", "JTJ"
    return replace(alias, needs_context=len(content) == 1, strict=True)  # "Hizballah", "The Youth"


def guard_aliases(orgs: list[Organisation]) -> list[Organisation]:
    """Every organisation with its imported names guarded (see :func:`guard_alias`), and an
    undated listing dropped where the same list and programme also give it dated (the SDN's [FTO]
    tag beside the curated FTO table; an SDN programme beside its curated start date)."""
    generic = generic_words(orgs)
    owners: dict[str, set[str]] = {}
    for org in orgs:
        if org.kind == "organisation":
            for alias in org.aliases:
                owners.setdefault(name_key(alias.text), set()).add(org.id)
    out = []
    for org in orgs:
        aliases = []
        for alias in org.aliases:
            guarded = guard_alias(alias, generic)
            if guarded.source in IMPORTED_SOURCES and len(owners.get(name_key(alias.text), ())) > 1:
                guarded = replace(guarded, in_text=False)  # names two organisations: identifies neither
            aliases.append(guarded)
        out.append(replace(org, aliases=aliases, designations=_dedupe(org.designations)))
    return out


def _dedupe(designations: list[Designation]) -> list[Designation]:
    dated = {(d.jurisdiction, d.list, d.programme) for d in designations if d.since}
    return [d for d in designations if d.since or (d.jurisdiction, d.list, d.programme) not in dated]

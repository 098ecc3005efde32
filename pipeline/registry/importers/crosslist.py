"""One organisation across lists: merge the entries of the official lists into registry organisations.

An entry joins an organisation first by a reference number both carry (UK entries give the UN
reference of a UN-derived listing), then, organisations only (persons have namesakes), by name: one of its names, folded as the alias matcher
folds it, is a name of exactly one organisation of the same kind, and that organisation has no
other entry of the same list (two entries of one list are two organisations). Names that are
too weak to identify anything (a short acronym) are never used, and two organisations that
merely share a word never merge: a name matches only in full. Last, a company listed under
its legal name joins by its core name (:mod:`legalform`: "PJSC Promsvyazbank" and
"PROMSVYAZBANK PUBLIC JOINT STOCK COMPANY"), when exactly one organisation has that core or
name and no other entry of the same list has it.

Then the names imported from the lists get the matcher's precision safeguards
(:func:`guard_aliases`): acronyms as written and near a context cue, single-word names near a
context cue, every name capitalised as a name, and names made only of generic words (words
that many listed names share: "Trading", "Company", "Bank") or shared by two organisations the
merge kept apart ("Ansar al-Sharia" of Benghazi and of Derna) not looked for in text at all.
A company's core name is added as an alias and looked for only when distinctive
(:func:`legalform.distinctive_core`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from pipeline.aliases.text import tokens
from pipeline.lexicon import load_lexicon
from pipeline.registry.importers import ofac, uk
from pipeline.registry.importers.legalform import core_name, dictionary_word, distinctive_core, latin
from pipeline.registry.importers.official import Listed
from pipeline.registry.model import Alias, Designation, Organisation

#: alias sources of the imported lists (their names get the safeguards)
IMPORTED_SOURCES = frozenset({"UN", "US-SDN", "GB-UKSL", "EU-FSF"})
MIN_NAME_KEY = 5       # a one-word name shorter than this (an acronym) never merges two entries
MIN_CORE_KEY = 6       # a one-word core name shorter than this never merges two entries
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


def core_keys(name: str) -> set[str]:
    """The keys of the name's core, if it has one that can join lists (a one-word core must be a
    long non-dictionary word: "Promsvyazbank", not "Rossiya" or "Progress"); Cyrillic also in Latin."""
    core = core_name(name)
    if core is None:
        return set()
    keys = {name_key(core), name_key(latin(core))}
    return {k for k in keys if " " in k or (len(k) >= MIN_CORE_KEY and not dictionary_word(k))}


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
    by_core: int = 0
    new: int = 0
    ambiguous: list[tuple[str, list[str]]] = field(default_factory=list)  # (entry id, candidate org ids)

    def summary(self) -> str:
        return (f"{self.entries} entries: {self.by_ref} joined by reference number, {self.by_name} by name, "
                f"{self.by_core} by core name, "
                f"{self.new} new organisations, {len(self.ambiguous)} left apart (name shared by several)")


class _Merger:
    def __init__(self, orgs: Iterable[Organisation]) -> None:
        self.out = [replace(o, aliases=list(o.aliases), designations=list(o.designations), refs=list(o.refs))
                    for o in orgs]
        self.links: dict[str, Organisation] = {}
        self.names: dict[tuple[str, str], set[str]] = {}
        self.by_id = {o.id: o for o in self.out}
        self.lists: dict[str, set[tuple[str, str | None]]] = {}
        self.cores: dict[tuple[str, str], set[str]] = {}
        self.shared: set[str] = set()  # core keys two entries of the list being merged have
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
            for key in core_keys(name):
                self.cores.setdefault((org.kind, key), set()).add(org.id)

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
            else:
                target = self._by_core(entry, names, report)
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

    def _by_core(self, entry: Listed, names: list[str], report: MergeReport) -> Organisation | None:
        """The one organisation whose core or name is the entry's core, or whose core is its name."""
        kind = entry.org.kind
        cores = {k for n in names for k in core_keys(n)} - self.shared
        plain = {k for n in names for k in _keys(n) if _strong(k)} - self.shared
        found = {i for k in cores for i in self.cores.get((kind, k), set()) | self.names.get((kind, k), set())}
        found |= {i for k in plain for i in self.cores.get((kind, k), ())}
        candidates = sorted(found)
        if len(candidates) != 1 or not self._free(candidates[0], entry):
            if candidates:
                report.ambiguous.append((entry.org.id, candidates))
            return None
        report.by_core += 1
        return self.by_id[candidates[0]]

    def _free(self, org_id: str, entry: Listed) -> bool:
        """Whether the organisation holds no other entry of the entry's list."""
        keys = {(list_key(d), d.ref) for d in entry.org.designations}
        return all(key != k or ref == r for key, ref in self.lists.get(org_id, ()) for k, r in keys)


def merge_listed(orgs: Iterable[Organisation], entries: Iterable[Listed]) -> tuple[list[Organisation], MergeReport]:
    """The organisations with every entry joined to the one it names, or added; copies, inputs unchanged."""
    merger = _Merger(orgs)
    entries = list(entries)
    merger.shared = _shared_keys(entries)
    report = MergeReport()
    for entry in entries:
        merger.add(entry, report)
    return merger.out, report


def _shared_keys(entries: list[Listed]) -> set[str]:
    """Name and core keys that two entries of one list have: they name neither for a join by core."""
    counts: Counter[str] = Counter()
    for entry in entries:
        names = [entry.org.name] + [a.text for a in entry.org.aliases]
        counts.update({k for n in names for k in core_keys(n) | _keys(n)})
    return {k for k, n in counts.items() if n > 1}


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


def word_orgs(orgs: Iterable[Organisation]) -> Counter[str]:
    """How many organisations have each word in their imported names."""
    counts: Counter[str] = Counter()
    for org in orgs:
        if org.kind != "organisation":
            continue
        counts.update({t.key for a in org.aliases if a.source in IMPORTED_SOURCES for t in tokens(a.text)})
    return counts


def guard_alias(alias: Alias, generic: frozenset[str], alone: bool = False) -> Alias:
    """An imported name with the matcher's safeguards set (curated and Russian-list names pass unchanged).

    ``alone``: a one-word core may stand for its company (see :func:`_alone`)."""
    if alias.source not in IMPORTED_SOURCES:
        return alias
    # decided afresh each time the registry changes
    alias = Alias(alias.text, alias.lang, alias.source, core=alias.core)
    toks = [t for t in tokens(alias.text) if not t.particle]
    content = [t.key for t in toks if t.key not in _CONNECTORS]
    distinctive = [k for k in content if k not in generic and not k.isdigit()]
    if not distinctive:
        return replace(alias, in_text=False)  # "General Directorate", "Trading Company LLC"
    if alias.core:  # a company's name without its legal form; an acronym ("ABC" of "ABC LLC") is lookup-only
        one_word = " " not in alias.text.strip()  # "Promsvyazbank", "Almaz-Antey"
        return replace(alias, strict=True, in_text=distinctive_core(content, generic.__contains__, one_word, alone))
    if len(toks) == 1 and len(toks[0].key) <= ACRONYM_MAX:
        return replace(alias, case_sensitive=True, needs_context=True, strict=True)  # "AQI", "JTJ"
    return replace(alias, needs_context=len(content) == 1, strict=True)  # "Hizballah", "The Youth"


def guard_aliases(orgs: list[Organisation]) -> list[Organisation]:
    """Every organisation with its imported names guarded (see :func:`guard_alias`), and an
    undated listing dropped where the same list and programme also give it dated (the SDN's [FTO]
    tag beside the curated FTO table; an SDN programme beside its curated start date)."""
    orgs = [replace(o, aliases=with_cores(o.aliases)) if o.kind == "organisation" else o for o in orgs]
    words = word_orgs(orgs)
    generic = frozenset(w for w, n in words.items() if n >= GENERIC_MIN_ORGS)  # "trading", "bank"
    owners: dict[str, set[str]] = {}
    for org in orgs:
        if org.kind == "organisation":
            for alias in org.aliases:
                owners.setdefault(name_key(alias.text), set()).add(org.id)
    out = []
    for org in orgs:
        aliases = []
        for alias in org.aliases:
            guarded = guard_alias(alias, generic, alias.core and _alone(org, alias, words))
            if guarded.source in IMPORTED_SOURCES and len(owners.get(name_key(alias.text), ())) > 1:
                guarded = replace(guarded, in_text=False)  # names two organisations: identifies neither
            aliases.append(guarded)
        out.append(replace(org, aliases=aliases, designations=_dedupe(org.designations)))
    return out


def _alone(org: Organisation, core: Alias, words: Counter[str]) -> bool:
    """Whether a one-word core (perhaps hyphenated) may stand for its company in text: no other
    organisation has its words in its names ("Metallurg" of "Metallurg-Tulamash", "Anglo" of many),
    and the lists give it as the company's name more than once (two lists, or two of its names:
    "PJSC Promsvyazbank", "Promsvyazbank PJSC"), so one listed name ("MACEDONIA LTDA.") is not enough."""
    key = name_key(core.text)
    if " " in core.text.strip() or any(words[part] > 1 for part in key.split()):
        return False
    named = [a for a in org.aliases if not a.core and a.source in IMPORTED_SOURCES
             and key in {name_key(a.text), name_key(core_name(a.text) or "")}]
    return len(named) >= 2


def with_cores(aliases: list[Alias]) -> list[Alias]:
    """The aliases with each imported Latin name's core name added (``core``), once per key;
    cores found earlier are derived afresh."""
    out = [a for a in aliases if not a.core]
    known = {name_key(a.text) for a in out}
    for alias in list(out):
        core = core_name(alias.text) if alias.source in IMPORTED_SOURCES else None
        if core and name_key(core) not in known and not any("а" <= c <= "я" for c in core.casefold()):
            known.add(name_key(core))
            out.append(Alias(core, alias.lang, alias.source, core=True))
    return out


def _dedupe(designations: list[Designation]) -> list[Designation]:
    dated = {(d.jurisdiction, d.list, d.programme) for d in designations if d.since}
    return [d for d in designations if d.since or (d.jurisdiction, d.list, d.programme) not in dated]

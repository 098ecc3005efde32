"""``wirestream registry …``: build, import into, and query the designation registry."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from pipeline.registry.importers.build import add_lists, build_bundled, build_registry, merge
from pipeline.registry.importers.crosslist import MergeReport
from pipeline.registry.importers.designated import DESIGNATED_PATH
from pipeline.registry.importers.official import SHARED_REGISTRIES
from pipeline.registry.model import TAGGED_KINDS
from pipeline.registry.importers.opensanctions import import_opensanctions
from pipeline.aliases import registry_specs
from pipeline.aliases.matcher import AliasMatcher
from pipeline.registry.registry import BUNDLED_PATH, Registry, read_registry
from pipeline.registry.wording import dates_text

registry_app = typer.Typer(help="Designation registry: import official lists, look up organisations.",
                           no_args_is_help=True)

RU_SNAPSHOT = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "registries" / "ru"
OutOption = Annotated[Path, typer.Option("--out", "-o", help="registry file to write")]


def _write(registry: Registry, out: Path) -> None:
    """Write then rename: a running worker never reads a half-written registry."""
    partial = out.with_name(f".{out.name}.partial")
    partial.write_bytes(registry.to_json())
    partial.replace(out)
    kinds = Counter(record.kind for record in registry)
    counted = ", ".join(f"{n} {kind}{'s' if n != 1 else ''}" for kind, n in sorted(kinds.items()))
    typer.echo(f"{out}: {counted}, version {registry.version}")


@registry_app.command("import-ru")
def import_ru_cmd(ru_dir: Annotated[Path, typer.Argument(help="directory of the Russian lists")] = RU_SNAPSHOT,
                  out: OutOption = BUNDLED_PATH,
                  taken: Annotated[str | None, typer.Option(help="snapshot date (ISO) if not in snapshots.yaml")]
                  = None) -> None:
    """Build the registry from the Russian lists plus the curated English layer."""
    _write(build_registry(ru_dir, taken=taken), out)


IntoOption = Annotated[Path, typer.Option(help="registry to add the list to")]
PreviousOption = Annotated[list[Path] | None, typer.Option(
    "--previous", help="older snapshots of the same list (delistings and first-seen dates by difference)")]
AllKindsOption = Annotated[bool, typer.Option(
    "--all-kinds", help="keep persons, vessels and aircraft too (for lookups; only organisations are tagged)")]


def _kinds(all_kinds: bool) -> frozenset[str]:
    return frozenset({"organisation", "person", "vessel", "aircraft"}) if all_kinds else TAGGED_KINDS


def _report(reports: dict[str, MergeReport]) -> None:
    for family, report in reports.items():
        typer.echo(f"{family}: {report.summary()}")


def _import_list(family: str, snapshot: Path, previous: list[Path] | None, into: Path, out: Path,
                 all_kinds: bool) -> None:
    registry, reports = add_lists(read_registry(into), {family: [*(previous or []), snapshot]}, _kinds(all_kinds))
    _report(reports)
    _write(registry, out)


@registry_app.command("import-un")
def import_un_cmd(file: Annotated[Path, typer.Argument(help="UN consolidated list XML")],
                  previous: PreviousOption = None, into: IntoOption = BUNDLED_PATH, out: OutOption = BUNDLED_PATH,
                  all_kinds: AllKindsOption = False) -> None:
    """Import the UN Security Council Consolidated List into a registry (replacing an earlier import)."""
    _import_list("UN", file, previous, into, out, all_kinds)


@registry_app.command("import-ofac")
def import_ofac_cmd(file: Annotated[Path, typer.Argument(help="OFAC sdn.csv (date in the file name)")],
                    previous: PreviousOption = None, into: IntoOption = BUNDLED_PATH, out: OutOption = BUNDLED_PATH,
                    all_kinds: AllKindsOption = False) -> None:
    """Import the US OFAC SDN list into a registry (replacing an earlier import)."""
    _import_list("US-SDN", file, previous, into, out, all_kinds)


@registry_app.command("import-uk")
def import_uk_cmd(directory: Annotated[Path, typer.Argument(help="folder of subjects.csv and subject_names.csv")],
                  previous: PreviousOption = None, into: IntoOption = BUNDLED_PATH, out: OutOption = BUNDLED_PATH,
                  all_kinds: AllKindsOption = False) -> None:
    """Import the UK Sanctions List into a registry (replacing an earlier import)."""
    _import_list("GB-UKSL", directory, previous, into, out, all_kinds)


@registry_app.command("import-eu")
def import_eu_cmd(file: Annotated[Path, typer.Argument(help="EU sanctions CSV (date in the file name)")],
                  previous: PreviousOption = None, into: IntoOption = BUNDLED_PATH, out: OutOption = BUNDLED_PATH,
                  all_kinds: AllKindsOption = False) -> None:
    """Import the EU consolidated financial sanctions list into a registry (replacing an earlier import)."""
    _import_list("EU-FSF", file, previous, into, out, all_kinds)


@registry_app.command("import-curated")
def import_curated_cmd(file: Annotated[Path, typer.Argument(help="curated designation tables")] = DESIGNATED_PATH,
                       into: IntoOption = BUNDLED_PATH, out: OutOption = BUNDLED_PATH) -> None:
    """Import the curated tables (FTO, UK proscription, SDN and EU dates; Canada, Australia), each entry cited."""
    registry, reports = add_lists(read_registry(into), {}, designated=file)
    _report(reports)
    _write(registry, out)


@registry_app.command("build")
def build_cmd(ru_dir: Annotated[Path, typer.Argument(help="directory of the Russian lists")] = RU_SNAPSHOT,
              shared: Annotated[Path, typer.Option(help="folder of the other lists' snapshots")] = SHARED_REGISTRIES,
              out: OutOption = BUNDLED_PATH, all_kinds: AllKindsOption = False) -> None:
    """Build the bundled registry: Russian lists + curated layer, then the UN, US, UK, EU lists and curated tables."""
    registry, reports = build_bundled(ru_dir, shared, _kinds(all_kinds))
    _report(reports)
    _write(registry, out)


@registry_app.command("import-opensanctions")
def import_opensanctions_cmd(file: Annotated[Path, typer.Argument(help="targets.nested.json (JSON lines)")],
                             into: Annotated[Path, typer.Option(help="registry to extend")] = BUNDLED_PATH,
                             out: OutOption = BUNDLED_PATH) -> None:
    """Add OpenSanctions designations (FTO, UK, EU, UN lists) to a registry."""
    base = read_registry(into)
    _write(Registry(merge(base.organisations, import_opensanctions(file)),
                    sources={**base.sources, file.name: "opensanctions"}), out)


@registry_app.command("lookup")
def lookup_cmd(text: Annotated[str, typer.Argument(help="a name or a sentence")],
               on: Annotated[str, typer.Option("--date", help="ISO date")] = date.today().isoformat(),
               registry: Annotated[Path, typer.Option(help="registry file")] = BUNDLED_PATH) -> None:
    """Which registry organisations ``text`` names, and their designations on ``--date``."""
    reg = read_registry(registry)
    day = date.fromisoformat(on)
    matcher = AliasMatcher(registry_specs(reg, kinds={o.kind for o in reg}, lookup=True))
    for hit in matcher.org_hits(matcher.scan(text), context_free=True):
        org = reg.by_id[hit.org_id]
        typer.echo(f"{hit.text!r} → {org.id} ({org.name})")
        for d in sorted(org.designations, key=lambda d: (d.jurisdiction, d.since or d.seen or "")):
            typer.echo(f"  {d.status(day):8} {d.jurisdiction} {d.category:10} "
                       f"{dates_text(d.since, d.until, d.seen, d.absent)} · "
                       f"{d.authority}: {d.list}{f' [{d.programme}]' if d.programme else ''}"
                       f"{f' {d.ref}' if d.ref else ''}")

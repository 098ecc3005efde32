"""``wirestream registry …``: build, import into, and query the designation registry."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from pipeline.registry.importers.build import build_registry, merge
from pipeline.registry.importers.opensanctions import import_opensanctions
from pipeline.aliases import registry_specs
from pipeline.aliases.matcher import AliasMatcher
from pipeline.registry.registry import BUNDLED_PATH, Registry, read_registry

registry_app = typer.Typer(help="Designation registry: import official lists, look up organisations.",
                           no_args_is_help=True)

RU_SNAPSHOT = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "registries" / "ru"
OutOption = Annotated[Path, typer.Option("--out", "-o", help="registry file to write")]


def _write(registry: Registry, out: Path) -> None:
    out.write_bytes(registry.to_json())
    typer.echo(f"{out}: {len(registry)} organisations, version {registry.version}")


@registry_app.command("import-ru")
def import_ru_cmd(ru_dir: Annotated[Path, typer.Argument(help="directory of the Russian lists")] = RU_SNAPSHOT,
                  out: OutOption = BUNDLED_PATH,
                  taken: Annotated[str | None, typer.Option(help="snapshot date (ISO) if not in snapshots.yaml")]
                  = None) -> None:
    """Build the registry from the Russian lists plus the curated English layer."""
    _write(build_registry(ru_dir, taken=taken), out)


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
    matcher = AliasMatcher(registry_specs(reg))
    for hit in matcher.org_hits(matcher.scan(text), context_free=True):
        org = reg.by_id[hit.org_id]
        typer.echo(f"{hit.text!r} → {org.id} ({org.name})")
        for d in org.designations:
            typer.echo(f"  {d.status(day):8} {d.jurisdiction} {d.category:13} {d.since}..{d.until or ''} {d.authority}")

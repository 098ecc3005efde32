"""Which stages run, in which order, built from configuration.

``WIRESTREAM_STAGES`` lists stage names in order (default: clean, ner, quotes,
designations). A name is a built-in stage, a stage another package registers
under the ``wirestream.stages`` entry-point group, or a ``module:Class``
reference; ``WIRESTREAM_BACKENDS`` swaps or adds a language backend of a
stage (``{"ner": {"en": "mypackage.ner:MyBackend"}}``). Each stage is built
with its own settings only and set up through the same lifecycle.
"""

from __future__ import annotations

from importlib.metadata import entry_points

from pipeline.config import Settings
from pipeline.stages.base import LanguageStage, Stage, StageConfig, load_object

BUILTIN: dict[str, str] = {
    "clean": "pipeline.stages.clean:CleanStage",
    "ner": "pipeline.stages.ner:NerStage",
    "quotes": "pipeline.stages.quotes:QuoteStage",
    "designations": "pipeline.stages.designations:DesignationStage",
}
ENTRY_POINT_GROUP = "wirestream.stages"


def stage_type(name: str) -> type[Stage[StageConfig]]:
    """The stage class a configured name refers to."""
    if ":" in name:
        reference = name
    elif name in BUILTIN:
        reference = BUILTIN[name]
    else:
        found = entry_points(group=ENTRY_POINT_GROUP, name=name)
        if not found:
            raise ValueError(f"unknown stage {name!r}: not one of {sorted(BUILTIN)}, "
                             f"not registered under {ENTRY_POINT_GROUP!r}, not a module:Class reference")
        reference = next(iter(found)).value
    kind = load_object(reference)
    if not (isinstance(kind, type) and issubclass(kind, Stage)):
        raise TypeError(f"{reference} is not a Stage")
    return kind


def build_stages(settings: Settings) -> list[Stage[StageConfig]]:
    """The configured stages in order, each with its own settings (not yet set up)."""
    stages: list[Stage[StageConfig]] = []
    for name in settings.stages:
        kind = stage_type(name)
        config = kind.config_type.from_settings(settings)
        if issubclass(kind, LanguageStage):
            backends = {**kind.backend_types, **settings.backends.get(kind.name, {})}
            stages.append(kind(config, backends, preload=settings.preload_languages))
        else:
            stages.append(kind(config))
    names = [stage.name for stage in stages]
    if len(set(names)) != len(names):
        raise ValueError(f"a stage is configured twice: {names}")
    return stages

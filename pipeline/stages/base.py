"""The stage interface: every enrichment step is a small subclass of :class:`Stage`.

A stage knows nothing of Kafka. It annotates articles in place: it reads
``article.text``, ``article.doc`` and the sections earlier stages wrote, and
writes its own. It gets only its own settings (a :class:`StageConfig`), is
built and set up the same way as every other stage (:mod:`pipeline.stages.registry`),
and says which languages it handles; articles in other languages skip it and
the record lists the stage in ``skipped_stages``.

A stage whose work depends on the language is a :class:`LanguageStage`: one
:class:`Backend` per language behind the same interface, chosen per article.
To fail one article a stage raises (a :class:`~pipeline.errors.WirestreamError`
or any exception); the runner isolates the failure to that article.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
import logging
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import import_module
from typing import ClassVar, Generic, Self, TypeVar

from pydantic import BaseModel, ConfigDict

from pipeline.article import Article
from pipeline.config import Settings
from pipeline.sections.provenance import ModelInfo


class StageConfig(BaseModel):
    """A stage's own settings: the fields of :class:`Settings` it names, and nothing else (no credentials)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    @classmethod
    def from_settings(cls, settings: Settings) -> Self:
        """Pick this config's fields out of the process settings."""
        return cls.model_validate({name: getattr(settings, name) for name in cls.model_fields})


class NoConfig(StageConfig):
    """For stages that need no settings."""


log = logging.getLogger(__name__)

ConfigT = TypeVar("ConfigT", bound=StageConfig, covariant=True)


@dataclass(frozen=True, slots=True)
class StageProvenance:
    """What a consumer needs to reproduce a stage's output: the model it ran and its data versions."""

    model: ModelInfo | None = None
    data_versions: Mapping[str, str] = field(default_factory=dict)


class Stage(ABC, Generic[ConfigT]):
    """One enrichment step over articles of the languages it handles."""

    #: short name used in timings, metrics labels, dead letters and ``WIRESTREAM_STAGES``
    name: ClassVar[str]
    #: the settings class this stage is built with
    config_type: ClassVar[type[StageConfig]] = NoConfig
    #: True: the stage gets up to ``stage_chunk_size`` articles per call (a model parses them at once)
    #: and its time is recorded per chunk; False: one article per call, timed per article
    batched: ClassVar[bool] = False

    def __init__(self, config: ConfigT) -> None:
        self.config = config

    @property
    def languages(self) -> frozenset[str] | None:
        """Language codes handled; None for every language."""
        return None

    def handles(self, language: str) -> bool:
        """Whether articles in ``language`` go through this stage."""
        return self.languages is None or language in self.languages

    def setup(self) -> None:
        """Load models and data; called once per process before the first article."""

    @abstractmethod
    def process(self, articles: Sequence[Article]) -> None:
        """Annotate ``articles`` (all in languages this stage handles) in place."""

    def skip(self, article: Article) -> None:
        """Write this stage's section for an article in a language it does not handle.

        List sections stay empty; a stage with a structured section writes its empty form.
        """

    def provenance(self) -> StageProvenance:
        """The model and data versions behind this stage's output (after :meth:`setup`)."""
        return StageProvenance()


class Backend(ABC, Generic[ConfigT]):
    """One language's implementation of a :class:`LanguageStage`."""

    def __init__(self, config: ConfigT) -> None:
        self.config = config

    def setup(self) -> None:
        """Load this language's models and data."""

    @abstractmethod
    def process(self, articles: Sequence[Article]) -> None:
        """Annotate articles of this backend's language in place."""

    def provenance(self) -> StageProvenance:
        """The model and data versions behind this backend's output."""
        return StageProvenance()


def load_object(reference: str) -> object:
    """The object a ``"package.module:Name"`` reference names."""
    module, _, name = reference.partition(":")
    if not name:
        raise ValueError(f"{reference!r} is not a 'module:Name' reference")
    return getattr(import_module(module), name)


class LanguageStage(Stage[ConfigT]):
    """A stage with one backend per language; ``backend_types`` maps a language code to its backend class.

    Backends of the ``preload`` languages (all when None) are set up with the stage; the others
    on their language's first article, so a worker that never sees Russian copy never loads
    the Russian models.
    """

    backend_types: ClassVar[Mapping[str, str]]

    def __init__(self, config: ConfigT, backend_types: Mapping[str, str] | None = None,
                 preload: Collection[str] | None = None) -> None:
        super().__init__(config)
        self._backend_types = dict(backend_types if backend_types is not None else self.backend_types)
        self._preload = None if preload is None else frozenset(preload)
        self._classes: dict[str, type[Backend[ConfigT]]] = {}
        #: the backends set up so far, by language
        self.backends: dict[str, Backend[ConfigT]] = {}

    @property
    def languages(self) -> frozenset[str]:
        return frozenset(self._backend_types)

    def setup(self) -> None:
        for language, reference in self._backend_types.items():
            backend_type = load_object(reference)
            if not (isinstance(backend_type, type) and issubclass(backend_type, Backend)):
                raise TypeError(f"{reference} (backend of {self.name!r} for {language!r}) is not a Backend")
            self._classes[language] = backend_type
            if self._preload is None or language in self._preload:
                self._set_up(language)

    def _set_up(self, language: str) -> Backend[ConfigT]:
        log.info("stage %s: setting up the %s backend", self.name, language)
        backend = self._classes[language](self.config)
        backend.setup()
        self.backends[language] = backend
        return backend

    def process(self, articles: Sequence[Article]) -> None:
        by_language: dict[str, list[Article]] = {}
        for article in articles:
            by_language.setdefault(article.language, []).append(article)
        for language, group in by_language.items():
            (self.backends.get(language) or self._set_up(language)).process(group)

    def provenance(self) -> StageProvenance:
        """The data versions of the backends set up so far (each names its keys by language:
        ``lexicon.en``), and the first one's model."""
        versions: dict[str, str] = {}
        models = []
        for backend in self.backends.values():
            provenance = backend.provenance()
            versions.update(provenance.data_versions)
            models += [provenance.model] if provenance.model else []
        return StageProvenance(model=models[0] if models else None, data_versions=versions)

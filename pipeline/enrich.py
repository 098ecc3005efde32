"""The runner: messages in, enriched records and dead letters out, with no Kafka in sight.

The Faust agent and ``wirestream enrich`` both build it with
:func:`build_enricher` and call :meth:`Enricher.enrich` with a batch of
messages and get one :class:`Outcome` per message, in order.
That single entry point is what makes the offset accounting provable: every
message becomes exactly one enriched record or one dead letter.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from pipeline.article import Article, Origin
from pipeline.config import Settings
from pipeline.dedupe import RecentArticles
from pipeline.errors import DuplicateArticle, RecordTooLarge, StageError, WirestreamError
from pipeline.metrics import (
    DEAD_LETTERS,
    STAGE_BATCH_SIZE,
    STAGE_RECORDS_FAILED,
    STAGE_RECORDS_IN,
    STAGE_RECORDS_OUT,
    STAGE_SECONDS,
    registry_reloaded,
)
from pipeline.records import dead_letter, decode_raw_article, enriched_record
from pipeline.registry.registry import forget_loaded_registries, registry_stamp
from pipeline.sections.provenance import ChunkTiming
from pipeline.sections.record import DeadLetter, EnrichedRecord, encode
from pipeline.stages.base import Stage, StageConfig, StageProvenance
from pipeline.stages.registry import build_stages

log = logging.getLogger(__name__)

@dataclass(frozen=True, slots=True)
class Message:
    """A consumed message, decoupled from any Kafka client."""

    value: bytes | None
    key: bytes | None
    origin: Origin


@dataclass(frozen=True)
class Outcome:
    """What became of one message: an enriched record or a dead letter, ready to produce."""

    message: Message
    record: EnrichedRecord | DeadLetter

    @property
    def dead(self) -> bool:
        """Whether the message became a dead letter."""
        return isinstance(self.record, DeadLetter)

    @property
    def key(self) -> bytes | None:
        """Output key: the article id when known, else the input key."""
        article_id = self.record.article_id if isinstance(self.record, DeadLetter) else self.record.id
        return article_id.encode() if article_id else self.message.key

    @cached_property
    def value(self) -> bytes:
        """The serialised record (computed once: it is both size-checked and produced)."""
        return encode(self.record)

    @classmethod
    def dead_letter(cls, message: Message, error: BaseException, article_id: str | None) -> Outcome:
        """The dead-letter outcome of ``message``, counted in the metrics."""
        record = dead_letter(message.value, message.key, message.origin, error, article_id)
        DEAD_LETTERS.labels(record.error_class, record.stage).inc()
        return cls(message, record)


def _stage_error(stage: Stage[StageConfig], exc: Exception) -> WirestreamError:
    """Keep typed pipeline errors; wrap anything else so the dead letter names the stage."""
    if isinstance(exc, WirestreamError):
        if exc.stage == "decode":
            exc.stage = stage.name
        return exc
    wrapped = StageError(stage.name, f"stage {stage.name!r} failed")
    wrapped.__cause__ = exc
    return wrapped


class Enricher:
    """Runs the stages in sequence over batches; isolates failures to single articles.

    A stage handles either one article per call (timed per article) or, when
    ``batched``, at most ``stage_chunk_size`` articles per call (timed per
    chunk): spaCy's working memory grows with the tokens of one ``nlp.pipe``
    batch (32 articles of ~700 words peaked at ~720 MB, 8 at ~390 MB, at about
    the same speed; see docs/performance.md, Memory), while the Kafka batch, the
    unit of publishing and acknowledgement, stays ``batch_size``.
    """

    def __init__(self, settings: Settings, stages: Sequence[Stage[StageConfig]]) -> None:
        self.settings = settings
        self.stages = list(stages)
        self._recent = RecentArticles(settings.dedupe_window)
        self._registry_stamp = registry_stamp(settings.registry_path)

    def setup(self) -> None:
        """Load every stage's models and data (once per process)."""
        for stage in self.stages:
            stage.setup()

    @property
    def provenance(self) -> StageProvenance:
        """The data versions every stage reports for the backends set up so far, and the first model."""
        versions: dict[str, str] = {}
        models = []
        for stage in self.stages:
            provenance = stage.provenance()
            versions.update(provenance.data_versions)
            models += [provenance.model] if provenance.model else []
        return StageProvenance(model=models[0] if models else None, data_versions=versions)

    def reload_registry_if_replaced(self) -> bool:
        """Rebuild the stages over a registry file written since they were set up (a list update).

        Called between batches, so every article of a batch sees one registry and no
        message is dropped or repeated; a file that cannot be read leaves the stages as
        they were, and is tried again before the next batch.
        """
        stamp = registry_stamp(self.settings.registry_path)
        if stamp == self._registry_stamp:
            return False
        forget_loaded_registries()
        try:
            stages = build_stages(self.settings)
            for stage in stages:
                stage.setup()
        except Exception:  # noqa: BLE001 - a bad file must not stop the worker
            log.exception("the registry file changed but could not be loaded; keeping the stages as they were")
            return False
        self.stages, self._registry_stamp = stages, stamp
        version = str(self.provenance.data_versions.get("registry"))
        registry_reloaded(version)
        log.info("registry reloaded: version %s", version)
        return True

    def enrich(self, messages: Sequence[Message]) -> list[Outcome]:
        """One outcome per message, in input order (the registry reloaded first if its file was replaced)."""
        self.reload_registry_if_replaced()
        failures: dict[int, tuple[BaseException, str | None]] = {}
        articles: dict[int, Article] = {}
        for index, message in enumerate(messages):
            try:
                raw = decode_raw_article(message.value, self.settings.max_message_bytes)
            except WirestreamError as exc:
                failures[index] = (exc, None)
                continue
            try:
                self._recent.check(raw, message.origin)
            except DuplicateArticle as exc:
                failures[index] = (exc, raw.id)
                continue
            articles[index] = Article(raw=raw, origin=message.origin)

        for stage in self.stages:
            batch = []
            for index, article in articles.items():
                if index in failures:
                    continue
                if not stage.handles(article.language):
                    article.skipped_stages.append(stage.name)
                    stage.skip(article)
                    continue
                batch.append((index, article))
            size = self.settings.stage_chunk_size if stage.batched else 1
            for start in range(0, len(batch), size):
                for index, error in self._run_stage(stage, batch[start:start + size]).items():
                    failures[index] = (error, articles[index].raw.id)

        outcomes = []
        provenance = self.provenance  # after the stages: a backend set up by this batch counts
        for index, message in enumerate(messages):
            if index in failures:
                outcomes.append(Outcome.dead_letter(message, *failures[index]))
                continue
            outcome = Outcome(message, enriched_record(articles[index], provenance))
            if len(outcome.value) > self.settings.max_record_bytes:
                error = RecordTooLarge(f"the enriched record is {len(outcome.value)} bytes, "
                                       f"the limit is {self.settings.max_record_bytes}")
                outcome = Outcome.dead_letter(message, error, articles[index].raw.id)
            outcomes.append(outcome)
        return outcomes

    def _run_stage(self, stage: Stage[StageConfig], batch: list[tuple[int, Article]]) -> dict[int, WirestreamError]:
        """Run one stage over a chunk (one article unless batched); on failure retry one by one."""
        if not batch:
            return {}
        STAGE_BATCH_SIZE.labels(stage.name).observe(len(batch))
        STAGE_RECORDS_IN.labels(stage.name).inc(len(batch))
        started = time.perf_counter()
        try:
            stage.process([article for _, article in batch])
            failed: dict[int, WirestreamError] = {}
        except Exception as batch_exc:  # noqa: BLE001 - any stage failure is isolated below
            if len(batch) == 1:
                failed = {batch[0][0]: _stage_error(stage, batch_exc)}
            else:
                log.info("stage %s failed on a chunk of %d; retrying one by one", stage.name, len(batch))
                failed = {}
                for index, article in batch:
                    try:
                        stage.process([article])
                    except Exception as exc:  # noqa: BLE001
                        failed[index] = _stage_error(stage, exc)
        elapsed = time.perf_counter() - started
        STAGE_SECONDS.labels(stage.name).observe(elapsed)
        elapsed_ms = round(elapsed * 1000, 3)
        for _, article in batch:
            if stage.batched:
                article.chunk_timings[stage.name] = ChunkTiming(chunk_ms=elapsed_ms, chunk_size=len(batch))
            else:
                article.timings_ms[stage.name] = elapsed_ms
        for error in failed.values():
            STAGE_RECORDS_FAILED.labels(stage.name, type(error).__name__).inc()
        STAGE_RECORDS_OUT.labels(stage.name).inc(len(batch) - len(failed))
        return failed


def build_enricher(settings: Settings) -> Enricher:
    """The runner with every configured stage built and set up (models and data loaded)."""
    enricher = Enricher(settings, build_stages(settings))
    enricher.setup()
    return enricher

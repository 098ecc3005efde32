"""The provenance section: what produced the record, from which input, and how long it took."""

from __future__ import annotations

import msgspec
from msgspec import UNSET, UnsetType


class ModelInfo(msgspec.Struct, kw_only=True):
    """The language model that parsed the article (``none`` when no stage used one)."""

    name: str
    version: str
    spacy_version: str | UnsetType = UNSET


class InputCoordinates(msgspec.Struct, kw_only=True):
    """Where the message came from: Kafka coordinates, or a file name and line offline."""

    topic: str
    partition: int
    offset: int
    timestamp_ms: int | None = None


class ChunkTiming(msgspec.Struct, kw_only=True):
    """A stage that works on a chunk of articles at once: the chunk's wall time and size, not a per-article time."""

    chunk_ms: float
    chunk_size: int


class Provenance(msgspec.Struct, kw_only=True):
    """Versions of code, model and data, per-stage times, the input coordinates and the processing time."""

    pipeline_version: str
    model: ModelInfo
    registry_version: str | None
    data_versions: dict[str, str]
    timings_ms: dict[str, float]
    chunk_timings: dict[str, ChunkTiming]
    input: InputCoordinates
    processed_at: str

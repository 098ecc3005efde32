"""Every error the pipeline turns into a dead letter, in one place.

A dead letter names the error class and carries its message as the
human-readable reason, so the class names below are part of the record
format (see schemas/dead-letter.schema.json) and must not be renamed lightly.
"""

from __future__ import annotations


class WirestreamError(Exception):
    """Base of all errors the pipeline reports about one article."""

    #: the step that failed; stage errors replace it with the stage name
    stage: str = "decode"


class InputError(WirestreamError):
    """The message cannot become a raw article."""


class NotUtf8(InputError):
    """The message value is not valid UTF-8."""


class NotJson(InputError):
    """The message value is not a JSON document."""


class SchemaViolation(InputError):
    """The JSON does not match schemas/raw-article.schema.json."""

    stage = "validate"


class UnsupportedSchemaVersion(InputError):
    """The article declares a schema version this worker does not know."""

    stage = "validate"


class MessageTooLarge(InputError):
    """The message value exceeds the configured byte limit."""


class EmptyBody(InputError):
    """The article body is empty or whitespace only (after cleaning)."""

    stage = "clean"


class BodyTooLarge(InputError):
    """The article body exceeds the configured character limit."""

    stage = "clean"


class HtmlTooDeep(InputError):
    """The HTML body nests block elements too deeply to parse in linear time."""

    stage = "clean"


class RecordTooLarge(WirestreamError):
    """The enriched record would exceed the configured record size limit."""

    stage = "publish"


class DuplicateArticle(InputError):
    """The same article (id and content) arrived again at another offset."""

    stage = "validate"


class StageError(WirestreamError):
    """A stage failed on one article; the cause is chained."""

    def __init__(self, stage: str, message: str) -> None:
        super().__init__(message)
        self.stage = stage

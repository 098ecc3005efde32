"""Progress bars for long command-line runs: on stderr when it is a terminal, otherwise nothing.

``wirestream enrich`` and ``wirestream produce`` count their inputs first,
then advance a bar as articles are done. The bar is drawn (by tqdm) only when
stderr is a terminal, or when the caller forces it; piped, redirected or in
CI, not one byte of it is written. Output lines go through :meth:`Progress.write`,
which writes them unchanged and, when they share the terminal with the bar,
takes the bar off the screen for the write and redraws it below.
"""

from __future__ import annotations

import os
import sys
from contextlib import ExitStack
from types import TracebackType
from typing import TextIO

from tqdm import tqdm
from tqdm.contrib.logging import logging_redirect_tqdm


def is_terminal(stream: TextIO) -> bool:
    """Whether ``stream`` is a terminal (False for pipes, files, closed or fake streams)."""
    try:
        return stream.isatty()
    except (AttributeError, ValueError, OSError):
        return False


def _columns(stream: TextIO) -> int:
    """The terminal's width, 0 when it does not say (a pseudo-terminal nobody sized)."""
    try:
        return os.get_terminal_size(stream.fileno()).columns
    except (AttributeError, ValueError, OSError):
        return 0


class Progress:
    """A bar over ``total`` items on ``stream`` (default stderr).

    ``enabled`` None (the default) draws it only when ``stream`` is a terminal;
    True or False force it on or off. While a drawn bar is open (``with``), log
    lines to the console (aiokafka's warnings, say) are printed above it.
    """

    def __init__(self, total: int, *, desc: str, unit: str, enabled: bool | None = None,
                 stream: TextIO | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = is_terminal(self.stream) if enabled is None else enabled
        # follow the terminal's size as it is resized; 80×24 when it reports none (tqdm
        # would take 0 columns and -1 rows from it and draw nothing at all)
        sized = self.enabled and _columns(self.stream) > 0
        self._bar = tqdm(total=total, desc=desc, unit=unit, file=self.stream, disable=not self.enabled,
                         dynamic_ncols=sized, ncols=None if sized else 80, nrows=None if sized else 24,
                         leave=True)
        self._context = ExitStack()

    def advance(self, count: int = 1) -> None:
        """``count`` more items are done."""
        self._bar.update(count)

    def write(self, text: str, stream: TextIO) -> None:
        """Write ``text`` to ``stream`` exactly; the bar steps aside when both are on the screen."""
        if not self.enabled or not is_terminal(stream):
            stream.write(text)
            return
        with tqdm.external_write_mode(file=stream):
            stream.write(text)
            stream.flush()

    def close(self) -> None:
        """Draw the final state (count, time, rate) and end the bar's line."""
        self._context.close()
        self._bar.close()

    def __enter__(self) -> Progress:
        if self.enabled:
            self._context.enter_context(logging_redirect_tqdm(tqdm_class=tqdm))
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.close()

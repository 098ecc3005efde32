"""Run a command with its stderr on a real pseudo-terminal, as on a user's screen, and stdout to a file."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import struct
import subprocess
import tempfile
import termios
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import REPO


@dataclass(frozen=True)
class TerminalRun:
    returncode: int
    stdout: bytes
    #: every byte the command wrote to the terminal (the terminal turns "\n" into "\r\n")
    screen: bytes

    @property
    def screen_lines(self) -> list[str]:
        """The screen as lines, each as it ends up displayed: the text after its last carriage return."""
        return [line.rsplit("\r", 1)[-1] for line in self.screen.decode().split("\r\n")]


def run_with_terminal_stderr(args: Sequence[str], *, env: Mapping[str, str] | None = None, cwd: Path = REPO,
                             columns: int = 100, timeout_s: float = 180.0) -> TerminalRun:
    """Run ``args`` with stderr on a new pseudo-terminal ``columns`` wide (0: one that reports no size)."""
    master, slave = pty.openpty()
    if columns:
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
    screen = bytearray()
    with tempfile.TemporaryFile() as stdout:
        try:
            proc = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=stdout, stderr=slave, cwd=cwd, env=env)
        finally:
            os.close(slave)
        deadline = time.monotonic() + timeout_s
        try:
            while True:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    proc.kill()
                    proc.wait()
                    raise AssertionError(f"{args} did not finish in {timeout_s} s; screen so far: {bytes(screen)!r}")
                if not select.select([master], [], [], remaining)[0]:
                    continue
                try:
                    data = os.read(master, 65536)
                except OSError:  # EIO: the command closed its end of the terminal (it exited)
                    break
                if not data:
                    break
                screen += data
        finally:
            os.close(master)
        proc.wait(timeout=30)
        stdout.seek(0)
        return TerminalRun(proc.returncode, stdout.read(), bytes(screen))

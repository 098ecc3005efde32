"""Offset maps: which span of a source text every character of a derived text came from.

Every cleaning step rewrites text, and later stages report offsets into the final
text, yet a consumer must be able to highlight a quote in the original body. So each
step returns an :class:`OffsetMap` (derived text → its input) and the steps' maps are
composed into one map from the cleaned text to the original body.

A map is a list of contiguous segments ``(clean_start, orig_start, clean_len, orig_len)``
covering the derived text. When ``clean_len == orig_len`` the segment maps character
by character; otherwise (an entity decoded, a whitespace run collapsed, a mojibake
token repaired) every character of it maps to the whole original span. A segment with
``orig_len == 0`` is inserted text (a paragraph break). Original starts never decrease
along the map, nor do the ends of non-empty original spans.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable

#: one rewrite: replace ``text[start:end]`` with ``replacement``
Edit = tuple[int, int, str]


class OffsetMap:
    """Spans of a derived text mapped to spans of its source text."""

    __slots__ = ("_cs", "_os", "_cl", "_ol", "clean_length", "orig_length")

    def __init__(self, clean_length: int, orig_length: int) -> None:
        self._cs: list[int] = []
        self._os: list[int] = []
        self._cl: list[int] = []
        self._ol: list[int] = []
        self.clean_length = clean_length
        self.orig_length = orig_length

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        """The map of an unchanged text."""
        m = cls(length, length)
        if length:
            m.add(0, 0, length, length)
        return m

    @classmethod
    def from_segments(cls, segments: Iterable[Iterable[int]], orig_length: int) -> OffsetMap:
        """Rebuild a map from :meth:`segments` (e.g. read back from a record)."""
        m = cls(0, orig_length)
        for cs, os_, cl, ol in segments:
            m.add(cs, os_, cl, ol)
        return m

    def add(self, cs: int, os_: int, cl: int, ol: int) -> None:
        """Append the next segment, merged into the previous one when both are linear and adjacent."""
        if not cl:
            return
        self.clean_length = cs + cl
        if self._cs:
            pcl, pol = self._cl[-1], self._ol[-1]
            if pcl == pol and cl == ol and self._os[-1] + pol == os_:
                self._cl[-1] += cl
                self._ol[-1] += ol
                return
        self._cs.append(cs)
        self._os.append(os_)
        self._cl.append(cl)
        self._ol.append(ol)

    def segments(self) -> list[tuple[int, int, int, int]]:
        """``(clean_start, orig_start, clean_len, orig_len)`` rows, as the clean section carries them."""
        return list(zip(self._cs, self._os, self._cl, self._ol, strict=True))

    def __len__(self) -> int:
        return len(self._cs)

    def _find(self, pos: int) -> int:
        return bisect_right(self._cs, pos) - 1

    def position(self, pos: int) -> int:
        """The original position of a boundary between characters (``0 <= pos <= clean_length``).

        A boundary inside an atomic segment maps to its start, which keeps composed maps monotonic.
        """
        if not self._cs:
            return 0
        if pos >= self.clean_length:
            return self._os[-1] + self._ol[-1]
        i = self._find(pos)
        offset = pos - self._cs[i]
        if self._cl[i] == self._ol[i]:
            return self._os[i] + offset
        return self._os[i]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """The original span of the derived span ``[start, end)``."""
        if not 0 <= start <= end <= self.clean_length:
            raise ValueError(f"span {start}:{end} is outside 0:{self.clean_length}")
        if start == end:
            p = self.position(start)
            return p, p
        i, j = self._find(start), self._find(end - 1)
        if self._cl[i] == self._ol[i]:
            o_start = self._os[i] + start - self._cs[i]
        else:
            o_start = self._os[i]
        if self._cl[j] == self._ol[j]:
            o_end = self._os[j] + end - self._cs[j]
        else:
            o_end = self._os[j] + self._ol[j]
        return o_start, o_end

    def is_identity(self) -> bool:
        """Whether the map is one linear segment over the whole of an unchanged text."""
        return (len(self._cs) == 1 and self._os[0] == 0 and self._cl[0] == self._ol[0] == self.clean_length
                == self.orig_length)

    def _copy(self, orig_length: int) -> OffsetMap:
        out = OffsetMap(self.clean_length, orig_length)
        out._cs, out._os, out._cl, out._ol = self._cs.copy(), self._os.copy(), self._cl.copy(), self._ol.copy()
        return out

    def compose(self, inner: OffsetMap) -> OffsetMap:
        """This map followed by ``inner`` (this: text2 → text1, inner: text1 → text0)."""
        if inner.is_identity() and self.orig_length == inner.clean_length:
            return self._copy(inner.orig_length)  # most plain-text bodies: nothing to walk
        out = OffsetMap(self.clean_length, inner.orig_length)
        ics, ios, icl, iol = inner._cs, inner._os, inner._cl, inner._ol
        for cs, os_, cl, ol in zip(self._cs, self._os, self._cl, self._ol, strict=True):
            if cl != ol or not ics:
                o0, o1 = inner.to_original(os_, os_ + ol)
                out.add(cs, o0, cl, o1 - o0)
                continue
            k = bisect_right(ics, os_) - 1
            end = os_ + ol
            while k < len(ics) and ics[k] < end:
                p0, p1 = max(os_, ics[k]), min(end, ics[k] + icl[k])
                if icl[k] == iol[k]:
                    out.add(cs + p0 - os_, ios[k] + p0 - ics[k], p1 - p0, p1 - p0)
                else:
                    out.add(cs + p0 - os_, ios[k], p1 - p0, iol[k])
                k += 1
        return out


def apply_edits(text: str, edits: Iterable[Edit]) -> tuple[str, OffsetMap]:
    """Apply sorted, non-overlapping edits; return the new text and its map onto ``text``."""
    parts: list[str] = []
    m = OffsetMap(0, len(text))
    pos = out = 0
    for start, end, replacement in edits:
        if start > pos:
            parts.append(text[pos:start])
            m.add(out, pos, start - pos, start - pos)
            out += start - pos
        if replacement:
            parts.append(replacement)
            m.add(out, start, len(replacement), end - start)
            out += len(replacement)
        pos = end
    if pos < len(text):
        parts.append(text[pos:])
        m.add(out, pos, len(text) - pos, len(text) - pos)
    return "".join(parts), m

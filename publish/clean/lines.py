"""Lines of a text: finding them, and removing whole lines.

A removed line takes its line end with it; the blank lines and line-end spaces it leaves are
tidied as ``normalise`` would (:func:`publish.clean.normalise.tidy`), so cleaning again changes
nothing. Lines in fenced, indented, HTML and math blocks are never candidates
(:func:`closed_ranges`), except where a pass says so.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

from publish.clean.blocks import Block

CLOSED = ("fence", "code", "html", "math")


def line_span(text: str, offset: int) -> tuple[int, int]:
    """(start, end) of the line holding ``offset``; ``end`` is before its newline."""
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return start, len(text) if end < 0 else end


class LineIndex:
    """:func:`line_span` for many offsets of one text: its line ends found once, then each
    line by bisection (asked at every mark of a line of a megabyte, :func:`line_span` would
    read back to the line's start each time)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._ends: list[int] | None = None

    def span(self, offset: int) -> tuple[int, int]:
        """(start, end) of the line holding ``offset``, as :func:`line_span` gives them."""
        if self._ends is None:
            self._ends = [m.start() for m in re.finditer("\n", self.text)]
        i = bisect.bisect_left(self._ends, offset)
        start = self._ends[i - 1] + 1 if i else 0
        return start, self._ends[i] if i < len(self._ends) else len(self.text)


def closed_ranges(blocks: list[Block], kinds: tuple[str, ...] = CLOSED) -> list[tuple[int, int]]:
    return [(b.start, b.end) for b in blocks if b.kind in kinds]


def inside(ranges: list[tuple[int, int]], offset: int) -> bool:
    i = bisect.bisect_right(ranges, (offset, 1 << 62)) - 1
    return i >= 0 and ranges[i][0] <= offset <= ranges[i][1]


Span = tuple[int, int]


def merged(ranges: Iterable[Span]) -> list[Span]:
    """``ranges`` sorted, those that overlap made one (for :func:`inside`, and protected
    spans)."""
    out: list[Span] = []
    for start, end in sorted(ranges):
        if out and start < out[-1][1]:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return out


def removals(text: str, spans: Iterable[Span]) -> list[tuple[Span, Span]]:
    """(the line, the range removing it) for each of the lines ``spans`` (as from
    :func:`line_span`): the line and its line end (the last line of the text: the line end
    before it, unless the line before goes too)."""
    found: list[tuple[Span, Span]] = []
    for start, end in sorted(set(spans)):
        if end < len(text):
            found.append(((start, end), (start, end + 1)))
        elif found and found[-1][1][1] == start:
            found.append(((start, end), (start, end)))
        else:
            found.append(((start, end), (max(start - 1, 0), end)))
    return found

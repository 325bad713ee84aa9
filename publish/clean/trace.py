"""Where did this change happen? Mapping offsets back through every edit to the source line.

Each batch of edits a pass applies is a :class:`Step`. A change is recorded against the text
its step started from; :meth:`Trace.locate` maps that offset back through the earlier steps
to the original file (or, for a stitched article, to the fragment it came from) and its line.
"""

from __future__ import annotations

import bisect
import itertools
import re
from array import array
from collections.abc import Iterable, Sequence
from typing import NamedTuple, Protocol

_NEWLINE = re.compile(r"\r\n?|\n")  # a lone CR ends a line too


class Edit(NamedTuple):
    """Replace ``text[start:end]`` with ``new``; a structural edit says how sure it is and why
    (see :mod:`publish.clean.evidence`)."""

    start: int
    end: int
    new: str
    confidence: float = 1.0
    evidence: tuple[str, ...] = ()
    #: The edit moves whole blocks: protected spans inside it move unchanged, so only its
    #: ends must not cut one.
    moves: bool = False
    #: One half of a pair of marks (a bracket's, a quotation's), named by where the pair
    #: opens: the two halves are made, and decided by a reviewer, together; -1 for none.
    pair: int = -1


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """``text`` with ``edits`` applied in order of their starts; one overlapping an edit
    before it is left out. (Nothing is recorded: see :class:`~publish.clean.editor.Editor`.)"""
    parts, last = [], 0
    for edit in sorted(edits, key=lambda e: e.start):
        if edit.start >= last:
            parts += [text[last : edit.start], edit.new]
            last = edit.end
    return "".join(parts) + text[last:]


def apply_sorted(text: str, edits: list[Edit]) -> str:
    """``text`` with ``edits``, sorted by their starts and not overlapping, applied."""
    parts, last = [], 0
    for edit in edits:
        parts += [text[last : edit[0]], edit[2]]
        last = edit[1]
    parts.append(text[last:])
    return "".join(parts)


class Step:
    """A batch of sorted, non-overlapping edits applied to one text. Once cleaning is done,
    :meth:`compact` keeps only where each edit stands (a large document has a million)."""

    def __init__(self, edits: list[Edit]) -> None:
        self.edits: Sequence[Edit] = edits
        self._starts: Sequence[int] = [edit[0] for edit in edits]
        self._new_starts: Sequence[int] = []
        self._back: tuple[Sequence[int], Sequence[int]] | None = None  # ends, and in the output
        new_starts: list[int] = []
        delta = 0
        same = True
        for edit in edits:
            start, end, size = edit[0], edit[1], len(edit[2])
            new_starts.append(start + delta)
            delta += size - (end - start)
            same = same and end - start == size <= 1
        self._new_starts = new_starts
        #: Every edit replaces one character by one: an offset is the same on either side.
        self.same = same

    def _ends(self) -> tuple[Sequence[int], Sequence[int]]:
        """Where each edit ends in the input, and where its replacement ends in the output."""
        if self._back is None:
            pairs = zip(self._new_starts, self.edits, strict=True)
            self._back = [e[1] for e in self.edits], [n + len(e[2]) for n, e in pairs]
        return self._back

    def compact(self) -> None:
        """Keep the offsets only, as machine integers; :attr:`edits` is empty from now on."""
        ends, new_ends = self._ends()
        self._back = array("q", ends), array("q", new_ends)
        self._starts, self._new_starts = array("q", self._starts), array("q", self._new_starts)
        self.edits = ()

    def touches(self, start: int, end: int) -> bool:
        """Some edit's replacement stands at or beside ``start``-``end`` of the output."""
        i = bisect.bisect_right(self._new_starts, end) - 1
        return i >= 0 and self._ends()[1][i] >= start

    def to_input(self, offset: int) -> int:
        """The offset in the step's input of ``offset`` in its output."""
        return self.to_inputs([offset])[0]

    def to_inputs(self, offsets: list[int]) -> list[int]:
        """:meth:`to_input` of many sorted ``offsets``: an offset inside an edit's replacement
        goes to the edit's start, one after it moves by what the edits before it changed.
        (A run of offsets between two edits moves alike: one bisection for each run.)"""
        if self.same or not offsets:
            return offsets
        ends, new_ends = self._ends()
        new_starts, starts = self._new_starts, self._starts
        find, left = bisect.bisect_right, bisect.bisect_left
        edits, count = len(new_starts), len(offsets)  # (no edit at all: ``same``, above)
        found = offsets[: left(offsets, new_starts[0])]
        at = len(found)
        while at < count:
            i = find(new_starts, offsets[at]) - 1  # the last edit starting at or before it
            stop = left(offsets, new_starts[i + 1], at) if i + 1 < edits else count
            inside = left(offsets, new_ends[i], at, stop)
            found += [starts[i]] * (inside - at)
            shift = ends[i] - new_ends[i]
            found += [o + shift for o in offsets[inside:stop]] if shift else offsets[inside:stop]
            at = stop
        return found

    def to_output(self, offset: int) -> int:
        """The offset in the step's output of ``offset`` in its input (an offset inside a
        replaced range goes to the end of its replacement)."""
        i = bisect.bisect_right(self._starts, offset) - 1
        if i < 0:
            return offset
        new_start = self._new_starts[i]
        if self._back is None:
            end, new_end = self.edits[i][1], new_start + len(self.edits[i][2])
        else:
            end, new_end = self._back[0][i], self._back[1][i]
        if offset < end:
            return new_end if offset > self._starts[i] else new_start
        return new_end + (offset - end)


class Origin(Protocol):
    def locate(self, offset: int) -> tuple[str, int]: ...

    def locate_all(self, offsets: list[int]) -> list[tuple[str, int]]: ...


class FileOrigin:
    """Offsets of a file's body text -> (file, line)."""

    def __init__(self, path: str, text: str, first_line: int = 1) -> None:
        self.path = path
        self.first_line = first_line
        if "\r" in text:
            self._newlines = [m.start() for m in _NEWLINE.finditer(text)]
        else:  # (each line's length and its newline, added up: where each newline stands)
            lengths = map((1).__add__, map(len, text.split("\n")[:-1]))
            self._newlines = list(itertools.accumulate(lengths, initial=-1))[1:]

    def locate(self, offset: int) -> tuple[str, int]:
        return self.path, self.first_line + bisect.bisect_left(self._newlines, offset)

    def locate_all(self, offsets: list[int]) -> list[tuple[str, int]]:
        path, first, newlines, find = self.path, self.first_line, self._newlines, bisect.bisect_left
        return [(path, first + find(newlines, offset)) for offset in offsets]


class Trace:
    """The steps applied to one text since its origin."""

    def __init__(self, origin: Origin) -> None:
        self.origin = origin
        self.steps: list[Step] = []

    def locate(self, step_index: int, offset: int) -> tuple[str, int]:
        for step in reversed(self.steps[:step_index]):
            offset = step.to_input(offset)
        return self.origin.locate(offset)

    def locate_all(self, places: list[tuple[int, int]]) -> list[tuple[str, int]]:
        """:meth:`locate` of many (step index, offset) pairs, each step walked once."""
        order = sorted(range(len(places)), key=places.__getitem__)  # (by step, then offset)
        step_of = [places[k][0] for k in order]
        offsets = [places[k][1] for k in order]
        groups = [  # (step, where its offsets start, end): each group's offsets are sorted
            (step, bisect.bisect_left(step_of, step), bisect.bisect_right(step_of, step))
            for step in sorted(set(step_of))
        ]
        for index in range(len(self.steps) - 1, -1, -1):
            for step, start, end in groups:  # (mapped through a step, a group stays sorted)
                if step > index:
                    offsets[start:end] = self.steps[index].to_inputs(offsets[start:end])
        found: list[tuple[str, int]] = [("", 0)] * len(places)
        for k, place in zip(order, self.origin.locate_all(offsets), strict=True):
            found[k] = place
        return found

    def end_locate(self, offset: int) -> tuple[str, int]:
        return self.locate(len(self.steps), offset)


class StitchedOrigin:
    """Offsets of fragments joined into one text -> the fragment's own trace."""

    def __init__(self, parts: list[tuple[int, Trace]]) -> None:
        self.parts = parts
        self._starts = [start for start, _ in parts]

    def locate(self, offset: int) -> tuple[str, int]:
        i = max(bisect.bisect_right(self._starts, offset) - 1, 0)
        start, trace = self.parts[i]
        return trace.end_locate(offset - start)

    def locate_all(self, offsets: list[int]) -> list[tuple[str, int]]:
        return [self.locate(offset) for offset in offsets]

"""How sure a structural edit is, and which page boundaries the passes found.

A character edit (``,`` -> ``，``) is certain. A structural edit (join, split, unwrap a line,
change a heading, remove furniture, move a float) names its evidence and gets one of the levels
below; it is applied when its confidence reaches the document's threshold (``[clean]
threshold``, default :data:`THRESHOLD`) and is otherwise recorded as a suggestion.

:class:`Pages` is the page model the structural passes share: where the furniture passes found
page and column breaks and jump lines, kept in step with the text as later passes edit it.
A boundary where a page of the original starts carries a :class:`~publish.model.PageStart`:
its offset is carried forward too, so the cleaned text knows where each page began.
"""

from __future__ import annotations

import bisect
import itertools
from dataclasses import dataclass

from publish.clean.trace import Step
from publish.model import PageStart

#: The pattern has no other reading (a page-marker line, ``（下转第3版）`` on its own line).
CERTAIN = 1.0
#: Evidence on both sides (a page break between, an unfinished sentence before, its
#: continuation after).
STRONG = 0.9
#: Evidence on one side, or two weak signs agreeing.
LIKELY = 0.7
#: A guess worth showing a reviewer.
WEAK = 0.5
THRESHOLD = 0.8

#: Boundary kinds: a page or column break the text may run on across; a "continued from"
#: marker (what follows came from elsewhere); a "continued on" marker (what precedes goes on
#: elsewhere).
PAGE, CAME_FROM, GOES_ON = "page", "from", "to"


@dataclass
class Boundary:
    offset: int
    kind: str
    why: str
    #: The original's page that starts here, if the boundary says (its offset is ours).
    start: PageStart | None = None


class Pages:
    """The boundaries found so far, by offset in the current text."""

    def __init__(self, boundaries: list[Boundary] | None = None) -> None:
        self.boundaries: list[Boundary] = sorted(boundaries or [], key=lambda b: b.offset)
        self._offsets = [b.offset for b in self.boundaries]
        #: Lines offered as page furniture and left (below the threshold): no pass joins text
        #: into or out of them (a running head glued to a page's last line changes its words).
        self.suspect: list[tuple[int, int]] = []
        self._reach: tuple[list[int], list[int], int] | None = None  # (touches_suspect's)
        #: ``unwrap`` joined or split lines: the text was wrapped by a print or an extraction
        #: once, a mark of conversion where no page shows.
        self.wrapped = False
        #: ``normalise`` found what a PDF's text extraction leaves (radicals for the characters
        #: a font drew with them, control characters): a mark of conversion too.
        self.extracted = False

    def add(self, offset: int, kind: str, why: str, start: PageStart | None = None) -> None:
        """A boundary at ``offset`` of the text the current pass is editing."""
        i = bisect.bisect_right(self._offsets, offset)
        self.boundaries.insert(i, Boundary(offset, kind, why, start))
        self._offsets.insert(i, offset)

    def remap(self, step: Step) -> None:
        for boundary in self.boundaries:
            boundary.offset = step.to_output(boundary.offset)
        self._offsets = [b.offset for b in self.boundaries]
        self.suspect = [(step.to_output(a), step.to_output(b)) for a, b in self.suspect]
        self._reach = None

    def touches_suspect(self, start: int, end: int) -> bool:
        """The range ``start`` to ``end`` (a break, with what a join drops) touches a line
        offered as furniture. (The lines sorted once, with the furthest end reached so far:
        asked at every break, a look at each line made a long text's time grow with its
        square, 4 MB in 17 s.)"""
        if self._reach is None or self._reach[2] != len(self.suspect):
            spans = sorted(self.suspect)
            furthest = list(itertools.accumulate((b for _, b in spans), max))
            self._reach = ([a for a, _ in spans], furthest, len(spans))
        starts, furthest, _ = self._reach
        i = bisect.bisect_right(starts, end)
        return i > 0 and furthest[i - 1] >= start

    def between(self, start: int, end: int) -> list[Boundary]:
        """The boundaries at offsets ``start`` to ``end``, both included."""
        low = bisect.bisect_left(self._offsets, start)
        high = bisect.bisect_right(self._offsets, end)
        return self.boundaries[low:high]

    def shifted(self, delta: int) -> list[Boundary]:
        return [Boundary(b.offset + delta, b.kind, b.why, b.start) for b in self.boundaries]

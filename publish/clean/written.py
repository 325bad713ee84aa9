"""A document's own layout, given back where its repairs do not need it set right.

A document whose every applied change is layout only (:data:`~publish.clean.normalise.LAYOUT`:
spaces ending a line, runs of blank lines, the final newline, an author's wrap joined) comes
back as it was written. So does the layout of a document whose repairs are all inside its
lines (a stray half-width comma, a bracket pair of mixed widths, a control character) and
touch none of its layout changes: those repairs are made on the text as written, and its
line ends, blank lines and wraps stay its author's. A reviewer then reads the repairs alone
(reviews 144, 155 and 162 found one slip bringing every paragraph's layout with it).

:func:`repairs` finds such repairs in the trace of a run: each applied edit of each step is
mapped back to the source, and the layout is kept only where every repair maps to the
source's own characters (no earlier edit changed them) and no layout change touches one.
"""

from __future__ import annotations

import bisect
import itertools

from publish.clean.normalise import layout_only
from publish.clean.trace import Edit, Step, Trace

_Span = tuple[int, int]


def repairs(trace: Trace, text: str) -> list[Edit] | None:
    """The applied edits that are not layout only, each placed in the source ``text``
    (sorted), where its layout can stay with them made; None where it cannot (an edit that
    ends or joins a line, one an earlier edit changed the text of, a layout change beside
    one), or where there is no layout to keep."""
    edits = [(n, e) for n, step in enumerate(trace.steps) for e in step.edits]
    if not any(layout_only(e.evidence) for _, e in edits):
        return None
    if any("\n" in e.new or "\r" in e.new for _, e in edits if not layout_only(e.evidence)):
        return None  # (a line ended or joined: that is the text's layout set right)
    found: list[Edit] = []
    layout: list[_Span] = []
    for index, edit in edits:
        span, clean = _back(trace.steps, index, edit.start, edit.end)
        if layout_only(edit.evidence):
            layout.append(span)
        elif not clean or "\n" in text[span[0] : span[1]]:
            return None  # (text an edit made; or a line joined)
        else:
            found.append(Edit(span[0], span[1], edit.new, edit.confidence, edit.evidence))
    if not found:
        return None
    found.sort()
    if any(a.end >= b.start for a, b in itertools.pairwise(found)):
        return None  # (two repairs at one place)
    starts = [edit.start for edit in found]
    for start, end in layout:  # (a layout change beside a repair: they go together)
        i = bisect.bisect_right(starts, end) - 1
        if i >= 0 and found[i].end >= start and not _spaces(text[start:end]):
            return None  # (but spaces ending its line stay as written: ``### 注意事项如下: ``
            # has its colon widened and keeps its space, the text its layout; review 183)
    return found


def _spaces(written: str) -> bool:
    """``written`` is spaces or tabs, and no more (a line's end as its author left it)."""
    return bool(written) and not written.strip(" \t")


def _back(steps: list[Step], index: int, start: int, end: int) -> tuple[_Span, bool]:
    """``start``-``end`` of the input of step ``index`` placed in the first step's input; and
    whether no edit of the steps before changed or touches it (its text is the source's). An
    edit right after a span of text is no change of it: its last character is placed where
    it stood (a colon, not the space a step before dropped after it)."""
    clean = True
    for step in map(steps.__getitem__, range(index - 1, -1, -1)):  # (no copy of the list)
        if end > start:
            clean = clean and not step.touches(start, end - 1)
            start, end = step.to_input(start), step.to_input(end - 1) + 1
        else:
            clean = clean and not step.touches(start, end)
            start, end = step.to_input(start), step.to_input(end)
    return (start, end), clean

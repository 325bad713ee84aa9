"""Passes that judge again what they changed, as cleaning the result again would.

A pass whose edits change what it sees (lines joined may now show a measure; a paragraph with
its other half joined on may now read as running text) runs in rounds: the first over the
whole text, each next one only over the ranges the one before changed, at most three in all.
An edit suggested once is not suggested again.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable

from publish.clean.editor import Editor
from publish.clean.trace import Edit

Ranges = list[tuple[int, int]]
Result = tuple[str, Ranges, set[int]]  # the text, the ranges changed, where edits were suggested
Round = Callable[[str, Editor, Ranges | None, set[int]], Result]


def touches(ranges: Ranges, start: int, end: int) -> bool:
    """Some of the sorted, separate ``ranges`` (what a round changed) overlaps
    ``start``-``end``."""
    n = bisect.bisect_right(ranges, end, key=lambda r: r[0])  # those starting by ``end``
    return n > 0 and ranges[n - 1][1] >= start


def in_rounds(text: str, edit: Editor, one: Round, rounds: int = 3) -> tuple[str, bool]:
    """``text`` after ``one`` round, then more over what changed; and whether any did."""
    text, changed, suggested = one(text, edit, None, set())
    anything = bool(changed)
    for _ in range(rounds - 1):
        if not changed:
            break
        step = edit.trace.steps[-1]
        suggested = {step.to_output(at) for at in suggested}  # not suggested again
        text, changed, more = one(text, edit, changed, suggested)
        suggested |= more
    return text, anything


def apply(text: str, edit: Editor, edits: Iterable[Edit], suggested: set[int]) -> Result:
    """Apply ``edits`` (but those suggested in an earlier round) as one round."""
    recorded = len(edit.recorded)
    text = edit.apply(text, [e for e in edits if e.start not in suggested])
    if not edit.done:
        return text, [], {r.start for r in edit.recorded[recorded:]}
    step = edit.trace.steps[-1]
    changed = sorted((step.to_output(e.start), step.to_output(e.end)) for e in step.edits)
    return text, changed, {r.start for r in edit.recorded[recorded:] if not r.applied}

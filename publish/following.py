"""What accepting every suggestion brings with it (``publish clean --suggest``): the edits the
cleaner makes only once the suggestions are applied, which no suggestion names.

Accepting a bracket pair's widening, ``(第二部分):`` → ``（第二部分）:``, makes the colon after
it full-width too, ``）：``, a punctuation edit of its own that the text as it stands never
offers. ``--suggest`` shows the diff of every suggestion accepted, so it lists those edits as
following from the others, instead of leaving lines in the diff that no listed edit explains.

An edit of the run with every suggestion accepted is matched with one of the run as it
stands (applied or suggested) by its pass and by what it removes and inserts, not by its id
or its context: both name the text around the edit, which the accepted suggestions changed.
An edit of the same id is the same edit (its context unchanged), matched first; of several
others alike, the nearest line is taken.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from publish.model import Change


def _core(change: Change) -> tuple[str, str, str]:
    """The pass, and what ``change`` removes and inserts: its before and after without the
    context they share at either end."""
    before, after = change.before, change.after
    start = 0
    while start < min(len(before), len(after)) and before[start] == after[start]:
        start += 1
    end = 0
    while end < min(len(before), len(after)) - start and before[-1 - end] == after[-1 - end]:
        end += 1
    return change.pass_name, before[start : len(before) - end], after[start : len(after) - end]


def following(listed: Sequence[Change], accepted: Sequence[Change]) -> list[Change]:
    """The edits ``accepted`` (the changes of a run with every suggestion accepted) applies
    that none of ``listed`` (the changes of the run as it stands) makes or suggests."""
    line_of = {change.id: change.line for change in listed}
    lines: dict[tuple[str, str, str], Counter[int]] = defaultdict(Counter)
    for change in listed:
        lines[_core(change)][change.line] += 1
    made: dict[tuple[str, str, str], list[Change]] = defaultdict(list)
    for change in accepted:
        if not change.applied:  # (a reviewer's rejection holds there too)
            continue
        if change.id in line_of:  # (the same edit, its context unchanged: it takes its own)
            _take(lines[_core(change)], line_of[change.id])
            continue
        made[_core(change)].append(change)
    found = []
    for core, changes in made.items():
        alike = lines.get(core, Counter())
        if len(changes) <= alike.total():
            continue  # (as many made as the run as it stands makes: none brought)
        for change in changes:  # (the few kinds with more: each takes the nearest left)
            if not alike:
                found.append(change)
                continue
            _take(alike, min(alike, key=lambda line: abs(line - change.line)))
    order = {id(change): n for n, change in enumerate(accepted)}
    return sorted(found, key=lambda change: order[id(change)])


def _take(lines: Counter[int], line: int) -> None:
    """One edit on ``line`` matched: counted off (a line none is left on goes)."""
    if lines[line] > 1:
        lines[line] -= 1
    else:
        lines.pop(line, None)

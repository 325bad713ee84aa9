"""How ``publish clean --suggest`` lists edits: each with its id, pass, place, confidence,
before and after and evidence; and many alike folded.

A text that sets its marks one way throughout (its brackets half-width around Chinese, its
quotation marks straight) draws one suggestion a mark, all for the same reason: a reviewer
judges them as one. Of suggestions with the same pass and the same evidence, the first
:data:`SHOWN` are listed in full and the rest on one line of their ids, comma-separated as
``--accept`` and ``--reject`` take them; the diff after the list shows every one. The
site's change-log page folds them alike (:func:`folded`, its ``folded`` filter).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from publish.model import Change

#: Suggestions alike listed in full before the rest are folded into a line of ids.
SHOWN = 3
#: Suggestions alike folded only from this many (fewer are listed in full).
_FOLDED_FROM = 6


def describe(change: Change) -> str:
    """``change`` in full, as a few lines."""
    evidence = f"  because: {'; '.join(change.evidence)}\n" if change.evidence else ""
    return (
        f"{change.id}  {change.pass_name}  {change.path}:{change.line}  "
        f"confidence {change.confidence:.2f}\n"
        f"  - {change.before!r}\n  + {change.after!r}\n{evidence}"
    )


@dataclass(frozen=True)
class Entry:
    """A suggestion listed in full, and the rest of its kind folded after it (``alike``: empty
    but after the last one shown of a kind folded)."""

    change: Change
    alike: tuple[Change, ...] = ()


def folded(changes: Sequence[Change]) -> list[Entry]:
    """``changes`` in order, those alike beyond the first :data:`SHOWN` of each kind (same
    pass, same evidence, same decision) folded into the last one shown, where a kind has
    :data:`_FOLDED_FROM` or more (the site's change-log page lists them so too)."""
    alike: dict[tuple[str, tuple[str, ...], str], list[Change]] = {}
    for change in changes:
        alike.setdefault(_kind(change), []).append(change)
    entries, seen = [], dict.fromkeys(alike, 0)
    for change in changes:
        kind = _kind(change)
        group, at = alike[kind], seen[kind]
        seen[kind] += 1
        if len(group) < _FOLDED_FROM:
            entries.append(Entry(change))
        elif at < SHOWN:
            entries.append(Entry(change, tuple(group[SHOWN:]) if at == SHOWN - 1 else ()))
    return entries


def _kind(change: Change) -> tuple[str, tuple[str, ...], str]:
    """What makes suggestions alike: their pass, their evidence, and a reviewer's decision."""
    return change.pass_name, change.evidence, change.decision


def listing(changes: Sequence[Change]) -> str:
    """``changes`` in order, those alike beyond the first :data:`SHOWN` of each kind folded
    into one line after the last one shown."""
    parts = []
    for entry in folded(changes):
        parts.append(describe(entry.change))
        if entry.alike:
            ids = ",".join(c.id for c in entry.alike)
            parts.append(f"  … and {len(entry.alike)} more alike (same pass and evidence): {ids}\n")
    return "".join(parts)

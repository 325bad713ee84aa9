"""How ``publish clean --suggest`` lists edits: each with its id, pass, place, confidence,
before and after and evidence; and many alike folded.

A text that sets its marks one way throughout (its brackets half-width around Chinese, its
quotation marks straight) draws one suggestion a mark, all for the same reason: a reviewer
judges them as one. Of suggestions with the same pass and the same evidence, the first
:data:`SHOWN` are listed in full and the rest on one line of their ids, comma-separated as
``--accept`` and ``--reject`` take them; the diff after the list shows every one.
"""

from __future__ import annotations

from collections.abc import Sequence

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


def listing(changes: Sequence[Change]) -> str:
    """``changes`` in order, those alike beyond the first :data:`SHOWN` of each kind folded
    into one line after the last one shown."""
    alike: dict[tuple[str, tuple[str, ...]], list[Change]] = {}
    for change in changes:
        alike.setdefault((change.pass_name, change.evidence), []).append(change)
    parts, seen = [], dict.fromkeys(alike, 0)
    for change in changes:
        kind = change.pass_name, change.evidence
        group, at = alike[kind], seen[kind]
        seen[kind] += 1
        if len(group) < _FOLDED_FROM or at < SHOWN:
            parts.append(describe(change))
        if len(group) >= _FOLDED_FROM and at == SHOWN - 1:
            rest = group[SHOWN:]
            ids = ",".join(c.id for c in rest)
            parts.append(f"  … and {len(rest)} more alike (same pass and evidence): {ids}\n")
    return "".join(parts)

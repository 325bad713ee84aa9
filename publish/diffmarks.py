"""The characters an edit changed, marked for the change-log page.

``{% set before, after = change.before | changed_marks(change.after) %}`` gives both texts as
safe HTML: escaped, each line break shown as ⏎, and the characters that differ in ``<mark>``,
so a reader sees the one comma that changed in a long paragraph. The marks come from
:class:`difflib.SequenceMatcher` over characters; texts longer than :data:`MARKED_CHARS`
together are shown unmarked, so a page of long edits stays quick to build.
"""

from __future__ import annotations

from difflib import SequenceMatcher

from markupsafe import Markup, escape

MARKED_CHARS = 4000


def _shown(text: str, marked: bool) -> str:
    lines = [str(escape(part)) for part in text.split("\n")]
    html = '<span class="nl">⏎</span>\n'.join(lines)
    return f"<mark>{html}</mark>" if marked and text else html


def changed_marks(before: str, after: str) -> tuple[Markup, Markup]:
    """``before`` and ``after`` as HTML with the characters that differ marked."""
    if len(before) + len(after) > MARKED_CHARS:
        return Markup(_shown(before, False)), Markup(_shown(after, False))
    old, new = [], []
    for kind, i1, i2, j1, j2 in SequenceMatcher(None, before, after, autojunk=False).get_opcodes():
        old.append(_shown(before[i1:i2], kind != "equal"))
        new.append(_shown(after[j1:j2], kind != "equal"))
    return Markup("".join(old)), Markup("".join(new))

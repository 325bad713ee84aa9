"""Pass ``cjk-latin-space`` (off by default): one spacing between Han and Latin, throughout.

Counts the boundaries between Han characters and Latin letters or digits written with a
space and without one, and makes every boundary follow the majority (a tie adds spaces)::

    使用GPS定位,在 2024 年   -> 使用 GPS 定位,在 2024 年   (majority: spaced)
"""

from __future__ import annotations

import regex

from publish.clean.editor import Editor

NAME = "cjk-latin-space"
DEFAULT = False

_TIGHT = regex.compile(r"(?<=\p{Han})(?=[A-Za-z0-9])|(?<=[A-Za-z0-9])(?=\p{Han})")
_SPACED = regex.compile(r"(?<=\p{Han}) (?=[A-Za-z0-9])|(?<=[A-Za-z0-9]) (?=\p{Han})")


_HAN = regex.compile(r"\p{Han}")
#: Where Han meets Latin, either way round: group 1 or 2 is the space between, if any; as
#: rendered, through emphasis, code and a link's markup (``受 [gitbook](…) 的``: spaced).
_MEETING = regex.compile(
    r"\p{Han}( ?)(?=[\[*_`]*[A-Za-z0-9])"
    r"|[A-Za-z0-9][*_`]*(?:\]\([^()\s]*\))?( ?)(?=[*_`]*\p{Han})"
)


def spaced(text: str) -> bool:
    """The text sets Han and Latin apart with a space more often than not (a line break
    between them is that space too: ``unwrap`` keeps one in clean Markdown)."""
    if _HAN.search(text) is None:  # (the usual English text: no need to read it twice)
        return False
    apart = together = 0
    for meeting in _MEETING.finditer(text):
        if meeting.group(1) or meeting.group(2):
            apart += 1
        else:
            together += 1
    return apart > together


def _count(pattern: regex.Pattern[str], text: str) -> int:
    return sum(1 for _ in pattern.finditer(text))


def apply(text: str, edit: Editor) -> str:
    tight, spaced = _count(_TIGHT, text), _count(_SPACED, text)
    if spaced >= tight:
        return edit.sub(_TIGHT, " ", text)
    return edit.sub(_SPACED, "", text)

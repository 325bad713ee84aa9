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


def _count(pattern: regex.Pattern[str], text: str) -> int:
    return sum(1 for _ in pattern.finditer(text))


def apply(text: str, edit: Editor) -> str:
    tight, spaced = _count(_TIGHT, text), _count(_SPACED, text)
    if spaced >= tight:
        return edit.sub(_TIGHT, " ", text)
    return edit.sub(_SPACED, "", text)

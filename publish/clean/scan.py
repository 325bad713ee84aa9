"""Finding a pattern fast where every match starts with a given literal.

``re`` and ``regex`` try a pattern at every position of the text when it starts with a
lookbehind, an anchor or an alternation; ``str.find`` jumps to the next place a match can
start. The matches are those of ``pattern.finditer(text)``: the pattern is tried at each
place the literal stands, left to right, after the end of the match before (a match at
``pos`` still sees the text before it, for lookbehinds).
"""

from __future__ import annotations

import re
from collections.abc import Iterator


def finditer(pattern: re.Pattern[str], text: str, literal: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a ``pattern`` whose every match starts with
    ``literal`` (so no match is empty)."""
    pos = text.find(literal)
    while pos >= 0:
        match = pattern.match(text, pos)
        if match:
            yield match
        pos = text.find(literal, match.end() if match else pos + 1)

"""Folios in roman numerals: a report's or a book's front matter numbers its pages ``i``,
``ii``, ``iii``… A numeral alone on the line next to a page marker (the first or last line of
its page, blank lines apart), rising from one page to the next, is its page's number (review
230's Beige Book: ``--- Page 5 ---`` ⏎ ``ii`` ⏎ ``generally finding less…``, its folios
joined to the pages' first lines). One alone, or numerals that do not rise, stay: an item's
``(iv)`` or a list's ``ii.`` is marked otherwise, and a numeral standing once is no evidence.
"""

from __future__ import annotations

import itertools
import re

from publish.clean.lines import Span

_NUMERAL = re.compile(r"[ \t]*([ivxlc]{1,7}|[IVXLC]{1,7})[ \t]*")
_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
#: A numeral written as numerals are (``iv``, not ``iiii`` nor ``vx``).
_WELL_FORMED = re.compile(r"^c{0,3}(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})$")
WHY = "page numbers in roman numerals, rising, each next to a page marker"


def value(numeral: str) -> int | None:
    """The value of a roman numeral (``vi`` -> 6), or None if it is written as none is."""
    low = numeral.lower()
    if not low or not _WELL_FORMED.match(low):
        return None
    total = 0
    for n, ch in enumerate(low):
        here = _VALUES[ch]
        after = _VALUES[low[n + 1]] if n + 1 < len(low) else 0
        total += -here if here < after else here
    return total


def folios(text: str, markers: list[Span]) -> list[Span]:
    """The lines next to the page markers ``markers`` (sorted) that are roman numerals alone,
    where two or more stand so and each is above the one before."""
    found: list[tuple[Span, int]] = []
    for start, end in markers:
        for line in (_line_after(text, end), _line_before(text, start)):
            if line is None:
                continue
            match = _NUMERAL.fullmatch(text, line[0], line[1])
            number = value(match.group(1)) if match else None
            if number is not None and not any(span == line for span, _ in found):
                found.append((line, number))
    found.sort()
    rising = all(a < b for (_, a), (_, b) in itertools.pairwise(found))
    return [span for span, _ in found] if len(found) >= 2 and rising else []


def _line_after(text: str, end: int) -> Span | None:
    """The first line that is not blank after ``end`` (a line's end), or None."""
    pos = end + 1
    while pos < len(text):
        stop = text.find("\n", pos)
        stop = len(text) if stop < 0 else stop
        if text[pos:stop].strip():
            return pos, stop
        pos = stop + 1
    return None


def _line_before(text: str, start: int) -> Span | None:
    """The last line that is not blank before ``start`` (a line's start), or None."""
    stop = start - 1
    while stop > 0:
        begin = text.rfind("\n", 0, stop) + 1
        if text[begin:stop].strip():
            return begin, stop
        stop = begin - 1
    return None

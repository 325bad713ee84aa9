"""Line numbers in a transcript's gutter, left at the start of each line by OCR or a converter.

A committee's or a court's transcript numbers the lines of each page, 1 to 25 (or 28): ``7 Mr.
Angleton. Well, to begin with, I went into OSS in`` ⏎ ``8 1943, in 1943 from the infantry``.
Left there, unwrapping and seams run the numbers into sentences (``for many 19 years``). A run
of lines numbered one up from the line before (blank lines and up to two lines without a number
between), at least :data:`_RUN` long, whose lines are prose (no list marks: ``1.`` and ``(1)``
are a list's) cut mid-sentence more often than not, in a text that shows its pages, is such a
gutter; with two runs or more (the numbering starts again on the next page) the numbers are
removed as page furniture, with one only suggested.
"""

from __future__ import annotations

from typing import NamedTuple

import regex

from publish.clean import evidence as ev
from publish.clean.lines import Span, inside, line_span
from publish.clean.measure import at_mark

_NUMBERED = regex.compile(r"^([1-9]|[12]\d)[ \t]+(?=[^\s.)）、:：,，])")
_ANY = regex.compile(_NUMBERED.pattern, regex.MULTILINE)
_LINE = regex.compile(r"[^\n]*")
_RUN = 5  # numbered lines: a shorter run may be a list's
_GAP = 2  # lines without a number a run goes on over (a line the gutter missed)
_PROSE = 25  # characters: a gutter's lines are a page's, most of them this long at least
_HIGHEST = 28  # a transcript's page has at most this many lines
WHY = "a transcript's line number, one up from the line before (a gutter)"


class _Number(NamedTuple):
    value: int
    span: Span  # the number and the spaces after it
    length: int  # the line's, after them


def _runs(text: str, closed: list[Span]) -> list[list[_Number]]:
    runs: list[list[_Number]] = [[]]
    gap = 0
    for line in _LINE.finditer(text):
        if not line.group(0).strip():
            continue
        found = _NUMBERED.match(line.group(0))
        if found is None or inside(closed, line.start()):
            gap += 1
            if gap > _GAP and runs[-1]:
                runs.append([])
            continue
        span = (line.start(), line.start() + found.end())
        number = _Number(int(found.group(1)), span, len(line.group(0)) - found.end())
        if runs[-1] and runs[-1][-1].value + 1 != number.value:
            runs.append([])
        runs[-1].append(number)
        gap = 0
    return [run for run in runs if _gutter(run)]


def _gutter(run: list[_Number]) -> bool:
    if len(run) < _RUN or run[-1].value > _HIGHEST:
        return False
    return 2 * sum(1 for number in run if number.length >= _PROSE) > len(run)


def numbers(text: str, closed: list[Span], paged: bool) -> dict[Span, tuple[str, str, float]]:
    """The gutter's numbers: {the number and its spaces: (kind, evidence, confidence)};
    ``paged``: the text shows its pages (page markers, folios). None in a text that does not
    (an author's numbered verses, ``1 本办法…``), nor where the numbered lines mostly end at
    a mark (a gutter numbers the lines of wrapped prose, cut mid-sentence)."""
    if not paged or len(_ANY.findall(text)) < _RUN:  # (a quick look: most texts have few)
        return {}
    runs = _runs(text, closed)
    ends = [at_mark(text[slice(*line_span(text, n.span[1]))]) for run in runs for n in run]
    if 2 * ends.count(False) < len(ends):
        return {}
    sure = ev.STRONG if len(runs) >= 2 else ev.LIKELY
    return {number.span: ("line number", WHY, sure) for run in runs for number in run}

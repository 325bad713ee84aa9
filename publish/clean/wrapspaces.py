"""Spaces a converter left where a print's lines ended in Chinese, for ``spaced``.

Marker and others join a PDF's lines with a space, in Chinese too, where a line's end takes
none: ``…企業管治及商業道德 標準，堅信此乃提升投資者信心及增加股東回 報的…``. Such spaces come one
every line, so a column's measure apart; an author's spaces (a name, ``王 明``; between a
heading's parts; a verse's lines, seven characters or fewer) do not. A line holding three such
spaces or more, the runs between them of one measure (within a tenth), and its first and
last runs no wider, has them closed up; two are only suggested, its first run of the measure
too. Never in a table's row (or its HTML) or a line with tabs: cells set apart; nor where
every space follows a sentence's full stop (an author's space between sentences).
"""

from __future__ import annotations

import itertools
import statistics

import regex

from publish.cjk import CLOSING, OPENING, width
from publish.clean import evidence as ev
from publish.clean.trace import Edit

_CLOSING = regex.escape("".join(sorted(CLOSING)))
_OPENING = regex.escape("".join(sorted(OPENING)))
#: A space between Chinese: a Han letter, or a mark that ends or opens beside one.
_GAP = regex.compile(rf"(?<=[\p{{Han}}{_CLOSING}]) (?=[\p{{Han}}{_OPENING}])")
#: Spaces beside a half-width mark in Chinese (OCR's ``, `` for ``，``, ``控制组 (…)``): they
#: are no line's end (OCR sets them inside a line too), and ``punctuation`` drops them as it
#: widens the mark, so a measure leaves them out, as it would in the text cleaned again.
_BESIDE_MARK = regex.compile(r"(?<=\p{Han}[,;:?!)]) | (?=\()")
_AFTER_MARK = regex.compile(r"(?<=\p{Han}[,;:?!)]) (?=\p{Han})")
_STOPPED = regex.compile(r"[。！？][”’」』]?\Z")  # (searched in the two characters before a space)
QUICK = regex.compile(r"[^\x00-\x7f] [^\x00-\x7f]")
_NARROWEST = 24  # columns, twelve Chinese letters: a verse's line or a table's cell is less
_SURE = 3  # spaces: two measures seen the same
_WIDENED = str.maketrans(dict.fromkeys(",;:?!()", "ww"))  # (printed full-width, read half)
_WHY = "a space between Chinese letters one line's measure after the one before: a print's line end"


def _columns(run: str) -> int:
    """The columns ``run`` took in print: its half-width marks full-width, no space beside."""
    return width(_BESIDE_MARK.sub("", run).translate(_WIDENED))


def line_ends(line: str, start: int) -> list[Edit]:
    """The edits closing up the spaces a converter left at a print's line ends in ``line``
    (which starts at ``start`` in the text); none where its spaces keep no measure. Where
    they keep none alone, a space after a half-width mark may be a line's end among them
    (``…导致持股比例上升, 能够…``): measured with those, which ``punctuation`` drops."""
    if not QUICK.search(line) or "\t" in line or line.lstrip().startswith(("|", "<")):
        return []  # (a table's row, or its HTML: its cells set apart)
    spaces = [m.start() for m in _GAP.finditer(line)]
    if len(spaces) < 2 or all(_STOPPED.search(line, max(0, at - 2), at) for at in spaces):
        return []  # (each after a sentence's full stop: an author's space between sentences,
        # ``…文档格式。 它会…。 遇到…``, a translator's habit; review 166, two chapters)
    sure = _measured(line, spaces)
    if sure is None and _AFTER_MARK.search(line):
        sure = _measured(line, sorted(spaces + [m.start() for m in _AFTER_MARK.finditer(line)]))
    if sure is None:
        return []
    return [Edit(start + at, start + at + 1, "", sure, (_WHY,)) for at in spaces]


def _measured(line: str, ends: list[int]) -> float | None:
    """How sure it is that ``ends`` (two or more spaces of ``line``) are a print's line ends,
    its lines of one measure; None if they are not."""
    runs = [_columns(line[a + 1 : b]) for a, b in itertools.pairwise([-1, *ends, len(line)])]
    measure = statistics.median(runs[1:-1])
    within = max(2, measure // 10)
    if measure < _NARROWEST or any(abs(run - measure) > within for run in runs[1:-1]):
        return None
    if max(runs[0], runs[-1]) > measure + within:
        return None
    if len(ends) < _SURE and abs(runs[0] - measure) > within:
        return None  # (one measure seen once: the first line fills it too)
    return ev.STRONG if len(ends) >= _SURE else ev.LIKELY

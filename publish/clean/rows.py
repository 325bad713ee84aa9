"""Lines that are records set one a line, which a converter's text keeps apart only by its
line ends: a table's rows set with single spaces, figures among their cells (``尹志尧 董事长、
总经理 6,200,266 1.29%``, a prospectus's table as its PDF gave it), and the entries of a list of
standards, each opening with its code (``GB/T 33453 基础地理信息数据库建设规范``), and authors'
notes, each opening with the author's name and sex (``王芳，女，江苏人，…``). Joined, the
last cell of one row runs into the first of the next (``1.29%杜志游``), and the record is gone
from the text; ``unwrap`` keeps such breaks.
"""

from __future__ import annotations

import functools

import regex

from publish.cjk import has_cjk_letter, width

#: A figure alone in a cell: an amount, a share, a date's numbers (``6,200,266`` ``1.29%``).
_FIGURE = regex.compile(r"[-+]?\d[\d,]*(?:\.\d+)*%?")
#: Marks of a sentence, which no row of cells has, of either width (``punctuation`` may
#: widen them later: read alike before and after); a comma or colon in a figure or a time
#: is the figure's (``6,200,266``, ``10:30``).
_SENTENCE_MARKS = regex.compile(r"[，。；！？：;!?]|[,:](?!\d)")
#: A standard's code opening an entry (``GB/T 33453``, ``CH/T 1020``, ``GB 22021``,
#: ``GB/T****`` for one not yet numbered).
_CODED = regex.compile(r"^[ \t]*[A-Z]{1,4}(?:/[A-Z]{1,2})?[ \t]*(?:\d|\*{2,})")
#: An author's note opening with the name, the years and the sex (``李明，男（1980-），…``,
#: ``赵强（1975-），男，…``): a journal's notes on its authors, one a line (review 96).
_BIO = regex.compile(
    r"^[ \t]*\p{Han}{2,4}[ \t]*(?:[（(]\d{4}[-—–~～]+\d{0,4}[）)][ \t]*)?[，,][ \t]*[男女]"
)
_FIELD = regex.compile(r"^[ \t]*\p{Han}{2,6}[:：]")  # (a labelled field: ``收稿日期：``)
_DIGIT = regex.compile(r"\d")
#: A row numbered at its start and ending in a figure, three cells or more (``58 Honour
#: Terrace* 24 1996``, a list of societies dissolved, by year).
_NUMBERED_ROW = regex.compile(r"^[ \t]*\d{1,4}[ \t]+\S+(?:[ \t]+\S+)+[ \t]+\d[\d,.]*%?[ \t]*$")
_WIDEST_CELL = 24  # columns: twelve Chinese characters


def _cells(line: str) -> list[str] | None:
    """The line's cells, if it reads as a row of them: three or more, set apart by spaces,
    none wider than a cell, no sentence's marks."""
    cells = line.split()
    if len(cells) < 3 or _SENTENCE_MARKS.search(line):
        return None
    return None if any(width(cell) > _WIDEST_CELL for cell in cells) else cells


@functools.lru_cache(maxsize=4096)  # (each line is read as a break's first and its second)
def _grid(line: str) -> bool:
    """A row of a table's symbols and figures: three cells or more, none wider than eight
    columns, no sentence's marks, two in three of them or more holding a digit or two
    characters at most (``M1 M2 D+ D-``, ``α α β β``, ``p1 231 64 0.71``; not ``the cat sat
    on the mat``, nor a running head's ``Page 7 GAO-26 Report``)."""
    if line.count(" ") < 2 or _SENTENCE_MARKS.search(line):  # (a quick look first)
        return False
    cells = line.split()
    short = sum(1 for c in cells if len(c) <= 2 or _DIGIT.search(c))
    return len(cells) >= 3 and 3 * short >= 2 * len(cells) and all(width(c) <= 8 for c in cells)


_TOKEN = regex.compile(r"^[ \t]*\w[\w+-]{0,3}[ \t]*$")  # (a row's label alone: ``p1``)


def records(cur: str, nxt: str) -> bool:
    """``cur`` and ``nxt`` are two records: rows of cells, Chinese in one at least, with
    figures in one at least (a table's head over its first row too, a row naming a fund in
    English under one naming it in Chinese), or two entries opening with a code; or ``cur``
    is a row with figures after its first cell (not a section's number, ``5.3.1 GNSS RTK
    实测法``) and ``nxt`` a sentence, the text after the table."""
    if cur.lstrip()[:1].isupper() and _CODED.match(cur) and _CODED.match(nxt):
        return True
    if (_grid(cur) and (_grid(nxt) or _TOKEN.match(nxt))) or (_grid(nxt) and _TOKEN.match(cur)):
        return True  # (a table's rows of symbols and figures: ``α α β β ω ω`` ⏎ ``p1 231 64…``)
    if _BIO.match(cur) and (_BIO.match(nxt) or _FIELD.match(nxt)):
        return True  # (authors' notes, one a line: ``李明，男（1980-），…`` ⏎ ``王芳，女，…``,
        # and the field after the last, ``收稿日期：2020-01-10``)
    if cur.isascii() and nxt.isascii():  # (English prose has figures too: only numbered
        return bool(_NUMBERED_ROW.match(cur) and _NUMBERED_ROW.match(nxt))  # rows, ``58 …1996``)
    if " " not in cur or not (_DIGIT.search(cur) or _DIGIT.search(nxt)):
        return False  # (a quick look: spaces between cells, and a figure)
    if not (has_cjk_letter(cur) or has_cjk_letter(nxt)):
        return False
    first = _cells(cur)
    second = _cells(nxt) if first is not None and " " in nxt else None
    if first is None:
        return False
    if second is None:  # (prose after a table's last row: ``…行权成本`` ⏎ ``员工权益下翻中，…``)
        if not has_cjk_letter(cur) or _SENTENCE_MARKS.search(nxt) is None:
            return False  # (``6. 1. 1`` over its clause: a number, no row)
        return any(map(_FIGURE.fullmatch, first[1:]))
    return any(_FIGURE.fullmatch(cell) for cell in (*first, *second))


def opens_records(lines: list[str], n: int) -> bool:
    """The break after ``lines[n]`` leads into records: the two lines after it are records
    (:func:`records`), and the line before them ends a sentence or leads in with a colon
    (``…的持股及任职情况如下：`` over a table's head): kept, so the head stays its row."""
    if n + 2 >= len(lines) or lines[n].rstrip()[-1:] not in "：:。.":
        return False
    return records(lines[n + 1], lines[n + 2])

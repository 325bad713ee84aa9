"""Recurring lines and numbers alone, for the running heads of :mod:`publish.clean.running`:
where such lines stand (apart, once a page, before each page marker) and what their numbers do
(a page number rising, a chronicle's years, a converter's page labels, a folio OCR garbled).
"""

from __future__ import annotations

import bisect
import itertools

import regex

from publish.cjk import width
from publish.clean.numbering import LEVELLED
from publish.clean.shapes import MONTH

Line = tuple[int, tuple[int, int], str]  # (index among non-blank lines, span, text)
NUMBER = regex.compile(r"\d+")
LETTER = regex.compile(r"\p{L}")
_MONTH_AFTER = regex.compile(rf"(?i:(?:st|nd|rd|th)?[ \t]+{MONTH}\b)|[ \t]*[月日号]")
_MONTH_BEFORE = regex.compile(rf"(?i:\b{MONTH}[ \t]+)$")
#: A date in figures: ``10/21/2025``, ``21.10.2025``, ``2025-10-21``.
_DATE = regex.compile(
    r"\b(?:\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})|\d{4}[/.-]\d{1,2}[/.-]\d{1,2})\b"
)
_NAMES_PAGE = regex.compile(r"(?i:\b(?:page|p\.|pp\.|no\.?)[ \t]*)$|第[ \t]*$")
MIN_GAP = 200
_ITEM_NUMBER = regex.compile(r"^[(（\[［]?\d{1,3}[.)）、\]］]$")  # ``3.`` ``(2)`` ``[1]``
_PAGE_LABELS = frozenset(("第#页", "第#頁", "page#", "p#"))  # (keys: numbers read as ``#``)


def garbled(core: str) -> bool:
    """One number among marks, with a Latin letter at most, in six characters (``= 26``,
    ``-46``, ``a6``: a folio as OCR read it); not an item's number (``3.``, ``(2)``, ``[1]``),
    a decimal, a percentage or math (``0.2``, ``5%``, ``$x_1$``), nor a lettered item's
    (:data:`LETTERED`)."""
    return (
        len(core) <= 8
        and len(core.replace(" ", "")) <= 6
        and len(NUMBER.findall(core)) == 1
        and not any(mark in core for mark in "$%")
        and not _SIGNED.match(core)  # (a value with its sign, ``+13``, a stat block's)
        and len(LETTER.findall(core)) <= 1
        and width(core) == len(core)  # (no Chinese, letter or mark: ``（2``)
        and not _ITEM_NUMBER.match(core)
        and not LETTERED.match(core)
    )


_SIGNED = regex.compile(r"^[ \t]*\+[ \t]*\d")
#: An item lettered, its number after a space: an exercise's ``a 152`` (``a 15²`` as OCR read
#: it), ``b) 74``; no folio (review 93: a textbook's questions went as garbled folios).
LETTERED = regex.compile(r"^[a-z][.)]?[ \t]+(?:\d|\$)")


def _changing(lines: list[Line]) -> int | None:
    """Which number of the lines differs among them, when they differ in one number only."""
    numbers = [[int(n) for n in NUMBER.findall(core)] for *_, core in lines]
    if not numbers[0] or any(len(n) != len(numbers[0]) for n in numbers):
        return None
    changing = [i for i in range(len(numbers[0])) if len({n[i] for n in numbers}) > 1]
    return changing[0] if len(changing) == 1 else None


def at_edge(lines: list[Line]) -> bool:
    """The number the lines differ in opens or ends each of them, where a running head sets
    its page's (``4.2 CONSERVATION OF MASS 111``), not inside (``Booking Phone: 61 7 4321
    1234``)."""
    which = _changing(lines)
    if which is None:
        return False
    for *_, core in lines:
        found = list(NUMBER.finditer(core))[which]
        before, after = core[: found.start()].strip(_EDGE), core[found.end() :].strip(_EDGE)
        if before and after:
            return False
    return True


_EDGE = " \t*_|-–—·.,"


def counted(lines: list[Line], texts: list[str]) -> bool:
    """The number that changes from line to line counts what the word after it names (``24
    lines`` … ``48 lines`` under two poems, ``2200 words``, ``36 行``, ``共 8个景点``): a
    length or a count, no page's."""
    which = _changing(lines)
    if which is None:
        return False
    for line in lines:
        found = list(NUMBER.finditer(texts[line[0]]))
        if which >= len(found) or not _COUNTING.match(texts[line[0]], found[which].end()):
            return False
    return True


_COUNTING = regex.compile(
    r"[ \t]*(?:(?:lines?|words?|characters?|stanzas?|verses?|minutes?)\b"
    # (or a Chinese measure word, which counts what follows it: ``共 3个景点`` … ``共 12个
    # 景点`` under each day of a travel diary, review 192)
    r"|[行字首个項项条條次人位名家处處件种種张張篇本部元天晚周]|小时|小時|分钟|分鐘|公里)",
    regex.I,
)


def section_numbered(lines: list[Line], texts: list[str]) -> bool:
    """The number that changes from line to line is a section's: each line opens with a
    number of two levels or more (``2.1 Filling the Tank`` … ``3.1 Filling the Tank``), and
    the number that changes is one of its levels, not a page's after it (``4.2 CONSERVATION
    OF MASS 111`` … ``113``)."""
    which = _changing(lines)
    if which is None:
        return False
    for line in lines:
        opened = _SECTION_NUMBER.match(texts[line[0]])
        if opened is None or which >= len(NUMBER.findall(opened.group(1))):
            return False
    return True


#: A line that opens with a section's number of two levels or more (``2.1 ``, ``## 3.2.1 ``).
_SECTION_NUMBER = regex.compile(rf"[ \t]*(?:#{{1,6}}[ \t]+)?({LEVELLED})\.?[ \t]+\S")


def sections_in_turn(lines: list[Line], texts: list[str]) -> bool:
    """Each line opens with a section's number of two levels or more, an appendix's with its
    letter, each number its own (``A.1.1 Depot number 1`` … ``A.1.4 Depot number 4``): a
    document's sections, not a head that repeats (``4.2 CONSERVATION OF MASS 111`` … ``113``
    opens with one number on every page)."""
    numbers = [_SECTION_NUMBER.match(texts[line[0]]) for line in lines]
    return all(numbers) and len({n.group(1) for n in numbers if n}) == len(lines)


def rising_page(lines: list[Line]) -> bool:
    """The lines differ in one number only, and it rises from each to the next, by
    :data:`_LEAP` at most (a page number, not a date, a count or a code)."""
    which = _changing(lines)
    if which is None:
        return False
    pages = [int(NUMBER.findall(core)[which]) for *_, core in lines]
    if any(1800 <= page <= 2100 for page in pages):  # a year
        return False
    if _in_date(lines[0][2], which):  # a day (``Saturday 09 January 1864``)
        return False
    core = lines[0][2]
    number = list(NUMBER.finditer(core))[which]
    if _AMOUNT.search(core, 0, number.start()):
        return False  # (a sum, ``Total   $4531`` in a treasurer's two reports: review 227)
    if (
        core[number.end() : number.end() + 1] in ("%", "％")
        or core[number.start() - 1 : number.start()] == "+"
    ):
        return False  # (a percentage or a signed value, ``Athletics +5%, Lore`` … ``+10%``, a
        # table's cells on two pages: review 241)
    if any(t.start() <= number.start() < t.end() for t in _TIME.finditer(core)):
        return False  # (an hour, ``1:30 PM ON FOR REGISTRATION`` … ``5:30 PM…`` on a flyer's
        # two pages: review 235)
    return all(a < b <= a + _LEAP for a, b in itertools.pairwise(pages))


#: A currency sign right before a number (a space between at most): a sum, no page.
_AMOUNT = regex.compile(r"\p{Sc}[ \t]?$")
#: An hour and its minutes: a time of day, no page.
_TIME = regex.compile(r"\d{1,2}:[0-5]\d(?!\d)")


def outpaced(lines: list[Line]) -> bool:
    """The number the lines differ in rises faster than a page's does: by more than
    :data:`_GAP` from one to the next on average (a head stands on half its pages at least,
    OCR's gaps allowed for), as a note's does (``7 Joan C. Williams, …`` and ``95 Joan C.
    Williams, …``, one work cited in two notes thirteen pages apart: review 237, two papers).
    (Whether the text shows its pages or not, so that cleaning the output again, its page
    marks gone, judges alike.)"""
    which = _changing(lines)
    if which is None:
        return False
    rise = int(NUMBER.findall(lines[-1][2])[which]) - int(NUMBER.findall(lines[0][2])[which])
    return rise > _GAP * (len(lines) - 1) + _SLACK


#: What a page's number rises by at most, on average, from one of its heads to the next.
_GAP = 4
#: Pages it may rise by beyond that (a page of plates, a head OCR lost).
_SLACK = 3


def identifiers(lines: list[Line]) -> bool:
    """The number the lines differ in is an identifier's (:func:`_in_code`): a parcel's, a
    question's (``P. P. No. 004-17-048``, ``**题号**：001``), each line a record's, no page's."""
    which = _changing(lines)
    return which is not None and _in_code(lines[0][2], which)


def _in_code(core: str, which: int) -> bool:
    """The ``which``-th number of ``core`` is one group of a code of three or more
    (``004-17-048``, ``1.2.3``: a chapter's page, ``3-14``, has two), or of three digits or
    more set with zeros before it (``**题号**：001``, a question bank's: review 201): an
    identifier's, no page's."""
    found = list(NUMBER.finditer(core))[which]
    if len(found.group(0)) > 2 and found.group(0).startswith("0"):  # (a folio: ``08``)
        return True
    return any(c.start() <= found.start() and found.end() <= c.end() for c in _CODE.finditer(core))


_CODE = regex.compile(r"\d+(?:[-./]\d+){2,}")


#: Pages at most between two lines of a running head: a number that leaps further names no
#: page (a standard's, ``GB4094`` … ``GB34660``, in a list of them: review 112).
_LEAP = 500


def days(lines: list[Line], texts: list[str]) -> bool:
    """The number the lines differ in is a day of the month each time, under a heading that
    names the month (a council's calendar: ``## MAY continued - 2025`` ⏎ ``8 COMMUNITY
    REDEVELOPMENT AGENCY (CRA) REGULAR SESSION…``, review 76): a calendar's entries, no pages."""
    which = _changing(lines)
    if which is None:
        return False
    return all(
        int(NUMBER.findall(core)[which]) <= 31
        and index > 0
        and texts[index - 1].lstrip().startswith("#")
        and _MONTH_NAMED.search(texts[index - 1]) is not None
        for index, _, core in lines
    )


_MONTH_NAMED = regex.compile(rf"(?i:\b{MONTH})")


#: ``No.`` before a number, not a page's (``Page No. 12``).
_ITEM_NO = regex.compile(r"(?i:(?<!\bpage[ \t])\bno\.?[ \t]*)$")


def numbered_items(lines: list[Line]) -> bool:
    """The number the lines differ in is named a ``No.`` (``GAZETTE NOTICE NO. 14039``, then
    ``14040``, over each notice: review 74): an item's number, which the text cites, not a
    page's (named ``Page``; a periodical's ``No. 41`` stays the same page after page)."""
    which = _changing(lines)
    if which is None:
        return False
    return all(
        _ITEM_NO.search(core, 0, list(NUMBER.finditer(core))[which].start()) is not None
        for *_, core in lines
    )


def _in_date(core: str, which: int) -> bool:
    """The ``which``-th number of ``core`` is a day or a month of a date, not named a page's."""
    found = list(NUMBER.finditer(core))[which]
    before, after = core[: found.start()], core[found.end() :]
    if _NAMES_PAGE.search(before):
        return False
    if any(d.start() <= found.start() and found.end() <= d.end() for d in _DATE.finditer(core)):
        return True  # (a date in figures: an agenda's ``10/21/2025; RECEIVED…``, review 119)
    return bool(_MONTH_AFTER.match(after) or _MONTH_BEFORE.search(before))


def years(lines: list[Line]) -> bool:
    """A number that changes from line to line is a year each time: dated headings (a
    chronicle's ``民国29年（1940年）`` … ``民国30年（1941年）``), not a running head."""
    numbers = [[int(n) for n in NUMBER.findall(core)] for *_, core in lines]
    if any(len(n) != len(numbers[0]) for n in numbers):
        return False
    return any(
        len(set(column)) > 1 and all(1800 <= n <= 2100 for n in column)
        for column in zip(*numbers, strict=True)
    )


def apart(lines: list[Line], text: str) -> bool:
    gaps = (text[a[1][1] : b[1][0]] for a, b in itertools.pairwise(lines))
    return all(len(gap) >= MIN_GAP or width(gap) >= MIN_GAP for gap in gaps)


def page_labels(groups: dict[str, list[Line]]) -> set[int]:
    """The lines that say only which page starts, their numbers rising (a converter's ``## 第 2
    页`` or ``Page 2``, removed with the running heads): where the text shows its pages."""
    labels = (
        [line for line in lines if ":" not in line[2] and "：" not in line[2]]
        for key, lines in groups.items()
        if key.replace(" ", "") in _PAGE_LABELS
    )  # (not a form's field, ``Page: 1``, among them: review 239's records)
    return {line[0] for lines in labels if len(lines) > 1 and rising_page(lines) for line in lines}


def same_page(lines: list[Line], pages: list[int]) -> bool:
    """Half the lines or more stand on the page of the line before, though the text shows
    pages between the others (page markers, folios): a running head or foot stands once a
    page (``参考资料：《线性代数》56 页`` twice on page 2 and twice on page 4 cites another book's
    pages; a guide's ``技术文档`` on each page, and twice on its title page, is its head)."""
    between = [
        bisect.bisect_left(pages, b[0]) - bisect.bisect_right(pages, a[0])
        for a, b in itertools.pairwise(lines)
    ]
    return any(between) and 2 * between.count(0) >= len(between)


def head_and_foot(lines: list[Line], markers: set[int]) -> bool:
    """Each of the lines stands next to a page marker, on the line before one (a page's
    foot) or after one (the next page's head), and both are seen: a line printed atop and
    below every page (a classification banner, ``TOP SECRET``)."""
    before = [line[0] + 1 in markers for line in lines]
    after = [line[0] - 1 in markers for line in lines]
    beside = all(b or a for b, a in zip(before, after, strict=True))
    return beside and any(before) and any(after)


def feet(lines: list[Line], markers: set[int], last: int) -> bool:
    """Each of the lines stands on the line before a page marker, or ends the text (the last
    page's foot), and two or more stand before a marker."""
    before = sum(line[0] + 1 in markers for line in lines)
    return before >= 2 and all(line[0] + 1 in markers or line[0] == last for line in lines)

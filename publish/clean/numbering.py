"""Chinese heading numbers and their rank: 第X编 above 第X章 above 第X节 above 第X条 above 一、
above （一） above 1. above （1） (a regulation's article holds its items ``（一）`` and their
``1.``; 編, 節 and 條 are the same in Traditional Chinese); list numbers.

Shared by ``unwrap`` (a numbered line starts a paragraph), ``seams`` (never join onto one) and
``headings`` (promote and nest them). ``1.聚焦重点产业`` without a space is text, not a number.
A list number in brackets alone on its line (``(xii)``, ``(a)``), as PDF conversion leaves
the items of a legal list, goes with the item's text on the next line.
"""

from __future__ import annotations

import re

from publish.cjk import width

_CN = "一二三四五六七八九十百零〇两"
_RANKED: list[tuple[int, re.Pattern[str]]] = [
    (1, re.compile(rf"^第[{_CN}\d]+[编編]")),
    (2, re.compile(rf"^第[{_CN}\d]+章")),
    (3, re.compile(rf"^第[{_CN}\d]+[节節]")),
    (4, re.compile(rf"^第[{_CN}\d]+[条條]")),
    (5, re.compile(rf"^[{_CN}]+、")),
    (6, re.compile(rf"^[（(][ \t]?[{_CN}]+[ \t]?[）)]")),  # (``(一 )``, as pdftotext sets it)
    (7, re.compile(r"^(?:\d{1,2}[.．、](?=\s)|\d{1,2}、)")),
    (8, re.compile(r"^[（(][ \t]?\d{1,2}[ \t]?[）)]")),
]
#: The ranks that head a document's numbered parts: under an unnumbered heading they keep
#: its level (``# 报告`` … ``## 一、``; an annual report's ``## 第一节`` after the letter to its
#: shareholders, ``## 致股东``: review 167), and only a number of a higher rank is their parent.
TOP = frozenset({1, 2, 3, 5})
#: The ranks down to （一）: a report's or a book's parts, whose nesting is sure.
PARTS = 6
#: A Chinese heading number a standalone line may be promoted for (pass ``headings``).
CHINESE_NUMBER = re.compile(rf"^(?:[{_CN}]+、|[（(][{_CN}]+[）)]|第[{_CN}\d]+[章节条编節條編])")
_NUMBER_FIRST = frozenset(f"{_CN}（(第")  # (what :data:`CHINESE_NUMBER` opens with)
#: (one letter, but not a Han character: ``（一）`` is a Chinese heading number, above)
_LIST_NUMBER = re.compile(
    r"^(?:[(（](?:[ivxlc]{1,7}|[IVXLC]{1,7}|(?![\u3400-\u9fff])[^\W\d_]|\d{1,3})"
    r"|(?:[a-z]|[ivx]{1,4}))[)）]"  # (or a lower-case letter's with its closing one only,
    r"(?=$|[ \t]+\S)"  # ``g) performing orbit…`` after ``…at present);``: review 240)
)
_SENTENCE_END = re.compile(r"[。！？!?]|[，、；：,;:]$")
#: A section's number before its title: ``§ 600.2``, ``3.4.1``, ``Article 5``, ``Section
#: IV``: a regulation's or a paper's heading, however its title ends.
#: A section's number of two levels or more, an appendix's with its letter (``2.4``,
#: ``A.2.7``): a pattern's text, for the patterns that read one.
LEVELLED = r"(?:[A-Z]\.)?\d{1,3}(?:\.\d{1,3})+"
SECTION_NUMBER = re.compile(
    r"^(?:§{1,2}|¶)[ \t\u00a0]*\d|^\d{1,3}(?:\.\d{1,3})+\.?[ \t]"
    r"|^(?:Section|Sec\.|Article|Art\.|Rule|Part|Chapter|Title|Schedule)[ \t]+(?:\d|[IVXLC]+\b)",
    re.IGNORECASE,
)


def rank(title: str) -> int:
    """1 for 第X编, 2 for 第X章, 3 for 第X节, 4 for 第X条, 5 for 一、, 6 for （一）, 7 for 1., 8
    for （1）, 0 when unnumbered."""
    for value, pattern in _RANKED:
        if pattern.match(title):
            return value
    return 0


#: A section's number of two levels or more before Chinese, no space between, as MinerU
#: leaves a paper's sub-heads (``1.5.3子宫重量…``, ``2.4泌乳期…``).
_LEVELLED_HAN = re.compile(rf"^{LEVELLED}\.?[ \t]*[\u3400-\u9fff]")
#: What :func:`style` says of a section's number before Chinese.
LEVELLED_STYLE = 9


def style(title: str) -> int:
    """How ``title`` is numbered: its :func:`rank`, or :data:`LEVELLED_STYLE` for a section's
    number of two levels or more before Chinese; 0 when unnumbered."""
    return rank(title) or (LEVELLED_STYLE if _LEVELLED_HAN.match(title) else 0)


def is_heading_line(line: str, max_width: int = 60) -> bool:
    """A short line starting with a Chinese heading number that is not a sentence, nor a
    piece of one a column cut: two characters after the number at least (``第五条`` alone is
    whole), and no bracket left open (``（三）不`` ⏎ ``予公开``, ``（二）部分公开（区分处理的，
    只计这一情`` ⏎ ``形…``)."""
    line = line.strip()
    if len(line) > max_width or line[:1] not in _NUMBER_FIRST:  # (quick looks first: the
        return False  # width is at least the length; a number opens it)
    number = CHINESE_NUMBER.match(line)
    if number is None or width(line) > max_width or _SENTENCE_END.search(line):
        return False
    title = line[number.end() :]
    opened = title.count("（") + title.count("(")
    named = line.startswith("第") or len(title.strip()) >= 2  # (``第五条`` alone is whole)
    return named and opened <= title.count("）") + title.count(")")


def is_bare_number(line: str) -> bool:
    """A Chinese heading number alone (``一、`` ``（二）``): its text is on the next line."""
    found = CHINESE_NUMBER.match(line.strip())
    return found is not None and found.end() == len(line.strip())


def is_list_number(line: str) -> bool:
    """A list number in brackets alone: one letter of any script, Roman or Arabic numerals
    (``(xii)`` ``(a)`` ``(क)`` ``（3）``): its item is on the next line. (``3.`` alone is
    Markdown's, an empty list item.)"""
    return len(line) < 16 and _LIST_NUMBER.fullmatch(line.strip()) is not None


def starts_list_item(line: str) -> bool:
    """``line`` starts with a list number in brackets, alone or before its item's text."""
    return _LIST_NUMBER.match(line.lstrip()) is not None

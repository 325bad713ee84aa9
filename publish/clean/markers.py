"""What a continuation marker (jump line) looks like, in Chinese and English.

Chinese: ``上接第一版`` ``（下转第3版）`` ``(转第A4版)`` ``（接第2版）`` ``紧接第1版``
``下转第××面`` ``续见第5版``, full- or half-width brackets in any mix, spaces from OCR, and an
English gloss (``（下转第 123 页 continued on page 123）``). English: ``Continued on Page
A6``, ``continued from page one``, ``Continued on next page``, ``(continues on page 8)``,
``Cont'd on p. 4``, ``(Continued on fourth page.)``, ``CONTINUED FROM FIRST PAGE``, ``Turn to
page 5``, ``See FIRE, Page 3``, ``continued on page 3, see **FPA**``, ``Comet Comments
continued from page 9``, ``From page 1``;
OCR's forms of a line of its own: a comma for the full stop (``Continued on Page 2,``) and a
number word with one letter misread, in brackets (``(Continued on Page Bight.)``: page 8).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import regex

_NUMERALS = dict(zip("〇零一二三四五六七八九", (0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9), strict=True))
_NUMERALS["两"] = 2
_WORDS = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
]
_ORDINALS = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
]
_PLACES = ("next", "previous", "back", "following", "preceding", "last", "front")

#: A page's number word that OCR misread (``(Continued on Page Bight.)``): a capitalised word
#: right before the closing bracket, only after ``continued on/from page``.
_MISREAD = (
    r"(?<=(?i:continued|cont(?:'|’)?d\.?)\s+(?i:on|from)\s+(?i:page)\s+)"
    r"[A-Z][a-z]{2,7}(?=[ \t]*\.?[ \t]*[)）\]])"
)
_ZH = (
    r"(?P<zdir>上接|紧接|接|承|下转|转至|转|续见)\s*第?\s*"
    r"(?P<zpage>[0-9A-Za-z０-９Ａ-Ｚ〇零一二三四五六七八九十百两]+|[×xX*]{1,3})\s*(?:版|页|面)"
    r"(?:\s*(?i:continued\s+(?:on|from)\s+page\s*\w*))?"
)
_EN = (
    r"(?i:(?P<edir>continued|continues|cont(?:'|’)?d\.?|cont\.|(?:please\s+)?turn|see|from)"
    r"(?:\s+(?P<prep>on|from|to|onto))?(?:\s+[A-Z][\p{Latin}\d'’&-]*(?:\s+[A-Z][\p{Latin}\d'’&-]*){0,3},)?\s*"
    rf"(?:(?:the\s+)?(?P<place>{'|'.join(_PLACES)})\s+(?:page|column)\b"
    rf"|(?:the\s+)?(?P<nth>{'|'.join(_ORDINALS)})\s+page\b"
    rf"|(?:page|p\.)\s*(?P<epage>[A-Z]?\d+[A-Z]?\b|(?:{'|'.join(_WORDS)})\b|{_MISREAD}))"
    r"(?:,?\s*(?:column|col\.)\s*(?P<col>\d+))?)"
)
#: A marker, Chinese or English, without brackets.
MARKER = regex.compile(rf"(?:{_ZH}|{_EN})")
_OPEN, _CLOSE = r"[(（\[【［〔]", r"[)）\]】］〕]"
_NAME = (
    r"[A-Z][\p{Latin}\d'’&.-]*(?:[ \t]+[A-Z][\p{Latin}\d'’&.-]*){0,4},?[ \t]+"  # ``Comet Comments``
)
#: The head a jump line points to, after its page (``continued on page 3, see **FPA**``,
#: ``…, see LPC ↘``: the continuation's jump head, ``# LPC, continued from page 3``).
_POINTER = r"(?:[,;][ \t]*(?i:see)[ \t]+[*_]{0,2}[A-Z][\p{Latin}\d'’&-]*[*_]{0,2}[ \t]*[↘→➔►]?)?"
_UNIT = (
    rf"[*_]{{0,3}}[ \t]*(?:{_OPEN}[ \t]*)?(?:{_NAME})?"
    rf"{MARKER.pattern}{_POINTER}[ \t]*(?:\.{{1,3}}|…|,)?[ \t]*(?:{_CLOSE})?"
    r"[ \t]*[*_]{0,3}[ \t]*\.?[ \t]*"
)  # (a comma for the full stop: OCR's; an ellipsis, ``continued on page 2...``: review 227)
#: A line that is nothing but markers: brackets, emphasis, heading or list marks, a section
#: name, and a folio before them (``-4- (continues on page 8)``).
OWN_LINE = regex.compile(
    rf"^[ \t]*(?:#{{1,6}}[ \t]+|>[ \t]*|[-+*][ \t]+|\d{{1,9}}[.)][ \t]+)?"
    rf"(?:[-–—][ \t]*\d{{1,4}}[ \t]*[-–—][ \t]*)?(?:{_UNIT})+$"
)
#: A marker set off from the text by brackets or emphasis.
BRACKETED = regex.compile(
    rf"{_OPEN}[ \t]*{MARKER.pattern}[ \t]*\.?[ \t]*{_CLOSE}"
    rf"|(?P<star>[*_]{{1,2}})(?:{_NAME})?"
    rf"{MARKER.pattern}\.?(?P=star)"
)


def chinese_number(text: str) -> int | None:
    """一 -> 1, 十二 -> 12, 二十六 -> 26, 一百零五 -> 105; None if not a Chinese numeral."""
    if not text or any(ch not in _NUMERALS and ch not in "十百" for ch in text):
        return None
    total, current = 0, 0
    for ch in text:
        if ch == "百":
            total += (current or 1) * 100
            current = 0
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = current * 10 + _NUMERALS[ch] if current else _NUMERALS[ch]
    return total + current


def normalise_page(page: str) -> str:
    """``第三版``, ``第3版`` and ``page three`` name the same page: ``"3"``; ``××`` gives ``""``."""
    page = page.translate({c: c - 0xFEE0 for c in range(0xFF10, 0xFF3B)})
    if set(page) <= set("×xX*"):
        return ""
    for words in (_WORDS, _ORDINALS):
        if page.lower() in words:
            return str(words.index(page.lower()) + 1)
        for n, word in enumerate(words):  # (a number word with one letter misread: ``Bight``)
            if len(word) == len(page) > 3 and _one_letter_apart(word, page.lower()):
                return str(n + 1)
    number = chinese_number(page)
    return str(number) if number is not None else page.upper().lstrip("0") or "0"


def _one_letter_apart(word: str, seen: str) -> bool:
    """``seen`` is ``word``, of the same length, with one letter read wrong."""
    return sum(a != b for a, b in zip(word, seen, strict=True)) == 1


def direction_and_page(match: regex.Match[str]) -> tuple[str, str, str]:
    """("to" or "from", the normalised page or a place such as "next", the column)."""
    if match.group("zdir"):
        direction = "to" if match.group("zdir") in ("下转", "转", "转至", "续见") else "from"
        return direction, normalise_page(match.group("zpage") or "×"), ""
    word = regex.sub(r"\s+", " ", match.group("edir").lower())
    prep = (match.group("prep") or "").lower()
    place = (match.group("place") or "").lower()
    goes_on = word.endswith(("turn", "see")) or (word != "from" and prep in ("on", "to", "onto"))
    if not prep and place:  # "continued next page", "continued from previous page"
        goes_on = place in ("next", "following", "back") and word != "from"
    page = place or normalise_page(match.group("epage") or match.group("nth") or "×")
    return ("to" if goes_on else "from"), page, match.group("col") or ""


#: Markers at the end or the start of a text (a run of them).
TRAILING = regex.compile(rf"(?:\s*{BRACKETED.pattern})+\s*$")
LEADING = regex.compile(rf"^\s*(?:{BRACKETED.pattern}\s*)+")


_PAGE = re.compile(r"[pP](?:[aA][gG][eE]|\.)|[cC][oO][lL][uU][mM][nN]")  # (``regex`` folds
# no other letter to these; ``column``: ``continued from previous column``, review 227)


def could_hold(text: str) -> bool:
    """A quick look at a whole text: could :data:`MARKER` match in it at all? A Chinese
    marker has one of ``接承转见`` and one of ``版页面``, an English one ``page``, ``p.`` or
    ``column``."""
    if _PAGE.search(text):
        return True
    return any(ch in text for ch in "接承转见") and any(ch in text for ch in "版页面")


#: What every marker holds: ``page`` or ``p.`` (in any case), or one of ``版页面``. (One
#: class first: an alternation of two is scanned five times slower.)
_ANCHOR = re.compile(
    r"[pP版页面cC](?:(?<=[pP])(?:[aA][gG][eE]|\.)|(?<=[版页面])|(?<=[cC])[oO][lL][uU][mM][nN])"
)
#: The characters of a marker before what it holds (its direction, a section name, a page in
#: Chinese), with at most 12 runs of spaces (a marker has 9): read backwards from the anchor.
_LEAD = r"\p{Latin}\d,'’&.\-上接紧承下转至续见第０-９Ａ-Ｚａ-ｚ〇零一二三四五六七八九十百两×*"
_BEFORE = regex.compile(rf"(?r)(?:[{_LEAD}]*\s+){{0,12}}[{_LEAD}]*")
#: What a marker starts with (``ſ`` folds to ``s``).
_FIRST = re.compile("[cCtTpPsSfFſ上紧接承下转续]")


def finditer(text: str) -> Iterator[regex.Match[str]]:
    """The matches of :data:`MARKER` in ``text``, as ``MARKER.finditer`` finds them, but tried
    only just before each word a marker holds (``page``, ``版``): scanning a whole English text
    with the pattern takes about 100 ns a character."""
    if not could_hold(text):
        return
    pos = 0
    for anchor in _ANCHOR.finditer(text):
        end = anchor.start()
        if end < pos:
            continue
        for first in _FIRST.finditer(text, _BEFORE.match(text, pos, end).start(), end):
            if found := MARKER.match(text, first.start()):
                yield found
                pos = found.end()
                break


def search(text: str) -> regex.Match[str] | None:
    """``MARKER.search(text)``, as fast as :func:`finditer`."""
    return next(finditer(text), None)


def might_hold(text: str) -> bool:
    """A quick look: could ``text`` hold a marker at all (``接`` ``转`` ``承`` ``见``, or
    ``page``/``p.``)?"""
    return (
        "接" in text
        or "转" in text
        or "承" in text
        or "见" in text
        or "age" in text
        or "AGE" in text
        or "p." in text
    )


#: Marks that are neither space nor part of a bracket or emphasis around a marker.
_PLAIN_MARKS = frozenset(",.;:!?，。、；：！？“”‘’\"'-—…%")


def _plain(ch: str) -> bool:
    """``ch`` can be no edge of a run of markers (which starts with a space, a bracket or an
    emphasis mark, and ends with one)."""
    return ch.isalnum() or ch in _PLAIN_MARKS


_EDGE = 240  # columns at each edge looked at: a run of markers is far shorter


def without_markers(text: str) -> str:
    """``text`` with the markers at its edges taken off."""
    if not text or (_plain(text[0]) and _plain(text[-1])) or "\n" in text or not might_hold(text):
        return text
    if not could_hold(text):  # (nor could any part of it)
        return text
    if len(text) <= 3 * _EDGE:
        return str(LEADING.sub("", TRAILING.sub("", text)))
    head, tail = text[:_EDGE], text[-_EDGE:]  # (the regexes would try every position)
    bare_head, bare_tail = LEADING.sub("", head), TRAILING.sub("", tail)
    if not bare_head or not bare_tail:  # markers all the way through an edge
        return str(LEADING.sub("", TRAILING.sub("", text)))
    return str(bare_head + text[_EDGE:-_EDGE] + bare_tail)

"""Pass ``jumps``: newspaper continuation markers removed and kept as metadata.

Chinese markers: ``(上接第一版)`` ``（下转第3版）`` ``(转第A4版)`` ``（接第2版）`` ``(紧接第1版)``
``上接第26页`` ``下转第××面``; English: ``Continued on Page A6``, ``(Continued from Page 1)``,
``Continued on page 4, column 2``. A marker is removed where it is a line of its own (brackets
optional) or stands, bracketed, at the very start or end of a paragraph; the same words inside
a sentence or a quotation stay. Every removed marker is recorded as a
:class:`~publish.model.Jump` (direction, page, column) for the document's provenance and for
ordering the fragments of one article::

    (上接第一版)人民群众的获得感…        -> 人民群众的获得感…
    …运用“啄木鸟”工作机制, (下转第三版)  -> …运用“啄木鸟”工作机制,
    报纸上印着“下转第二版”。            -> unchanged
"""

from __future__ import annotations

import regex

from publish.clean.blocks import split_blocks
from publish.clean.editor import Editor
from publish.clean.trace import Edit

NAME = "jumps"

_NUMERALS = {
    "〇": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_ZH = (
    r"(?P<zdir>上接|紧接|接|下转|转)\s*第?\s*"
    r"(?P<zpage>[0-9A-Za-z０-９Ａ-Ｚ〇零一二三四五六七八九十百两]+|[×xX*]{1,3})\s*(?:版|页|面)"
)
_EN = (
    r"(?i:continued)\s+(?P<edir>on|from)\s+(?i:page)\s+(?P<epage>[A-Z]?\d+[A-Z]?)"
    r"(?:,?\s*(?i:column|col\.)\s*(?P<col>\d+))?"
)
_MARKER = f"(?:{_ZH}|{_EN})"
_OPEN, _CLOSE = r"[(（\[【]", r"[)）\]】]"
_OWN_LINE = regex.compile(
    rf"^[ \t]*(?:{_OPEN}\s*{_MARKER}\s*\.?{_CLOSE}|{_MARKER}\.?)[ \t]*$", regex.M
)
_AT_START = regex.compile(rf"{_OPEN}\s*{_MARKER}\s*\.?{_CLOSE}[ \t\u3000]*")
_AT_END = regex.compile(rf"[ \t\u3000]*{_OPEN}\s*{_MARKER}\s*\.?{_CLOSE}\Z")


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
    """``第三版`` and ``第3版`` name the same page: both give ``"3"``; ``××`` gives ``""``."""
    page = page.translate({c: c - 0xFEE0 for c in range(0xFF10, 0xFF3B)})
    if set(page) <= set("×xX*"):
        return ""
    number = chinese_number(page)
    return str(number) if number is not None else page.upper().lstrip("0") or "0"


def _record(edit: Editor, match: regex.Match[str], offset: int) -> None:
    if match.group("zdir"):
        direction = "to" if match.group("zdir") in ("下转", "转") else "from"
        page = match.group("zpage")
    else:
        direction = "to" if match.group("edir").lower() == "on" else "from"
        page = match.group("epage")
    edit.jump(
        match.group(0).strip(), offset, direction, normalise_page(page), match.group("col") or ""
    )


def _edge_markers(text: str) -> list[regex.Match[str]]:
    """The runs of bracketed markers at the very start and the very end of ``text``."""
    found: list[regex.Match[str]] = []
    pos = 0
    while match := _AT_START.match(text, pos):
        found.append(match)
        pos = match.end()
    end = len(text)
    tail: list[regex.Match[str]] = []
    while (match := _AT_END.search(text, pos, end)) and match.end() == end:
        tail.append(match)
        end = match.start()
    return found + tail[::-1]


def apply(text: str, edit: Editor) -> str:
    edits: list[Edit] = []
    blocks = split_blocks(text)
    for i, block in enumerate(blocks):
        if block.kind != "paragraph":
            continue
        own = list(_OWN_LINE.finditer(block.text))
        ends = [] if own else _edge_markers(block.text)
        rest = _OWN_LINE.sub("", block.text)
        for match in reversed(ends):
            rest = rest[: match.start()] + rest[match.end() :]
        if (own or ends) and not rest.strip():  # nothing but markers: drop the block
            for match in own + ends:
                _record(edit, match, block.start + match.start())
            whole = (
                (block.start, blocks[i + 1].start)
                if i + 1 < len(blocks)
                else (blocks[i - 1].end + 1 if i else 0, len(text))
            )
            edits.append(Edit(*whole, ""))
            continue
        for match in own:
            _record(edit, match, block.start + match.start())
            start, end = block.start + match.start(), block.start + match.end()
            if match.end() < len(block.text):  # a line with more lines after it
                edits.append(Edit(start, end + 1, ""))
            else:  # the last line of the block
                edits.append(Edit(start - 1, end, ""))
        spans: list[list[int]] = []
        for match in ends:
            _record(edit, match, block.start + match.start())
            if spans and spans[-1][1] == match.start():
                spans[-1][1] = match.end()
            else:
                spans.append([match.start(), match.end()])
        for start, end in spans:
            if start == 0 and block.text[end : end + 1] == "\n":
                end += 1  # the first line was only markers
            elif end == len(block.text) and block.text[start - 1 : start] == "\n":
                start -= 1  # the last line was only markers
            edits.append(Edit(block.start + start, block.start + end, ""))
    return edit.apply(text, edits)

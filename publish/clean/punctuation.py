"""Pass ``punctuation``: half-width punctuation in Chinese text becomes full-width.

In Chinese context (a CJK character on either side; Markdown emphasis markers and shared
quotes are looked through)::

    ,  ;  :  ?  !        -> ，；：？！  (a space after them, before Chinese, is dropped)
    (…)                  -> （…） when the content or an outside neighbour is Chinese
    "…"                  -> “…”   when the content is Chinese
    .                    -> 。    after a CJK character, before one or the paragraph end

Never in protected spans (code, URLs, e-mail addresses, link targets, HTML, math,
attributes), and never in numbers and codes: ``1,234.5`` ``3.85亿元`` ``16:30`` ``1:500``
``7×24小时`` ``1-2个月`` ``〔2024〕15号`` ``f(x)`` ``ISO9001`` ``5G``, nor in English sentences.
"""

from __future__ import annotations

import re

import regex

from publish.clean.chars import CJK_LETTER, SHARED, is_cjk
from publish.clean.editor import Editor
from publish.clean.trace import Edit

NAME = "punctuation"

_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}
_MARK = re.compile(r"(?:[,;:?]|!(?!\[))( *)")
_PERIOD = regex.compile(
    rf"\.(?<=[{CJK_LETTER}][*_]*\.)(?=[*_]*(?:[{CJK_LETTER}]|[ \t]*$))", regex.M
)
_QUOTES = re.compile(r'"([^"\n]+)"')
_SKIP = "*_~,;:?!"  # emphasis markers, and the other marks of a run like ",,"
_HAS_CJK = regex.compile(f"[{CJK_LETTER}]")
_PAREN = re.compile(r"[()]")


def _neighbour(text: str, pos: int, step: int) -> str:
    """The first character from ``pos`` in direction ``step``, looking through emphasis and
    shared quotes; '' at the line's end."""
    while 0 <= pos < len(text) and text[pos] != "\n":
        if text[pos] not in _SKIP and text[pos] not in SHARED:
            return text[pos]
        pos += step
    return ""


def _chinese_around(text: str, start: int, end: int) -> bool:
    left = text[start - 1] if start else ""
    right = text[end] if end < len(text) else ""
    if left in _SKIP or left in SHARED:
        left = _neighbour(text, start - 1, -1)
    if right in _SKIP or right in SHARED:
        right = _neighbour(text, end, 1)
    return is_cjk(left) or is_cjk(right)


def _marks(text: str) -> list[Edit]:
    edits = []
    for match in _MARK.finditer(text):
        start = match.start()
        if not _chinese_around(text, start, start + 1):
            continue
        spaces = match.group(1)
        after = text[match.end() : match.end() + 1]
        drop = spaces if spaces and (is_cjk(after) or after in ("", "\n")) else ""
        edits.append(Edit(start, start + 1 + len(drop), _FULL[text[start]]))
    return edits


def _parentheses(text: str) -> list[Edit]:
    edits = []
    base = 0
    for line in text.split("\n"):
        start, base = base, base + len(line) + 1
        if "(" not in line or ")" not in line:
            continue
        stack: list[int] = []
        for bracket in _PAREN.finditer(line):
            i, ch = bracket.start(), bracket.group(0)
            if ch == "(":
                stack.append(i)
            elif ch == ")" and stack:
                opening = stack.pop()
                inside = line[opening + 1 : i]
                if _HAS_CJK.search(inside) or _chinese_around(line, opening, i + 1):
                    edits.append(Edit(start + opening, start + opening + 1, "（"))
                    edits.append(Edit(start + i, start + i + 1, "）"))
    return edits


def _quotes(text: str) -> list[Edit]:
    edits = []
    for match in _QUOTES.finditer(text):
        if _HAS_CJK.search(match.group(1)):
            edits.append(Edit(match.start(), match.start() + 1, "“"))
            edits.append(Edit(match.end() - 1, match.end(), "”"))
    return edits


def apply(text: str, edit: Editor) -> str:
    # Brackets and quotes first: the marks next to them then see the full-width forms.
    text = edit.apply(text, _parentheses(text) + _quotes(text))
    text = edit.apply(text, _marks(text))
    return edit.apply(text, [Edit(m.start(), m.end(), "。") for m in _PERIOD.finditer(text)])

"""Pass ``spaced``: OCR that spaced out every character is closed up.

A run of three or more single Chinese or Japanese characters separated by single spaces is
closed up (not Korean's, which sets a space between its words, ``나 는 너 를``); two
padded characters (a name, ``王 明``), bylines (``记者 陈立新``) and the rows of a diagram or
a table set with spaces (two such rows together: ``勾 青 空 虎`` ⏎ ``卯 辰 巳 午 …``) stay::

    汽 轮 发 电 机 组 -> 汽轮发电机组
    记者 陈 立 新      -> 记者 陈立新
    王 明             -> unchanged

A converter's spaces where a print's lines ended, one a column's measure after the other, are
closed up too (:mod:`publish.clean.wrapspaces`): ``…商業道德 標準，堅信…股東回 報的…``.
"""

from __future__ import annotations

import itertools
import re

import regex

from publish.cjk import WIDE_MARKED
from publish.clean import wrapspaces
from publish.clean.editor import Editor
from publish.clean.lines import line_span
from publish.clean.shapes import grid_row

NAME = "spaced"
_SPACED_OUT = re.compile(r"[^\x00-\x7f] [^\x00-\x7f] [^\x00-\x7f]")  # (CJK letters are not ASCII)

#: (Chinese's and Japanese's letters: Korean sets a space between its words, ``가 나 니``)
_LETTER = f"[{WIDE_MARKED}]"
_RUN = regex.compile(rf"{_LETTER}(?<!{_LETTER}{_LETTER})(?: {_LETTER}(?!{_LETTER})){{2,}}")


def apply(text: str, edit: Editor) -> str:
    if _SPACED_OUT.search(text):  # (a quick look: three wide characters spaced out)
        text = edit.sub(
            _RUN, lambda m: None if _in_grid(text, m) else m.group(0).replace(" ", ""), text
        )
    if not wrapspaces.QUICK.search(text):  # (a quick look: two wide ones with a space between)
        return text
    lines = text.split("\n")
    offsets = itertools.accumulate((len(line) + 1 for line in lines), initial=0)
    found = zip(lines, offsets, strict=False)
    return edit.apply(text, [e for line, at in found for e in wrapspaces.line_ends(line, at)])


def _in_grid(text: str, match: regex.Match[str]) -> bool:
    """The run stands in a row of a diagram or a table set with spaces, a row beside it."""
    start, end = line_span(text, match.start())
    if not grid_row(text[start:end]):
        return False
    before = text[slice(*line_span(text, start - 1))] if start else ""
    after = text[slice(*line_span(text, end + 1))] if end < len(text) else ""
    return grid_row(before) or grid_row(after)

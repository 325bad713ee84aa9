"""Pass ``spaced``: OCR that spaced out every character is closed up.

A run of three or more single CJK characters separated by single spaces is closed up; two
padded characters (a name, ``王 明``) and bylines (``记者 陈立新``) stay::

    汽 轮 发 电 机 组 -> 汽轮发电机组
    记者 陈 立 新      -> 记者 陈立新
    王 明             -> unchanged
"""

from __future__ import annotations

import re

import regex

from publish.cjk import CJK_LETTER
from publish.clean.editor import Editor

NAME = "spaced"
_SPACED_OUT = re.compile(r"[^\x00-\x7f] [^\x00-\x7f] [^\x00-\x7f]")  # (CJK letters are not ASCII)

_RUN = regex.compile(
    rf"[{CJK_LETTER}](?<![{CJK_LETTER}][{CJK_LETTER}])(?: [{CJK_LETTER}](?![{CJK_LETTER}])){{2,}}"
)


def apply(text: str, edit: Editor) -> str:
    if not _SPACED_OUT.search(text):  # (a quick look: no three wide characters spaced out)
        return text
    return edit.sub(_RUN, lambda m: m.group(0).replace(" ", ""), text)

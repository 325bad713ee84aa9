"""Characters a PDF's text extraction gave for others, for ``normalise``: radicals for the
characters a font drew with them, and control characters where a space or nothing stood.

- A run of Kangxi radicals (U+2F00–U+2FD5) beside a Chinese character becomes the characters
  it stands for (``⾃主`` -> ``自主``, by NFKC); one alone, or a run of them alone, is left (a
  table of radicals names them).
- So does a radical of the CJK Radicals Supplement that has the shape of a whole simplified
  character (``⻓江`` -> ``长江``, ``⻘年`` -> ``青年``: MinerU's Markdown of two PDFs, reviews 108
  and 114); these have no NFKC form, so :data:`SUPPLEMENT` names each.
- A control character (U+0001–U+001F but tab, line feed, carriage return, and a form feed
  starting a line, which ``furniture`` reads as a page's end) is invisible in print, and no
  HTML or EPUB can hold one. A PDF font's unmapped space (``USLEEP\\x01VISION``) becomes a
  space; a stray inside a word (``wa\\x02nt``: the two halves make a word the text or the
  word list knows) goes, and so does one beside a space, a line's edge or a CJK character
  (reviews 95, 97, 103, 105 and 114 found them in five documents).
"""

from __future__ import annotations

import re
import unicodedata

import regex

from publish.clean.editor import Editor
from publish.clean.trace import Edit
from publish.clean.words import Lexicon

#: Radicals of the CJK Radicals Supplement shaped as a whole character, and the character.
SUPPLEMENT = {
    "\u2e9f": "母",
    "\u2ea0": "民",
    "\u2ec4": "西",
    "\u2ec5": "见",
    "\u2ec6": "角",
    "\u2ec9": "贝",
    "\u2ecb": "车",
    "\u2ed1": "長",
    "\u2ed3": "长",
    "\u2ed4": "门",
    "\u2ed7": "雨",
    "\u2ed8": "青",
    "\u2ed9": "韦",
    "\u2eda": "页",
    "\u2edb": "风",
    "\u2edc": "飞",
    "\u2edd": "食",
    "\u2ee2": "马",
    "\u2ee3": "骨",
    "\u2ee4": "鬼",
    "\u2ee5": "鱼",
    "\u2ee6": "鸟",
    "\u2ee7": "卤",
    "\u2ee8": "麦",
    "\u2ee9": "黄",
    "\u2eea": "黾",
    "\u2eec": "齐",
    "\u2eee": "齿",
    "\u2ef0": "龙",
    "\u2ef3": "龟",
}
_ONE = "[\u2f00-\u2fd5" + "".join(SUPPLEMENT) + "]"
_RUN = rf"{_ONE}(?:[ \t]?{_ONE})*"  # (spaced out by OCR, ``电 ⼦ ⽿``)
_RADICALS = regex.compile(
    rf"(?<=\p{{Unified_Ideograph}}[ \t]?){_RUN}|{_RUN}(?=[ \t]?\p{{Unified_Ideograph}})"
)
_ANY_RADICAL = re.compile(_ONE)
_RADICAL = ("a radical a PDF's font gave for the character, beside Chinese",)

#: Control characters no HTML or EPUB can hold (a form feed starting a line is ``furniture``'s
#: page end; one after text on its line is not).
CONTROL = re.compile("[\x01-\x08\x0b\x0e-\x1f]+|(?<=[^\n\x0c])\x0c+")
_SPACE = ("a control character a PDF's font gave for a space, between two words",)
_STRAY = ("a control character, invisible in print, that no HTML or EPUB can hold",)
_HEAD = re.compile(r"[A-Za-z]+$")  # (searched up to the control character)
_TAIL = re.compile(r"[A-Za-z]+")


def radicals(text: str, edit: Editor) -> str:
    """``text`` with the radicals beside Chinese made the characters they stand for."""
    if not _ANY_RADICAL.search(text):
        return text
    return edit.sub(_RADICALS, lambda m: _character(m.group(0)), text, why=_RADICAL)


def _character(run: str) -> str:
    return "".join(SUPPLEMENT.get(ch) or unicodedata.normalize("NFKC", ch) for ch in run)


def controls(text: str, edit: Editor) -> str:
    """``text`` without control characters: a space where one parts two words, else none."""
    if not CONTROL.search(text):
        return text
    lexicon, edits = Lexicon(text), []
    for match in CONTROL.finditer(text):
        head = _HEAD.search(text, max(0, match.start() - 40), match.start())
        tail = _TAIL.match(text, match.end())
        if head is not None and tail is not None and not lexicon.is_word(head[0] + tail[0]):
            edits.append(Edit(match.start(), match.end(), " ", 1.0, _SPACE))
        else:
            edits.append(Edit(match.start(), match.end(), "", 1.0, _STRAY))
    return edit.apply(text, edits)

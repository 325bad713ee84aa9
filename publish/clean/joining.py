"""How two pieces of text are joined when a line or page break between them is removed.

Shared by ``unwrap`` and ``seams``: nothing between CJK characters, one space between Latin
words, and a word hyphenated at the break rejoined (``gov-`` + ``ernment`` -> ``government``)
unless the hyphenated form occurs elsewhere in the document (``well-`` + ``known`` ->
``well-known``).
"""

from __future__ import annotations

import re

from publish.clean.chars import SHARED, is_cjk

_HYPHENATED = re.compile(r"\b([A-Za-z]+)-([A-Za-z]+)\b")
_LEFT_WORD = re.compile(r"([A-Za-z]+)-$")
_RIGHT_WORD = re.compile(r"^([a-z][A-Za-z]*)")


def hyphenated_forms(text: str) -> set[str]:
    """Every ``word-word`` written on one line in ``text``, lower-cased."""
    return {m.group(0).lower() for m in _HYPHENATED.finditer(text)}


def _side_is_cjk(text: str, reverse: bool) -> bool:
    chars = reversed(text) if reverse else iter(text)
    for ch in chars:
        if ch in SHARED or ch in "*_~`":
            continue
        return is_cjk(ch)
    return False


def joiner(left: str, right: str, forms: set[str]) -> tuple[int, str]:
    """How to join ``left`` + break + ``right``: (characters to drop from the end of ``left``,
    text to put between)."""
    hyphen = _LEFT_WORD.search(left)
    word = _RIGHT_WORD.match(right)
    if hyphen and word:
        if f"{hyphen.group(1)}-{word.group(1)}".lower() in forms:
            return 0, ""
        return 1, ""
    if left.endswith(("-", "—", "/")):
        return 0, ""
    if _side_is_cjk(left, reverse=True) or _side_is_cjk(right, reverse=False):
        return 0, ""
    return 0, " "

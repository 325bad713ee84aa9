"""Character classes the clean passes share: CJK letters, CJK punctuation, widths.

"CJK" here means Han, kana, bopomofo and Hangul letters; "CJK punctuation" the CJK symbols
block and the full-width forms. Curly quotes, dashes and ellipses are shared by Chinese and
Latin text and count as Chinese only where a CJK character stands on their far side.
"""

from __future__ import annotations

import regex

CJK_LETTER = r"\p{Han}\p{Hiragana}\p{Katakana}\p{Bopomofo}\p{Hangul}々〇"
CJK_PUNCT = (
    r"\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\ufe10-\ufe19\ufe30-\ufe4f"
)
SHARED = "“”‘’—…·"
#: Marks that may not start a line (W3C clreq), used to decide that a break continues.
NO_START = "，。、；：？！）」』”’》〉】"
#: Marks that end a sentence or clause: a paragraph ending in one is complete.
TERMINAL = "。！？；：…」』”’）】》.!?:;\"')"

_LETTER = regex.compile(f"[{CJK_LETTER}]")
_CJK = regex.compile(f"[{CJK_LETTER}{CJK_PUNCT}]")


def is_cjk_letter(ch: str) -> bool:
    return bool(ch) and _LETTER.match(ch) is not None


def is_cjk(ch: str) -> bool:
    """A CJK letter or CJK punctuation mark."""
    return bool(ch) and _CJK.match(ch) is not None


def is_cjk_or_shared(ch: str) -> bool:
    """CJK, or a mark Chinese shares with Latin text (quotes, dashes, ellipsis)."""
    return is_cjk(ch) or (bool(ch) and ch in SHARED)


_WIDE = regex.compile(r"[\p{East_Asian_Width=Wide}\p{East_Asian_Width=Fullwidth}]")


def width(text: str) -> int:
    """Display width in columns: CJK wide and full-width characters count two."""
    if text.isascii():
        return len(text)
    return len(text) + len(_WIDE.findall(text))

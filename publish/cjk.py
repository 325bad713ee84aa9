"""Character classes of Chinese, Japanese and Korean text: the one place that defines them.

The cleaner, the PDF's line breaking, punctuation squeezing and justification all read these.
"CJK letters" are Han, kana, bopomofo and Hangul; "CJK punctuation" the CJK symbols block and
the full-width forms. Curly quotes, dashes and ellipses are shared by Chinese and Latin text.
"""

from __future__ import annotations

import regex

#: A character class body (for ``[...]`` in a ``regex`` pattern) of CJK letters.
CJK_LETTER = r"\p{Han}\p{Hiragana}\p{Katakana}\p{Bopomofo}\p{Hangul}々〇"
#: A character class body of CJK punctuation: the CJK symbols and full-width forms blocks.
CJK_PUNCT = (
    r"\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\ufe10-\ufe19\ufe30-\ufe4f"
)
#: Code-point ranges of wide CJK text, letters and punctuation (a plain ``re`` class body).
CJK_RANGES = (
    "\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u3190-\u31ff\u3400-\u4dbf"
    "\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003ffff"
)
#: Marks Chinese shares with Latin text; they count as Chinese only next to Chinese.
SHARED = "“”‘’—…·"

OPENING_QUOTES = "“‘"
CLOSING_QUOTES = "”’"
#: Marks that may not end a line (W3C clreq).
NO_END = frozenset("（［｛「『《〈【〔〖“‘")
#: Marks that may not start a line (W3C clreq).
NO_START = frozenset("、，。．：；！？）］｝」』》〉】〕〗”’·…—")
#: Opening and closing marks whose glyph is half blank (squeezed with the fonts' ``halt``).
OPENING = NO_END
CLOSING = NO_START - frozenset("．·…—")
#: A text that starts with one of these continues the sentence before it (a clause or closing
#: mark; a dash or an ellipsis can open a paragraph, so they are not here).
CONTINUES = "".join(sorted(CLOSING))
#: Marks that end a sentence or clause: a paragraph ending in one is complete.
TERMINAL = "。！？；：…」』”’）】》〉.!?:;\"')"
#: Marks inside a sentence: a line ending in one is not complete.
CLAUSE = "，、,"

_LETTER = regex.compile(f"[{CJK_LETTER}]")
_CJK = regex.compile(f"[{CJK_LETTER}{CJK_PUNCT}]")
_WIDE = regex.compile(r"[\p{East_Asian_Width=Wide}\p{East_Asian_Width=Fullwidth}]")


def is_cjk_letter(ch: str) -> bool:
    return bool(ch) and _LETTER.match(ch) is not None


def is_cjk(ch: str) -> bool:
    """A CJK letter or CJK punctuation mark."""
    return bool(ch) and _CJK.match(ch) is not None


def is_wide(ch: str) -> bool:
    """A character in the wide CJK ranges (letters and full-width punctuation)."""
    return "\u2e80" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef" or ch >= "\U00020000"


def width(text: str) -> int:
    """Display width in columns: CJK wide and full-width characters count two."""
    if text.isascii():
        return len(text)
    return len(text) + len(_WIDE.findall(text))


def has_cjk_letter(text: str) -> bool:
    return not text.isascii() and _LETTER.search(text) is not None

"""CJK-friendly emphasis: a markdown-it-py plugin implementing markdown-cjk-friendly.

CommonMark's flanking rules leave ``**社会保障更加有力。**完成`` as literal asterisks: the closing
run is preceded by punctuation (。) and followed by a letter (完), so it is not right-flanking.
The CJK-friendly amendments (tats-u/markdown-cjk-friendly, ``specification.md``) relax the
rules where a CJK character stands next to the run:

- ``*`` runs: a run is left- (right-) flanking also when a CJK character, ignoring a following
  non-emoji variation selector, stands on either side; a preceding ideographic variation
  selector counts as CJK, and so does a quotation mark made full-width with U+FE01.
- ``_`` runs: "preceded by punctuation" looks through a variation selector.

Text without CJK characters parses exactly as CommonMark (tested on the whole spec).

markdown-it-py builds a fresh ``StateInline`` inside ``ParserInline.parse``; the plugin swaps in
a parser whose state class scans delimiters with these rules. Relies on markdown-it-py 4.x.
"""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

import regex
from markdown_it.common.utils import isMdAsciiPunct, isPunctChar, isWhiteSpace
from markdown_it.parser_inline import ParserInline
from markdown_it.rules_inline.state_inline import Scanned, StateInline

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token
    from markdown_it.utils import EnvType

_EMOJI_PRESENTATION = regex.compile(r"\p{Emoji_Presentation}")
_HANGUL = regex.compile(r"\p{Script=Hangul}")
_FULLWIDTH_QUOTES = frozenset("\u2018\u2019\u201c\u201d")
_VS_FULLWIDTH = "\ufe01"


def _cjk(ch: str) -> bool | None:
    """Whether ``ch`` is a CJK character; ``None`` for East Asian Width A (undecided)."""
    if ord(ch) < 0x1100:
        return False
    width = unicodedata.east_asian_width(ch)
    if width in ("F", "H"):
        return True
    if width == "W":
        return _EMOJI_PRESENTATION.match(ch) is None
    if width == "A":
        return None
    if width == "Na":
        return False
    return _HANGUL.match(ch) is not None


def _general_vs(ch: str) -> bool:
    """A non-emoji general-use variation selector, U+FE00-U+FE0E."""
    return "\ufe00" <= ch <= "\ufe0e"


def _previous_cjk(ch: str) -> bool:
    found = _cjk(ch)
    return found if found is not None else "\U000e0100" <= ch <= "\U000e01ef"


def _previous_cjk_with_vs(base: str, selector: str) -> bool:
    found = _cjk(base)
    return found if found is not None else selector == _VS_FULLWIDTH and base in _FULLWIDTH_QUOTES


def _punct(ch: str) -> bool:
    return isMdAsciiPunct(ord(ch)) or isPunctChar(ch)


def scan_delims(src: str, start: int, maximum: int, can_split_word: bool) -> Scanned:
    """Scan the run of ``src[start]`` markers and decide if it can open and/or close."""
    last = src[start - 1] if start > 0 else " "
    last_main, before_vs = last, None
    if _general_vs(last):
        before_vs = src[start - 2] if start > 1 else " "
        if unicodedata.category(before_vs) != "Zs":
            last_main = before_vs
    pos = start
    while pos < maximum and src[pos] == src[start]:
        pos += 1
    count = pos - start
    nxt = src[pos] if pos < maximum else " "

    last_space, next_space = isWhiteSpace(ord(last_main)), isWhiteSpace(ord(nxt))
    if last_space or next_space:
        return Scanned(not next_space, not last_space, count)
    last_punct, next_punct = _punct(last_main), _punct(nxt)
    left, right = last_punct, next_punct
    if can_split_word:
        either_cjk = bool(_cjk(nxt)) or (
            _previous_cjk_with_vs(before_vs, last) if before_vs is not None else _previous_cjk(last)
        )
        left = left or either_cjk or not next_punct
        right = right or either_cjk or not last_punct
    return Scanned(left, right, count)


class CjkFriendlyStateInline(StateInline):
    """Inline state whose delimiter scan follows the CJK-friendly amendments."""

    def scanDelims(self, start: int, canSplitWord: bool) -> Scanned:
        return scan_delims(self.src, start, self.posMax, canSplitWord)


class CjkFriendlyParserInline(ParserInline):
    """The inline parser with the same rules, run on :class:`CjkFriendlyStateInline`."""

    def parse(self, src: str, md: MarkdownIt, env: EnvType, tokens: list[Token]) -> list[Token]:
        state = CjkFriendlyStateInline(src, md, env, tokens)
        self.tokenize(state)
        for rule in self.ruler2.getRules(""):
            rule(state)
        return state.tokens


def cjk_friendly_plugin(md: MarkdownIt) -> None:
    """Make ``md`` parse emphasis the CJK-friendly way. Keeps every rule already registered."""
    parser = CjkFriendlyParserInline.__new__(CjkFriendlyParserInline)
    parser.__dict__.update(md.inline.__dict__)
    md.inline = parser

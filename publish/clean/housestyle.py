"""An author's punctuation style, for ``punctuation``: whether a text that shows no mark of
conversion sets its Chinese marks half-width, its brackets half-width or its quotation marks
straight by choice (a blog typed so, a project's docs writing ``指令 (简写为 `@`)``, a book's
``"西瓜书"``), where a converter's or OCR's slips come mixed with the full-width forms. Those
repairs are then only suggested (:func:`weigh`). Its brackets set half-width are only
suggested wherever its marks are full-width, though it sets other brackets full-width (a
book's chapter writing ``几分钟 (引导操作系统)`` beside ``（Union FS）``, reviews 73 and 74), and a
heading's are in any such text (a link names a heading by its words); but a heading number's
``(一)``, which no style sets half-width, and a pair of mixed widths, ``（…)``, a slip in any.
"""

from __future__ import annotations

import functools
import itertools
import re

import regex

from publish.cjk import FULL_WIDTH, WIDE_MARKED
from publish.clean import evidence as ev
from publish.clean.blocks import ATX
from publish.clean.numbering import is_bare_number
from publish.clean.trace import Edit

_BRACKETS = "brackets set half-width in a text with no mark of conversion, its marks full-width"
_ALL_HALF = "brackets set half-width, five pairs to one full-width, in a text with no conversion"
_MARKS = "its Chinese marks are half-width throughout, in a text with no mark of conversion"
_QUOTES = "its quotation marks are straight throughout, in a text with no mark of conversion"
_HEADING = "a heading's, in a text with no mark of conversion: a link may name it by its words"


#: Lines with pairs set one way that make a style: fewer are too few to tell a choice from a
#: slip (``(含(一)和(二)两项)`` is one line's).
_STYLE = 3


def _lines(masked: str, pattern: re.Pattern[str]) -> int:
    """How many lines of the text (its protected spans blanked out) hold a match of
    ``pattern``, up to :data:`_STYLE`."""
    return sum(1 for _ in itertools.islice(pattern.finditer(masked), _STYLE))


_STRAIGHT_PAIR = re.compile(r'"[^"\n]*"')  # (a pair on one line)
#: A pair of half-width brackets around Chinese on one line (``(批量大小, 隐藏单元个数)``).
_PAIR = rf"\([^()\n]*[{WIDE_MARKED}][^()\n]*\)"
HALF_PAIR = regex.compile(_PAIR)
_HALF_PAIR = regex.compile(rf"^[^\n]*{_PAIR}", regex.M)


def _house_brackets(masked: str) -> bool:
    """The text sets its brackets half-width, around Chinese too, on :data:`_STYLE` lines or
    more, and five pairs so at least for each set full-width: its author's style, where its
    marks show a slip in ten at most (a book's chapters writing ``三個地方 (系統、使用者、專案)``,
    four ``: `` among sixty full-width marks: review 105; a blog's post eleven pairs such
    beside two ``（…）``: review 176; not a converter's paper, its commas half-width)."""
    if _lines(masked, _HALF_PAIR) < _STYLE:
        return False
    full = masked.count("（")
    return not full or len(HALF_PAIR.findall(masked)) >= 5 * full


#: Full-width marks to one half-width that is a slip of the author's, not a converter's habit
#: (a textbook's chapter of 306 with one ``:``; a handbook MinerU made has 27 among 257).
_SLIPS = 20


def _house_marks(masked: str, marks: list[Edit], full: int) -> bool:
    """The text's Chinese has its marks half-width (``marks``, to repair) on :data:`_STYLE`
    lines or more, and ``full`` full-width ones (``，。；：？！``) at most once for every ten
    of those (a slip the other way): its author types them so."""
    return full * 10 <= len(marks) and _lines(masked, _HALF_MARK) >= _STYLE


_HALF_MARK = regex.compile(rf"^[^\n]*[{WIDE_MARKED}][,;:?!.](?:[ \t]|[{WIDE_MARKED}])", regex.M)


_HALF_COMMA = rf"(?:[{WIDE_MARKED}][*_]*,|,[*_]*[ \t]*(?=[{WIDE_MARKED}]))"
_HALF_COMMA_LINE = regex.compile(rf"^[^\n]*?{_HALF_COMMA}", regex.M)


def _house_commas(masked: str) -> bool:
    """The text's commas beside Chinese are half-width on :data:`_STYLE` lines or more, and
    more than twice as often as full-width, space after them or not, and it sets its colons
    half-width beside Chinese, a space after them, as a style (``**說明**: ``): its author
    types them so (a community's minutes writing ``請廠商報價,再行表決`` 31 times, ``，`` six:
    review 136; not a law a database gave half-width commas, its colons full-width)."""
    if _lines(masked, _HALF_COMMA_LINE) < _STYLE:
        return False
    if sum(1 for _ in regex.finditer(_HALF_COMMA, masked)) <= 2 * masked.count("，"):
        return False
    lines, each = _beside(":")
    return _lines(masked, lines) >= _STYLE and len(each.findall(masked)) > masked.count("：")


def _house_quotes(masked: str) -> bool:
    """Straight quotation marks (around anything), and none of the text's curly, or five
    straight pairs at least for each curly one: where its author typed no curly mark, one
    pair typed straight is as much a choice as many (a README's ``脚本报错"文章标题未匹配"``,
    the message a script prints), and in a text quoting with corner brackets, curly ones
    would be its style no more (``"物件"`` among ``「…」``: review 105)."""
    curly = masked.count("“") + masked.count("”")
    if not curly:
        return _STRAIGHT_PAIR.search(masked) is not None
    straight = len(_STRAIGHT_PAIR.findall(masked))  # (and, where it types a curly pair
    # among five times as many straight, the straight ones are its choice still: a translated
    # lesson's 14 ``時 "喚醒"，`` beside one ``“配方”``, half its pairs made curly and half
    # offered; review 172. Three among one curly pair are slips: made curly)
    return 2 * straight >= 5 * curly  # (``curly`` counts each mark: five pairs for one)


def _numbers(masked: str, pairs: list[Edit], house: str) -> list[Edit]:
    """``pairs`` (each an opening bracket's edit, then its closing one's) set half-width only
    suggested (:func:`doubted`) where the text's style is so (``house``: why, or "") or a
    heading holds them, but for a Chinese heading number's (``(一)``, which no style sets
    half-width); a pair of mixed widths, ``（…)``, is a slip in any style."""
    kept: list[Edit] = []
    for opening, closing in zip(pairs[::2], pairs[1::2], strict=True):
        number = is_bare_number(f"（{masked[opening.end : closing.start].strip()}）")
        marks = masked[opening.start : opening.end] + masked[closing.start : closing.end]
        half = "（" not in marks and "）" not in marks
        line = masked[masked.rfind("\n", 0, opening.start) + 1 : opening.start]
        why = "" if not half else house or (_HEADING if ATX.match(line) else "")
        kept.extend(doubted([opening, closing], why) if why and not number else [opening, closing])
    return kept


def doubted(edits: list[Edit], why: str) -> list[Edit]:
    """``edits`` only suggested: an author's own Markdown (no page marker, continuation marker
    or hyphen at a line's end, no page furniture found) that sets every bracket or quotation
    one way may do so by choice (a project's docs writing ``指令 (简写为 `@`)``, a book's
    chapter ``"西瓜书"``), where a converter's or OCR's slips come mixed."""
    return [e._replace(confidence=ev.LIKELY, evidence=(*e.evidence, why)) for e in edits]


_MARK_STYLE = "the text sets this mark half-width, a space after it, beside Chinese, as a style"
_COMMAS = "the text sets its commas half-width beside Chinese as a style, and so its other marks"


@functools.cache
def _beside(mark: str) -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """The half-width ``mark`` beside a CJK letter (either side) and a space after it (past
    emphasis: ``**核心思想:** 文字``), or a colon ending the line (a list led to,
    ``以下是我的設定:``; review 148), as a typist sets it by choice (a converter's comes with none:
    ``数字传播重点实验室,上海``): its lines, and each."""
    at, end = re.escape(mark), "|$" if mark == ":" else ""  # (a list's items end on ``;``)
    letter = f"[{WIDE_MARKED}]"
    one = rf"(?:{letter}[*_]*{at}[*_]*(?:[ \t]{end})|{at}[*_]*[ \t]+(?=[*_]*{letter}))"
    return regex.compile(rf"^[^\n]*?{one}", regex.M), regex.compile(one, regex.M)


def marks_of_style(masked: str, marks: list[Edit]) -> list[Edit]:
    """``marks``, those of a mark the text sets half-width beside Chinese, a space after it, on
    :data:`_STYLE` lines or more, and more often than full-width, only suggested: a translator's
    ``他把问题分成三类: 事实…`` throughout, a book list's ``游戏编程模式: Game Programming
    Patterns`` (review 101); each mark a style of its own."""
    styled: dict[str, bool] = {}
    kept = []
    for edit in marks:
        mark = masked[edit.start]
        if mark not in FULL_WIDTH:  # (in a protected span, blanked out: the editor leaves it)
            kept.append(edit)
            continue
        if mark not in styled:
            lines, each = _beside(mark)
            half, full = sum(1 for _ in each.finditer(masked)), masked.count(FULL_WIDTH[mark])
            typed = mark == ":" and _typed_colons(masked, full)  # (a comma so: a slip)
            styled[mark] = (_lines(masked, lines) >= _STYLE and half > full) or typed
        kept.extend(doubted([edit], _MARK_STYLE) if styled[mark] else [edit])
    return kept


#: Lines, at least, that set a colon half-width beside Chinese with no space after it, and
#: times as many as it is set full-width, that make it a style (a slip is rarer).
_TYPED_LINES, _TYPED_TIMES = 10, 3
_TIGHT_COLON = regex.compile(rf"^[^\n]*?(?:[{WIDE_MARKED}]:|:[{WIDE_MARKED}])", regex.M)


def _typed_colons(masked: str, full: int) -> bool:
    """The text sets its colon half-width right beside Chinese, no space after it, on
    :data:`_TYPED_LINES` lines or more and :data:`_TYPED_TIMES` times as often as it sets
    ``：`` (``full``): its author's style (a student's notes writing ``規則:`` and
    ``.upper():全部轉大寫`` 57 times, ``：`` four; review 189, two such documents). The colon
    only: a changelog's fourteen ``…配置,来自…`` beside three ``，`` are slips, made full-width
    (review 120)."""
    found = sum(1 for _ in itertools.islice(_TIGHT_COLON.finditer(masked), 10_000))
    return found >= _TYPED_LINES and found >= _TYPED_TIMES * max(1, full)


_MATH_STYLE = "the text sets a space between inline math and a Chinese mark, as a style"
_MATH_SPACED = re.compile(r"^[^\n]*?\$[ \t]+[，。；：、！？]", re.M)
_MATH_UNSPACED = re.compile(r"(?<=[^\s$\\])\$[，。；：、！？]")


def math_of_style(text: str, spaces: list[Edit]) -> list[Edit]:
    """``spaces`` (between inline math and a Chinese mark) only suggested where the text sets
    them on :data:`_STYLE` lines or more, and more often than not: a course's notes writing
    ``矩阵的形状为 $4\\times5$ ，`` throughout, an exam's ``集合 $A$ ， $B$`` (reviews 111 and
    113), where a converter's paper mixes them with its text's own."""
    if not spaces or _lines(text, _MATH_SPACED) < _STYLE:
        return spaces
    tight = sum(1 for _ in _MATH_UNSPACED.finditer(text))
    return doubted(spaces, _MATH_STYLE) if len(spaces) > tight else spaces


_STOP_STYLE = "the text ends its Chinese sentences on a full stop set half-width, as a style"
_HALF_STOP_END = regex.compile(rf"[{WIDE_MARKED}$）)][*_]*\.[*_]*[ \t]*$", regex.M)
_FULL_STOP_END = re.compile(r"。[*_”’」』]*[ \t]*$", re.M)


def stops_of_style(text: str, stops: list[Edit]) -> list[Edit]:
    """``stops`` (``.`` after Chinese made ``。``) only suggested where the text ends lines on
    such a ``.`` (after Chinese, math or a bracket) on :data:`_STYLE` lines or more, and more
    often than on ``。``: an answer key's ``求 $y'$.`` throughout (review 117)."""
    half = sum(1 for _ in _HALF_STOP_END.finditer(text))
    if half < _STYLE or half <= sum(1 for _ in _FULL_STOP_END.finditer(text)):
        return stops
    return doubted(stops, _STOP_STYLE)


def weigh(
    masked: str, pairs: list[Edit], quotes: list[Edit], marks: list[Edit]
) -> tuple[list[Edit], list[Edit], list[Edit], str]:
    """The repairs of a text with no mark of conversion (``masked``: its protected spans
    blanked out), those of its author's style only suggested: its brackets, quotation marks
    and marks to repair; and why every mark it holds is doubted ("" where none is)."""
    full = sum(map(masked.count, "，。；：？！"))  # (its Chinese marks set full-width)
    if marks and _house_marks(masked, marks, full):
        return doubted(pairs, _MARKS), doubted(quotes, _MARKS), [], _MARKS
    marks = marks_of_style(masked, marks)
    styled = any(masked[e.start] == "," and _MARK_STYLE in e.evidence for e in marks)
    if styled or _house_commas(masked):
        # (its commas half-width as a style: so are its colons, semicolons and brackets, each
        # too rare to be weighed alone; widened, they would mix the two in one line,
        # ``策略：…JAR, 再…；``: review 132's change log)
        return doubted(pairs, _COMMAS), doubted(quotes, _COMMAS), doubted(marks, _COMMAS), _COMMAS
    stray = sum(1 for e in marks if e.confidence > ev.LIKELY)  # (not those of its style)
    slips = stray * _SLIPS <= full  # (a slip in twenty, not a converter's habit)
    if slips:
        quotes = doubted(quotes, _QUOTES) if quotes and _house_quotes(masked) else quotes
    typed = stray * _SLIPS <= 2 * full  # (a slip in ten: an author's, whose brackets choose)
    house = _BRACKETS if slips else _ALL_HALF if typed and _house_brackets(masked) else ""
    pairs = _numbers(masked, pairs, house) if pairs else pairs
    return pairs, quotes, marks, ""

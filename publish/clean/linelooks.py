"""What a line's look says about the break after it, for ``unwrap``'s verdicts
(:mod:`publish.clean.linebreaks`): a line set apart (a lead-in, a contents entry), indented, a
paragraph's first line that lost its indent, a Chinese sentence ending short of the Chinese
lines, two short lines an extractor cut in two (but not a memo's head lines), a numbered item
starting after a sentence's end, a head in capitals, a comma OCR made of a full stop, a line
of code a converter left unfenced, and Markdown's own hard break.
"""

from __future__ import annotations

import re

from publish.cjk import CLOSING_QUOTES, is_cjk, is_cjk_letter, width
from publish.clean.measure import BY_HAND, chinese_width
from publish.clean.numbering import rank
from publish.clean.shapes import ends_sentence, field_label
from publish.clean.titles import in_title_case

_CHINESE_END = ("。", "！", "？")
#: A mark and a dash ending a line (``namely:—``, ``notification,—``): a lead-in, in a legal
#: text's style, to what is set apart below it; no word goes on across it.
#: A leader and a page number ending a line (``高级检索....-40-``, ``Introduction ........ 1``):
#: a contents entry, which the next entry does not go on.
_CONTENTS = re.compile(r"(?:\.{3,}|…{2,}|·{3,})[ \t]*[-–—]?[ \t]*\d{1,4}[ \t]*[-–—]?[ \t]*$")
_LEAD_IN = re.compile(r"[:：;；,，][ \t]*[—–-]{1,2}[ \t]*$")
#: A photo's credit ends a caption's line, after its sentence (``…征收50%关税。图：视觉中国``,
#: ``…发表演讲。图:王雨读/视觉中国``): the line is whole, whatever stands after it.
_CREDIT = re.compile(
    r"[。！？][ \t]*(?:图片?|圖片?|摄影?|攝影?)[ \t]*[：:/][^，。！？；、,;]{1,20}$"
)
_ALONE = re.compile(r"^\d{1,3}[.．、][ \t]*$")  # ``6.`` alone: an item's number
_ITEM_FIRST = frozenset("0123456789一二三四五六七八九十百零〇两（(")
_ITEM_RANKS = (5, 6)  # (``三、``, ``（二）``: :func:`~publish.clean.numbering.rank`)


def comma_for_stop(cur: str, body: str, measure: int | None, how: str) -> bool:
    """A line well short of the measure ends in a comma and the next starts with a capital
    (not ``I``): a paragraph's end whose full stop OCR read as a comma (``materials,`` ⏎
    ``The situation today…``) as often as a sentence going on. So does a line in text with no
    measure, or one over twice as wide as it: a paragraph joined before (by an earlier run,
    whose short line it ended in) cannot say it is full, and a second run judges the break as
    the first did."""
    if not cur.endswith(",") or not body[:1].isupper() or body.startswith(("I ", "I'")):
        return False
    if is_cjk(cur.rstrip(",;:!?")[-1:]):
        return False  # (Chinese's comma, half-width, or a run of them: ``punctuation`` makes
        # each ``，``)
    if how == BY_HAND:
        return False
    return measure is None or not 0.75 * measure <= width(cur) <= 2 * measure


def item_starts(cur: str, body: str) -> bool:
    """``body`` starts an item after the end of a sentence: a Chinese item's number (``三、``
    ``（二）``), or a number alone on its line (``3.``, a question's above it), after anything
    but a word or number (as an English sentence may end in one: ``Table`` ⏎ ``3.``)."""
    if body[:1] not in _ITEM_FIRST:
        return False
    end = cur.rstrip()[-1:]
    if _ALONE.match(body):
        return not (end.isascii() and end.isalnum())
    return ends_sentence(cur) and rank(body) in _ITEM_RANKS


def set_apart_after(cur: str) -> bool:
    """``cur`` leads in to what is set apart below it (``namely:—``) or ends a contents entry
    (``....-40-``): both end in a dash or a digit, looked at first."""
    end = cur.rstrip()
    if not (end[-1:] in "-–—" or end[-1:].isdigit()):
        return False
    return bool(_LEAD_IN.search(end[-24:]) or _CONTENTS.search(end[-24:]))


def credited(cur: str) -> bool:
    """``cur`` ends in a photo's credit after its caption's sentence (:data:`_CREDIT`)."""
    return ("图" in cur or "圖" in cur or "摄" in cur or "攝" in cur) and bool(
        _CREDIT.search(cur[-40:])
    )


def short_chinese_end(cur: str, indent: int, chinese: int) -> bool:
    """``cur`` ends a Chinese sentence (``。！？``) more than two characters short of the width
    the lines of Chinese alone reach: a paragraph's end, for Chinese type fills its lines to
    the character (a wrapped English line runs short by up to a word, a fifth of the
    measure; Latin words in a line of Chinese make it wider or narrower than its letters, so
    only a line without them is judged so, and not in a list, whose item it would cut)."""
    line = cur.rstrip()
    if not (line.endswith(_CHINESE_END) or line.rstrip(CLOSING_QUOTES).endswith(_CHINESE_END)):
        return False
    wide = chinese_width(line)  # (None with Latin in it, ``5. 在问题4中…``: not its print's)
    return wide is not None and wide + indent < chinese - 4


def indented(cur: str, nxt: str) -> bool:
    """``nxt`` is indented with U+3000 or spaces that ``cur`` lacks (a paragraph's first line;
    lines indented alike are one block's, a list item's continuation)."""
    if not nxt.startswith(("\u3000", "  ")):
        return False
    return len(nxt) - len(nxt.lstrip(" \t\u3000")) > len(cur) - len(cur.lstrip(" \t\u3000"))


def hanging(lines: list[str]) -> bool:
    """A hanging indent: the first line at the margin, the two or more after it indented
    alike (a calendar's entry: ``DEC   10  STAR PARTY…`` ⏎ ``          TOO-RY OLD…``), where
    an indented line goes on with the entry and starts no paragraph."""
    if len(lines) < 3 or lines[0][:1] in (" ", "\t", "\u3000"):
        return False
    indents = {len(line) - len(line.lstrip(" ")) for line in lines[1:]}
    return len(indents) == 1 and indents.pop() >= 2


def drawn(line: str) -> float:
    """The columns ``line`` takes in print: a capital is set about 1.5 times as wide as a
    small letter, so a line holding names in capitals is fuller than its characters say
    (``tions, THE ASSOCIATED`` ⏎ ``PRESS and THE UNITED`` in a newspaper's column; review 150)."""
    return width(line) + 0.5 * sum(1 for ch in line if "A" <= ch <= "Z")


def cut_line(cur: str, printed: str, measure: int) -> bool:
    """``cur`` and the next line, both short, fit one printed line, and the next goes on (it
    ends in a lower-case word, a hyphen or a clause mark): one line an extractor cut in two
    (``options such as barrier options.`` ⏎ ``We put an`` ⏎ ``emphasis on…``), not a
    paragraph's end before a newspaper's cross-head (``here.`` ⏎ ``To Open Old U. S. Yards.``)
    or headline (``THE WORLD``)."""
    wide = width(printed)
    goes_on = printed[-1:].islower() or printed.endswith(("-", "\u00ad", ",", ";", ":"))
    fits = goes_on and wide < 0.75 * measure and width(cur) + 1 + wide <= measure
    if fits and ends_sentence(cur) and titled(printed, measure):
        return False  # (``…in the driest months.`` ⏎ ``Results``: a section's head)
    return fits and not any(_set_line(line) for line in (cur, printed))


def _set_line(line: str) -> bool:
    """A line set on its own in a letter's or memo's head: in capitals (``NATIONAL AERONAUTICS
    and SPACE COUNCIL``), in title case (``Office of International Scientific Affairs``), or a
    field's label (``SUBJECT:``)."""
    letters = [c for c in line if c.isalpha()]
    capitals = sum(c.isupper() for c in letters)
    if len(letters) >= 6 and 2 * capitals > len(letters):  # (not a formula: ``EP[f(X)].``)
        return True
    return in_title_case(line) or field_label(line)


def lost_indent(cur: str, so_far: str, continued: bool = False) -> int:
    """The columns a Chinese paragraph's first line gives its indent (two characters), which
    a conversion drops: the line is full at the measure less them. Nothing for the first
    line of a block that goes on from a page before (``continued``): no paragraph starts
    there that the text shows."""
    blank = " \t\u3000"  # (an indent the extraction kept as a space counts as none here)
    first = len(so_far.strip(blank)) <= len(cur.strip(blank)) and not continued
    return 4 if first and is_cjk_letter(cur.lstrip(blank)[:1]) else 0


def head(line: str, measure: int, after_stop: bool = False) -> bool:
    """A short line in capitals, a few words: a head (``CONCLUSIONS``, ``TO OPEN OLD YARDS``);
    not one wholly in brackets, a transcript's cue (``(STATIC)``, ``[APPLAUSE]``: review 140).
    Under half the measure; after a sentence's end (``after_stop``), four words or fewer and
    under four fifths of it (a gazette's ``FIRST READING EMERGENCY`` in a column of 36:
    review 199)."""
    if line[:1] in "([" and line.rstrip()[-1:] in ")]":
        return False
    if not (line.isupper() and line.isascii()):
        return False
    words, wide = len(line.split()), width(line)
    return (words <= 6 and wide < measure / 2) or (
        after_stop and words <= 4 and wide < 0.8 * measure and line.rstrip()[-1:].isalpha()
    )


def titled(line: str, measure: int, after_stop: bool = False) -> bool:
    """A short line in title case, ending on no mark: a paper's section head the extraction
    set on its own line (``Results``, ``Yield of the Deep Wells``; review 156), or one in
    capitals (:func:`head`)."""
    if head(line, measure, after_stop):
        return True
    words = line.split()
    if not words or width(line) >= measure / 2 or not line[-1:].isalpha():
        return False
    few = len(words) <= 2 and all(w[:1].isupper() and w.isalpha() for w in words)
    return few or in_title_case(line)


def title_over_text(cur: str, nxt: str) -> bool:
    """An all-capitals line before a capitalised one: a title over its text."""
    return cur.isupper() and cur.isascii() and nxt[:1].isupper()


def hard_break(line: str) -> bool:
    """Markdown's hard break ends ``line``: two spaces, or a backslash (an odd run of them: two
    are one backslash, escaped)."""
    if line.endswith("  "):
        return True
    return (len(line) - len(line.rstrip("\\"))) % 2 == 1


#: A line of code a converter left as text (review 225: a book's C and Python in Marker's
#: output, joined into the prose around them): a brace alone, a block opened at the line's end,
#: a Python definition, a C declaration or statement (a type or ``return`` opening it, a call
#: or an assignment ending it on ``;``), or a compiler's message (``hello.c:1:20: fatal…``).
_CODE_LINE = re.compile(
    r"^[ \t]*[{}][ \t]*;?[ \t]*$|[{][ \t]*$"
    r"|^[ \t]*(?:def|class)[ \t]+\w+[ \t]*\([^()]*\)[ \t]*:[ \t]*$"
    r"|^[ \t]*(?:return|int|void|char|float|double|long|const|static|struct|unsigned)\b"
    r"[^;]*;[ \t]*$"
    r"|^[ \t]*#[ \t]*(?:include|define)\b"
    r"|\w\([^()]*\)[ \t]*;[ \t]*$|^[ \t]*[\w.]+[ \t]?\(.*\)[ \t]*;[ \t]*$"
    r"|^[ \t]*[\w*]+[ \t]*=[ \t]*[^=\s][^=]*;[ \t]*$"
    r"|\b\w+\.(?:c|h|cc|cpp|py|java|js|go|rs):\d+:"
)


def code(line: str) -> bool:
    """``line`` is a line of code (:data:`_CODE_LINE`): its breaks are its own. (A quick look
    first: each form ends on ``{};:`` or holds a ``#`` or a colon, which most lines do not.)"""
    if not line.isascii():
        return False
    if line.rstrip()[-1:] not in _CODE_ENDS and "#" not in line and ":" not in line:
        return False
    return _CODE_LINE.search(line) is not None


_CODE_ENDS = frozenset("{};:")

"""English sentences that quote or gloss Chinese, for ``punctuation``: their marks and brackets
are English punctuation, neither repaired nor offered (review 186, four English pages quoting
Chinese: ``*Dream of the Red Chamber* (紅樓夢), one of`` was made ``…Chamber*（紅樓夢），one of``,
``the "Immortal Poet" (诗仙).`` ``（诗仙）。``, ``written as 㖭 or 𠻹, they are`` ``𠻹，they``).

A mark (or a bracket pair) is English where a Latin word stands beside it, past spaces,
quotation and emphasis marks and a bracket pair it follows, and its sentence is English:
outside its brackets, math, code and web addresses, three Latin words at least and three for
each Chinese letter. A sentence runs from a full stop a capital or Chinese follows, a table
cell's edge or its line's start to the next. Each line's sentences are weighed once, when
first asked about (a line of a megabyte with a comma every few characters is read once, not
once a comma).
"""

from __future__ import annotations

import bisect
import itertools
import re

import regex

from publish.cjk import WIDE_MARKED
from publish.clean.lines import LineIndex

#: A full stop a capital or Chinese follows, or a table's cell's edge: where a sentence ends.
_SENTENCE_END = regex.compile(
    rf"[.!?](?=[ \t]+[*_\"“(]*[A-Z])|[.!?。！？](?=[ \t]*[{WIDE_MARKED}])|\|"
)
#: What is no word of the sentence: its brackets' text, math, code, a web address, a link's.
_NO_WORDS = re.compile(
    r"\([^()\n]*\)|（[^（）\n]*）|\$[^$\n]*\$|`[^`\n]*`|\b(?:https?|ftp)://\S+|\]\([^)\n]*\)"
)
_LATIN_WORD = re.compile(r"\b[A-Za-z]{2,}\b")  # (a word: not a hash's letters, ``b9177c0f``)
_CHINESE = regex.compile(f"[{WIDE_MARKED}]")
#: A Chinese word set apart by a space after a Latin word, as an English sentence quotes one
#: (``We meet Cao Cao via 望梅止渴, and the king in 完璧归赵.``): one word of the sentence.
_QUOTED_WORD = regex.compile(
    rf"(?<=[A-Za-z][,;:]?[ \t]+[*_\"“]*)[{WIDE_MARKED}]{{1,8}}"
    r"(?=[*_\"”]*(?:[ \t,.;:!?\[，。；：！？]|$))"
)
_PAST = " \t*_\"'“”‘’"  # (spaces, quotation and emphasis marks between a mark and a word)
_PAIRS = {")": "(", "）": "（", "】": "【", "」": "「", "』": "『"}
_NOTE = re.compile(r"\[\^[^\]\n]*\]")  # (a footnote's reference, ``[^2]``)


class English:
    """Which marks of ``text`` stand in an English sentence quoting Chinese (:meth:`at`)."""

    def __init__(self, text: str) -> None:
        self.text, self.lines = text, LineIndex(text)
        self._lines: dict[int, tuple[list[int], list[bool]]] = {}  # a line's start: its
        # sentences' starts (in the line) and whether each is English

    def at(self, start: int, end: int | None = None, beside: bool = True) -> bool:
        """The mark at ``start`` (or the brackets at ``start`` and ``end``) is English; with
        ``beside`` False, whatever stands beside it (a full stop ends its sentence, whose
        last word may be Chinese: ``…the king in 完璧归赵.``)."""
        right = start + 1 if end is None else end + 1
        if beside and not _beside_latin(self.text, start, right):
            return False
        first, last = self.lines.span(start)
        if first not in self._lines:
            line = self.text[first:last]
            cuts = [0, *(m.end() for m in _SENTENCE_END.finditer(line)), len(line)]
            self._lines[first] = (cuts, [_weighed(line[a:b]) for a, b in itertools.pairwise(cuts)])
        cuts, english = self._lines[first]
        return english[min(bisect.bisect_right(cuts, start - first), len(english)) - 1]


def _weighed(sentence: str) -> bool:
    """The sentence is English: three Latin words at least, and three for each Chinese letter
    or Chinese word set apart by spaces (a Chinese sentence naming English words, ``该项目已成
    功集成 actuator(监控)、admin(…)``, ``格式:ifconfig eth0 up|down``, is not)."""
    bare = _NO_WORDS.sub("\x00", sentence)  # (no space where they were: ``a(…)代`` quotes no
    # word after ``a``)
    words = len(_LATIN_WORD.findall(bare))
    if words < 3:
        return False
    quoted = len(_QUOTED_WORD.findall(bare))  # (each one word: ``via 望梅止渴,``, review 187)
    return words >= 3 * (quoted + len(_CHINESE.findall(_QUOTED_WORD.sub(" ", bare))))


def _beside_latin(text: str, left: int, right: int) -> bool:
    """A Latin letter or digit stands before ``left`` or a Latin letter after ``right``, past
    spaces, quotation and emphasis marks, a footnote's reference after it, and a bracket pair
    that closes right before ``left`` (``the "Immortal Poet" (诗仙).``, ``【 match 】.``)."""
    head = text[max(0, left - 80) : left].rstrip(_PAST)
    if head[-1:] in _PAIRS:  # (``(诗仙).``, ``【 match 】.``)
        head = head[: max(head.rfind(_PAIRS[head[-1]]), 0)].rstrip(_PAST)
    tail = (
        _NOTE.sub("", text[right : right + 24], count=1)
        if "[^" in text[right : right + 3]
        else text[right : right + 8]
    )
    before, after = head[-1:], tail.lstrip(_PAST + ",;:.")[:1]
    return (before.isascii() and before.isalnum()) or (after.isascii() and after.isalpha())

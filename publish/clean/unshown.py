"""Seams in a text that shows no conversion (no page, no page furniture, no wrapped line):
one whose only evidence is Chinese going on after a part that stops on a letter may join an
author's paragraphs, which may end without a mark (a note-taker's ``…来证明自己的宣言`` ⏎⏎
``就像高数考试一样…``). It is joined only where the first part fills the text's measure (the
lines of a page a converter set a paragraph each) or the second is a sentence's last words;
else it is suggested (``seams``).
"""

from __future__ import annotations

from publish.cjk import CLAUSE, FULL_STOPS, width
from publish.clean import evidence as ev
from publish.clean import halves
from publish.clean.blocks import Block
from publish.clean.measure import most_reached
from publish.clean.shapes import ends_sentence, last_mark


def weigh(
    confidence: float, whys: tuple[str, ...], before: str, second: str, measure: int | None
) -> tuple[float, tuple[str, ...]]:
    """A seam whose only evidence is Chinese going on (:func:`chinese_only`), in a text that
    shows no conversion, nothing between its parts: joined where the first part fills the
    text's measure or the second is a sentence's last words (:func:`_tail`), else only
    suggested (an author's paragraph may end so)."""
    if measure and width(before.rpartition("\n")[2]) >= 0.85 * measure:
        return confidence, (*whys, f"the first part fills the measure ({measure} columns)")
    if _tail(second):
        return confidence, (*whys, "the second part is a sentence's last words, no paragraph")
    return min(confidence, ev.LIKELY), whys


def chinese_only(why: tuple[str, ...], before: str) -> bool:
    """A seam's only evidence is Chinese going on, after a part that stops on a letter (not a
    clause mark, which no paragraph ends with)."""
    return why[-1] == halves.IN_CHINESE and last_mark(before) not in CLAUSE


def _tail(second: str) -> bool:
    """``second`` is the last words of a sentence, and no more: a line of a few characters
    that ends it, no clause in it (``灼心。``, ``处位置造成有效伤害。``: the ends of sentences a
    page cut, a word in two)."""
    return (
        "\n" not in second
        and width(second) <= _TAIL
        and second.endswith(tuple(FULL_STOPS))
        and not any(mark in second for mark in "，、；：,;:")
    )


_TAIL = 24  # columns: twelve Chinese characters


def measure(blocks: list[Block]) -> int | None:
    """The width the most of the text's one-line paragraphs that stop mid-sentence reach,
    three or more within 15 %: the lines of a page a converter set a paragraph each, cut where
    they filled it (``…延长工作时间的，`` ⏎⏎ ``按照不低于劳动合同规定的…``)."""
    open_ends = sorted(
        width(block.text)
        for block in blocks
        if block.kind == "paragraph" and "\n" not in block.text and not ends_sentence(block.text)
    )
    top, count = most_reached(open_ends)
    return top if count >= 3 else None

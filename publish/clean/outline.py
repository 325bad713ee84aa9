"""Headings numbered by depth (``1.``, ``2.1.``, ``3.2.1``): their levels as the numbers say.

A PDF converter often sets every heading of a paper at one level (``# 2. Problem definition``,
``# 2.1. Problem input``, ``# 3.2.1. Search-based solvers``). Where a document's headings carry
such numbers at two depths or more (three headings or more, each with words after its
number), one set no deeper than the heading its number goes under goes one level below it
(:class:`Outline`, as the ``headings`` pass meets them): the heading its number extends
(``7.4`` for ``7.4.8``, not a list's ``1.`` between them), or where the text has none, the
latest numbered with a dot at a lesser depth. A number alone (a changelog's ``# 3.9.6``) is
no section's.
"""

from __future__ import annotations

import regex

from publish.clean.blocks import ANCHOR, ATX, Block

#: What a number counts when a Chinese word follows it: a date's, a quantity's, an order's.
_COUNTED = (
    "年月日号號时時分秒个個次种種项項人元万萬亿億千百十期届屆版条條款章节節天周週岁歲"
    "倍类類级級楼樓层層路米吨噸名位家所座栋棟辆輛只隻件份张張本部台"
)

#: A heading's number (past a converter's empty anchors, ``<span id="page-3-0"></span>``), with
#: words after it (or a word right after its dot: ``# 3.1.Soxhlet extraction``, review 116; or
#: a Chinese word right after it, where a converter lost the space a journal set: ``# 1设计要求``
#: over ``# 1.1 设计要求``, ``# 2.1入射焦面…`` beside ``# 2.2 焦点…``, reviews 90, 109, 125, 149;
#: not a count's, ``# 3月工作``, ``1.5倍``).
_NUMBERED = regex.compile(
    rf"^(?:{ANCHOR})*(\d{{1,2}}(?:\.\d{{1,2}}){{0,4}})(?:\.?[ \t]+(?=.*[^\W\d_])|\.(?=[^\W\d_])"
    rf"|(?=\p{{Han}})(?![{_COUNTED}]))"
)
#: A number by depth with a counted word right after it (``# 1.5个性化功能``: ``1.5个`` reads as
#: a quantity), a heading's number where it is the one after the heading's before it (``1.4``:
#: review 207, a MinerU paper's section 1.5 left at the top level between 1.4 and 2.).
_COUNTED_NUMBER = regex.compile(rf"^(?:{ANCHOR})*(\d{{1,2}}(?:\.\d{{1,2}}){{1,4}})(?=\p{{Han}})")
WHY = "a heading numbered by depth (2.1 under 2.), below the one its number goes under"


def _counted(title: str, before: str) -> regex.Match[str] | None:
    """The number of ``title`` read as a quantity's, where it is the one after ``before``
    (the number of the numbered heading before it) at its depth: ``1.5`` after ``1.4``."""
    found = _COUNTED_NUMBER.match(title) if before else None
    if found is None:
        return None
    head, _, last = found.group(1).rpartition(".")
    was_head, _, was = before.rpartition(".")
    return found if head == was_head and int(last) == int(was) + 1 else None


class Outline:
    """The numbers of a document's numbered headings, and the levels they are given so far."""

    def __init__(self, blocks: list[Block]) -> None:
        found: dict[int, str] = {}  # a heading's start: its number
        before = ""
        for block in blocks:
            match = ATX.match(block.text) if block.kind == "heading" else None
            title = match.group("title").strip() if match else ""
            number = (_NUMBERED.match(title) or _counted(title, before)) if match else None
            if number:
                found[block.start] = before = number.group(1)
        depths = {number.count(".") for number in found.values()}
        self.numbers = found if len(found) >= 3 and len(depths) >= 2 else {}
        self._given: dict[str, int] = {}  # the level of the latest heading of each number
        self._dotted: dict[int, int] = {}  # the level of the latest ``2.1``-like at each depth

    def level(self, start: int, level: int, moved: bool = False) -> int:
        """The level of the heading at ``start`` (now at ``level``, or where an earlier step
        put it) as its number says: below the latest heading of the longest number it extends
        (``7.4.8`` under ``7.4``, not under a step's ``1.`` between them, steps set as
        headings: review 74), or where none stands, below the latest one numbered with a dot
        at a lesser depth (``1.3.1`` under ``1.2``, where a converter left no ``1.3``); record
        it for the headings under it. ``moved``: a step before set it at ``level``."""
        number = self.numbers[start]
        parts = number.split(".")
        if len(parts) == 1 and not moved and any(v < level for v in self._dotted.values()):
            return level  # (a step numbered inside a section numbered with a dot, ``#### 1
            # 标签的用法`` under ``### 1.1``, as its author set it: no chapter ``1``, whose
            # ``1.2`` goes beside 1.1; review 188, a guide whose steps restart in each section)
        prefixes = (".".join(parts[:k]) for k in range(len(parts) - 1, 0, -1))
        parent = next((self._given[p] for p in prefixes if p in self._given), None)
        depth = len(parts)
        if parent is None:
            shallower = [d for d in self._dotted if d < depth]
            parent = self._dotted[max(shallower)] if shallower else None
        if parent is not None and level <= parent:
            level = min(parent + 1, 6)
        self._given[number] = level
        if depth > 1:
            self._dotted = {d: v for d, v in self._dotted.items() if d < depth} | {depth: level}
        return level

    def close(self, level: int) -> None:
        """A heading with no number at ``level`` ends the sections below it: a number after
        it goes under none of theirs (``### 1 Warm-up`` ⏎ ``## Chapter 1`` ⏎ ``### 1.1 …``:
        ``1.1`` is the chapter's, at the level it has; review 127). One at the same level
        ends none: a converter sets every heading at one level, a figure's label among them
        (``# 2 General Description`` ⏎ ``# Certificate Generation`` ⏎ ``# 2.1 …``)."""
        self._given = {n: v for n, v in self._given.items() if v <= level}
        self._dotted = {d: v for d, v in self._dotted.items() if v <= level}

"""Headings numbered by depth (``1.``, ``2.1.``, ``3.2.1``): their levels as the numbers say.

A PDF converter often sets every heading of a paper at one level (``# 2. Problem definition``,
``# 2.1. Problem input``, ``# 3.2.1. Search-based solvers``). Where a document's headings carry
such numbers at two depths or more (three headings or more, each with words after its
number), one set no deeper than the heading its number goes under goes one level below it
(:class:`Outline`, as the ``headings`` pass meets them). A number alone (a changelog's
``# 3.9.6``) is no section's.
"""

from __future__ import annotations

import re

from publish.clean.blocks import ANCHOR, ATX, Block

#: A heading's number (past a converter's empty anchors, ``<span id="page-3-0"></span>``), with
#: words after it.
_NUMBERED = re.compile(rf"^(?:{ANCHOR})*(\d{{1,2}}(?:\.\d{{1,2}}){{0,4}})\.?[ \t]+(?=.*[^\W\d_])")
WHY = "a heading numbered by depth (2.1 under 2.), below the one its number goes under"


class Outline:
    """The depths of a document's numbered headings, and the levels they are given so far."""

    def __init__(self, blocks: list[Block]) -> None:
        found: dict[int, int] = {}  # a heading's start: the depth of its number
        for block in blocks:
            match = ATX.match(block.text) if block.kind == "heading" else None
            number = _NUMBERED.match(match.group("title").strip()) if match else None
            if number:
                found[block.start] = number.group(1).count(".") + 1
        many = len(found) >= 3 and len(set(found.values())) >= 2
        self.depths = found if many else {}
        self.top = min(self.depths.values(), default=0)
        self._above: dict[int, int] = {}  # the level of the latest heading at each depth

    def level(self, start: int, level: int) -> int:
        """The level of the heading at ``start`` (now at ``level``, or where an earlier step
        put it) as its number says; record it for the headings under it."""
        depth = self.depths[start]
        parents = [d for d in self._above if d < depth]
        if depth > self.top and parents and level <= self._above[max(parents)]:
            level = min(self._above[max(parents)] + 1, 6)
        self._above = {d: v for d, v in self._above.items() if d < depth} | {depth: level}
        return level

"""The *measure* of hard-wrapped text: the width its full lines reach, for ``unwrap``.

A block with three or more lines before its last is measured on its own lines, so a narrow
column and a wide one are each judged by their own; else the document's measure is used
(:func:`wrap_width`). Widths are in columns, CJK characters counting two.
"""

from __future__ import annotations

import bisect

from publish.cjk import width
from publish.clean.blocks import Block
from publish.clean.shapes import ends_sentence

MIN_MEASURE = 24  # columns: a narrower "measure" is too few letters to tell a wrap by
OWN = "measured on this block"


def _full_lines(lines: list[str], width_of: dict[str, int]) -> int | None:
    """The measure of hard-wrapped ``lines`` (each but the last of its paragraph): the width
    most of them reach (:func:`_most_reached`), when three and 30 % of them reach within 15 %
    of it and most of those stop mid-sentence (a wrap, not a paragraph that ended at the
    edge). None when the lines are not wrapped."""
    if len(lines) < 2:
        return None
    top, _ = _most_reached(sorted(width_of[line] for line in lines))
    if top is None:
        return None
    full = [line for line in lines if 0.85 * top <= width_of[line] <= top]
    open_ends = sum(1 for line in full if not ends_sentence(line))
    enough = len(full) >= 3 and len(full) >= 0.3 * len(lines)
    if top >= MIN_MEASURE and enough and open_ends >= 0.5 * len(full):
        return top
    return None


def _most_reached(widths: list[int]) -> tuple[int | None, int]:
    """The width (at least :data:`MIN_MEASURE`) that the most of the sorted ``widths`` reach
    within 15 %, and how many: one line longer than the rest (a head, a line OCR ran on) is
    not the measure."""
    best, best_count = None, 0
    for candidate in sorted(set(widths), reverse=True):
        if candidate < MIN_MEASURE:
            break
        count = bisect.bisect_right(widths, candidate) - bisect.bisect_left(
            widths, 0.85 * candidate
        )
        if count > best_count:
            best, best_count = candidate, count
    return best, best_count


def wrap_width(blocks: list[Block]) -> int | None:
    """The measure of the document's wrapped lines: the width w that the most distinct
    non-final lines reach within 15 % (at least five lines and 30 % of them, most stopping
    mid-sentence)."""
    lines = sorted(
        {
            line
            for block in blocks
            if block.kind == "paragraph" and "\n" in block.text
            for line in block.text.split("\n")[:-1]
        }
    )
    widths = sorted(width(line) for line in lines)
    best, best_count = _most_reached(widths)
    if best is None or best_count < 5 or best_count < 0.3 * len(widths):
        return None
    full = [line for line in lines if 0.85 * best <= width(line) <= best]
    return best if sum(1 for line in full if not ends_sentence(line)) >= 0.5 * len(full) else None


def measure_of(lines: list[str], document: int | None) -> tuple[int | None, str]:
    own = lines[:-1]
    found = _full_lines(own, {line: width(line) for line in own}) if len(own) >= 3 else None
    if found:
        return found, OWN
    return document, "measured on the document"

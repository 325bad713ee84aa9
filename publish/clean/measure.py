"""The *measure* of hard-wrapped text: the width its full lines reach, for ``unwrap``.

A block with three or more lines before its last is measured on its own lines, so a narrow
column and a wide one are each judged by their own; else the document's measure is used
(:func:`wrap_width`). Widths are in columns, CJK characters counting two.

A block whose lines mostly end at a mark has no measure: its breaks are its author's (one
sentence or clause a line, verse), not a wrap, which ends a line wherever the width runs out
and so seldom at a mark. In the evaluation documents and the reviews' OCR and PDF text, under
35 % of a wrapped block's lines end at one, but for blocks of items that each end at a mark
(45-67 %); in hand-broken Markdown (a design document with one clause a line, Kubernetes'
Chinese pages with one sentence a line, sonnets in a letter, an anthology of verse) 46-100 %.
So a document with the marks of OCR or conversion is read as wrapped whatever its lines end
with (:func:`measure_of`), and one converted without such marks whose blocks are mostly items
(a book chapter whose bullets the converter lost) is read as its author's: its items are not
split apart.
"""

from __future__ import annotations

import bisect

import regex

from publish.cjk import CJK_LETTER, CJK_PUNCT, CLAUSE, TERMINAL, has_cjk_letter, width
from publish.clean.blocks import Block
from publish.clean.shapes import ends_sentence, last_mark

MIN_MEASURE = 24  # columns: a narrower "measure" is too few letters to tell a wrap by
OWN = "measured on this block"
#: What the lines of a block get instead of a measure when its author broke them.
BY_HAND = "its lines end where its author broke them, mostly at a mark"
_MARKS = frozenset(TERMINAL + CLAUSE)
_BY_HAND = 0.45  # of a block's lines (but its last) that end at a mark
_LATIN = regex.compile(r"[A-Za-z0-9]")
_ASCII_MARK = regex.compile(r"[,.;:!?()]")
_CAPITAL = regex.compile(r"[ \t]*[\"'“‘(\[*_]*\p{Lu}")  # a line that starts with a capital


def by_hand(lines: list[str]) -> bool:
    """Three or more ``lines`` (a block's but its last), most ending at a mark: broken by
    their author, not wrapped (see the module's docstring)."""
    if len(lines) < 3:
        return False
    return sum(map(at_mark, lines)) >= _BY_HAND * len(lines)


def authored(lines: list[str]) -> bool:
    """``lines`` (a block's but its last) were broken by their author, even where the text
    goes on: most end at a mark (:func:`by_hand`) and they are ragged, fewer than half
    reaching within two columns of the widest (a column's type fills its lines to the
    character, whatever they end with: a chronicle's ``…干部训练班，`` ⏎ ``分三期…``)."""
    if not by_hand(lines):
        return False
    widths = [width(line) + len(_TO_WIDEN.findall(line)) for line in lines]
    return 2 * sum(1 for w in widths if w >= max(widths) - 2) < len(widths)


#: A half-width mark after a CJK character: ``punctuation`` widens it, and the line is as
#: wide as it will read (``代代代,、`` reaches as far as ``代代代，、`` will).
_TO_WIDEN = regex.compile(rf"(?<=[{CJK_LETTER}{CJK_PUNCT}])[,;:?!]")


def at_mark(line: str) -> bool:
    """The line ends at a sentence's or a clause's mark (where an author breaks a line)."""
    return last_mark(line) in _MARKS


def verse(lines: list[str]) -> bool:
    """Four or more ``lines``, each starting with a capital (past quotes and brackets), most
    ending at a mark (:func:`by_hand`): verse, whose lines are its own even in a document with
    the marks of OCR (a poem in a weekly's page); prose wrapped in a column starts most of
    its lines mid-sentence, in lower case."""
    return len(lines) >= 4 and all(_CAPITAL.match(line) for line in lines) and by_hand(lines[:-1])


def _full_lines(lines: list[str], width_of: dict[str, int]) -> int | None:
    """The measure of hard-wrapped ``lines`` (each but the last of its paragraph): the width
    most of them reach (:func:`most_reached`), when three and 30 % of them reach within 15 %
    of it and most of those stop mid-sentence (a wrap, not a paragraph that ended at the
    edge). None when the lines are not wrapped."""
    if len(lines) < 2:
        return None
    top, _ = most_reached(sorted(width_of[line] for line in lines))
    if top is None:
        return None
    full = [line for line in lines if 0.85 * top <= width_of[line] <= top]
    open_ends = sum(1 for line in full if not ends_sentence(line))
    enough = len(full) >= 3 and len(full) >= 0.3 * len(lines)
    if top >= MIN_MEASURE and enough and open_ends >= 0.5 * len(full):
        return top
    return None


def most_reached(widths: list[int]) -> tuple[int | None, int]:
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


def wrap_width(blocks: list[Block], hand: bool = True) -> int | None:
    """The measure of the document's wrapped lines: the width w that the most distinct
    non-final lines reach within 15 % (at least five lines and 30 % of them, most stopping
    mid-sentence); with ``hand``, not those of blocks broken by hand."""
    lines = sorted(
        {
            line
            for block in blocks
            if block.kind == "paragraph"
            and "\n" in block.text
            and not (hand and by_hand(block.text.split("\n")[:-1]))
            for line in block.text.split("\n")[:-1]
        }
    )
    widths = sorted(width(line) for line in lines)
    best, best_count = most_reached(widths)
    if best is None or best_count < 5 or best_count < 0.3 * len(widths):
        return None
    full = [line for line in lines if 0.85 * best <= width(line) <= best]
    return best if sum(1 for line in full if not ends_sentence(line)) >= 0.5 * len(full) else None


def chinese_width(line: str) -> int | None:
    """The width of a line of Chinese alone (no Latin letter or digit), its ASCII marks at
    full width as ``punctuation`` will set them; None for another line."""
    if _LATIN.search(line) or not has_cjk_letter(line):
        return None
    return width(line) + len(_ASCII_MARK.findall(line))


def chinese_measure(lines: list[str], document: int | None) -> int | None:
    """The width the block's lines of Chinese alone reach (two or more of them, but its
    last), else the ``document``'s (:func:`document_chinese`): a line with Latin words
    in it is wider or narrower than its letters, so a measure from those misleads."""
    if all(line.isascii() for line in lines):  # (the usual case in English: no Chinese)
        return document
    widths = [w for w in map(chinese_width, lines[:-1]) if w is not None]
    return max(widths) if len(widths) >= 2 else document


def document_chinese(blocks: list[Block]) -> int | None:
    """The width the most of the document's lines of Chinese alone reach within 15 %, at
    least five of them (each but the last of its paragraph)."""
    widths = sorted(
        w
        for block in blocks
        if block.kind == "paragraph" and "\n" in block.text and not block.text.isascii()
        for w in map(chinese_width, block.text.split("\n")[:-1])
        if w is not None
    )
    best, count = most_reached(widths)
    return best if count >= 5 else None


def written_by_hand(blocks: list[Block]) -> bool:
    """Half or more of the document's paragraphs of four or more lines were broken by hand
    (:func:`by_hand`): its author's Markdown, whose other paragraphs' short lines are no
    wrap's ends either."""
    shapes = [
        by_hand(block.text.split("\n")[:-1])
        for block in blocks
        if block.kind == "paragraph" and block.text.count("\n") >= 3
    ]
    return bool(shapes) and 2 * sum(shapes) >= len(shapes)


def measure_of(
    lines: list[str], document: int | None, hand: bool | None = False
) -> tuple[int | None, str]:
    """The measure of a block's ``lines`` and how it was found, or (None, :data:`BY_HAND`)
    when they were broken by their author, or (``hand``) the whole document's were; ``hand``
    None: the document shows the marks of OCR or conversion, and its lines are wrapped,
    whatever they end with."""
    own = lines[:-1]
    if hand or (hand is not None and by_hand(own)):
        return None, BY_HAND
    found = _full_lines(own, {line: width(line) for line in own}) if len(own) >= 3 else None
    if found:
        return found, OWN
    return document, "measured on the document"

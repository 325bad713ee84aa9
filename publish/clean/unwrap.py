"""Pass ``unwrap``: hard-wrapped lines rejoined, one line per paragraph.

Inside a paragraph block a line break is joined (see :mod:`publish.clean.joining`: nothing
between CJK characters, a space between Latin words, hyphenation undone) unless it is a hard
break, the next line starts a block of its own (list, quote, heading...) or a new paragraph
starts there. A new paragraph starts (``\\n`` -> blank line) at a line indented with U+3000,
before and after a heading-number line (``一、`` ``（二）`` ``第三章``), and, in a hard-wrapped
document, after a line clearly shorter than the document's wrap width (the usual width of its
wrapped lines). A line ending in a hyphen, or followed by a line that begins with a mark that
may not start a line (，。、；：？！）」』”), always continues. A block of short lines in a
hard-wrapped document (a byline, an address, a signature and its date) keeps its line breaks
as hard breaks (``\\`` at the line end)::

    …全面贯彻落实党的二十和二⏎十届二中全会精神 -> …全面贯彻落实党的二十和二十届二中全会精神
    the gov-⏎ernment said                     -> the government said
"""

from __future__ import annotations

import bisect
import itertools

from publish.clean.blocks import INTERRUPTS, Block, split_blocks
from publish.clean.chars import NO_START, TERMINAL, width
from publish.clean.editor import Editor
from publish.clean.joining import hyphenated_forms, joiner
from publish.clean.numbering import is_heading_line
from publish.clean.trace import Edit

NAME = "unwrap"
SHORT_LINE = 24  # columns: a line this short is not a wrap, whatever the document


def wrap_width(blocks: list[Block]) -> int | None:
    """The usual width of wrapped lines, or None when the document is not hard-wrapped.

    The width w that the most lines reach within 15% (0.85 w <= width <= w); at least three
    lines and 30% of all non-final lines (or two and 60%) must, and w must be 16 columns or more.
    """
    widths = sorted(
        width(line)
        for block in blocks
        if block.kind == "paragraph"
        for line in block.text.split("\n")[:-1]
    )
    best, best_count = None, 0
    for candidate in sorted(set(widths), reverse=True):
        if candidate < 16:
            break
        count = bisect.bisect_right(widths, candidate) - bisect.bisect_left(
            widths, 0.85 * candidate
        )
        if count > best_count:
            best, best_count = candidate, count
    enough = (best_count >= 3 and best_count >= 0.3 * len(widths)) or (
        best_count >= 2 and best_count >= 0.6 * len(widths)
    )
    if not enough:
        return None
    return best


def _hard_break(line: str) -> bool:
    return line.endswith(("  ", "\\"))


def _short_block(lines: list[str], wrap: int | None) -> bool:
    limit = min(SHORT_LINE, int(0.6 * wrap)) if wrap else SHORT_LINE
    return all(width(line) <= limit for line in lines) and not any(
        line.endswith(("-", "，", ",", "、")) for line in lines
    )


def _breaks(block: Block, wrap: int | None, forms: set[str]) -> list[Edit]:
    lines = block.text.split("\n")
    edits: list[Edit] = []
    short = _short_block(lines, wrap)
    pos = block.start
    for cur, nxt in itertools.pairwise(lines):
        newline = pos + len(cur)
        pos = newline + 1
        if _hard_break(cur) or INTERRUPTS.match(nxt):
            continue
        body = nxt.lstrip(" \t\u3000")
        indent = len(nxt) - len(body)
        if nxt.startswith("\u3000") or is_heading_line(body) or is_heading_line(cur):
            edits.append(Edit(newline, newline + 1 + indent, "\n\n"))
        elif cur.endswith("-") or body[:1] in NO_START:
            drop, between = joiner(cur, body, forms)
            edits.append(Edit(newline - drop, newline + 1 + indent, between))
        elif short:
            edits.append(Edit(newline, newline, "\\"))
        elif wrap and (
            width(cur) < 0.8 * wrap or (cur[-1:] in TERMINAL and width(cur) <= wrap - 4)
        ):
            edits.append(Edit(newline, newline + 1 + indent, "\n\n"))
        else:
            drop, between = joiner(cur, body, forms)
            edits.append(Edit(newline - drop, newline + 1 + indent, between))
    return edits


def apply(text: str, edit: Editor) -> str:
    blocks = split_blocks(text)
    wrap = wrap_width(blocks)
    forms = hyphenated_forms(text)
    edits = [
        e
        for block in blocks
        if block.kind == "paragraph" and "\n" in block.text
        for e in _breaks(block, wrap, forms)
    ]
    return edit.apply(text, edits)

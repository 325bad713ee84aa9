"""Punctuation squeezing (标点挤压) when a justified Chinese line would otherwise run short.

A full-width mark is half ink, half blank. When the line-breaking rules push a character to the
next line (it may not be parted from a following ``、`` or a preceding ``“``), the line runs
short and justification would open every gap of it visibly (by more than :data:`STRETCH`).
A Chinese typesetter pulls the text in
instead: the line is set with the next break's text and the blank halves of its marks are taken
out (the fonts' ``halt`` feature) until it fits, the mark at the end of the line first, then
the others from the end to the start (W3C clreq 3.1.6, 3.2). If the marks cannot give enough,
the line is left as Pango broke it.

:func:`squeezing` wraps WeasyPrint 70's ``split_first_line``; the chosen marks are kept on the
layout (``Layout.squeeze``) and applied again whenever WeasyPrint re-creates its text.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from publish.cjk import CLOSING, OPENING

#: Stretching a line by up to this much of a character per gap is left unseen (0.3 pt at
#: 11 pt, 0.4 pt at 16 pt); a line shorter than that squeezes its marks if it can.
STRETCH = 0.025

Split = Callable[..., tuple[Any, ...]]
Width = Callable[[Any], float]


def candidates(text: str) -> list[int]:
    """Offsets of the marks of a line, in the order they are squeezed: a closing mark at the
    end of the line first, then every other mark from the end of the line to its start.

    An opening mark squeezed moves its glyph back by half a character; it is left alone at the
    start of the text (what precedes it is not known here) and after a closing mark, where the
    two glyphs would start at the same point and text extraction could swap them."""
    return [
        i
        for i in range(len(text) - 1, -1, -1)
        if text[i] in CLOSING or (text[i] in OPENING and i > 0 and text[i - 1] not in CLOSING)
    ]


def squeezing(original: Split, chinese: Callable[[str], bool], width: Width) -> Split:
    """``split_first_line`` that squeezes punctuation to take the next unit of text."""

    def split_first_line(
        text: str,
        style: Any,
        context: Any,
        max_width: float | None,
        justification_spacing: float,
        is_line_start: bool = True,
        minimum: bool = False,
    ) -> tuple[Any, ...]:
        result = original(
            text, style, context, max_width, justification_spacing, is_line_start, minimum
        )
        em = style["font_size"]
        if (
            minimum
            or max_width is None
            or result[2] is None  # the rest of the text fits
            or style["text_align_all"] != "justify"
            or max_width - result[3] <= STRETCH * em * max(len(result[0].text) - 1, 1)
            or not chinese(text)
            # marks of the line, and one that may come with the next character, give half
            # a character each: not enough for that character
            or max_width - result[3] + em / 2 * (len(candidates(result[0].text)) + 1) < em
        ):
            return result
        for extra in (em, 2 * em):  # the next unit may be two characters and a mark wide
            wider = original(
                text, style, context, max_width + extra, justification_spacing, is_line_start
            )
            if wider[1] > result[1]:
                return _squeeze(wider, style, max_width, width) or result
        return result

    return split_first_line


def _squeeze(
    split: tuple[Any, ...], style: Any, max_width: float, line_width: Width
) -> tuple[Any, ...] | None:
    """The split with as few marks squeezed as make its line fit, or ``None``."""
    layout, length, resume_index, wide, height, baseline = split
    layout.reactivate(style)
    marks = candidates(layout.text)
    # Each mark gives at most half a character: start with as many as that takes.
    count = max(1, math.ceil((wide - max_width) / (style["font_size"] / 2)))
    while count <= len(marks):
        layout.squeeze = tuple(marks[:count])
        layout.set_text(layout.text)
        narrow = line_width(layout)
        if narrow <= max_width:
            layout.deactivate()
            return layout, length, resume_index, narrow, height, baseline
        count += 1
    layout.deactivate()
    return None

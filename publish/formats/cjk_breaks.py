"""Line-break opportunities around quotation marks in Chinese text, tailored for Pango 1.50.

Pango breaks lines by UAX #14 as of Unicode 14, where “ ” ‘ ’ are ambiguous quotation marks
(class QU): no break before or after them. In Chinese the direction is known, so a line can
break before an opening “ and after a closing ” (W3C clreq; UAX #14 from Unicode 15.1 does the
same in an East Asian context, LB15a/b). Without it, ``院“二甲”医`` is one unbreakable unit of
five characters and the line before it runs short.

Pango can only take break opportunities away (the ``allow_breaks`` attribute), not add them;
so a tailored layout wraps at every character (``PANGO_WRAP_CHAR``) and forbids the breaks
that are not in :func:`opportunities`. Nothing is inserted into the text.
"""

from __future__ import annotations

from collections.abc import Sequence

OPENING_QUOTES = "“‘"
CLOSING_QUOTES = "”’"
#: Marks that may not end a line (W3C clreq), after which no break is added.
NO_END = frozenset("（［｛「『《〈【〔〖“‘")
#: Marks that may not start a line, before which no break is added.
NO_START = frozenset("、，。．：；！？）］｝」』》〉】〕〗”’·…—")


def _chinese(char: str) -> bool:
    return "\u2e80" <= char <= "\u9fff" or "\uff00" <= char <= "\uffef" or char >= "\U00020000"


def opportunities(text: str, pango_breaks: Sequence[bool]) -> list[bool]:
    """Where a line may break: ``result[i]`` is a break before ``text[i]``.

    ``pango_breaks`` are Pango's own (``is_line_break`` per character); this adds a break
    before an opening quotation mark and after a closing one between Chinese characters."""
    allowed = [bool(pango_breaks[i]) for i in range(len(text))]
    for i in range(1, len(text)):
        before, after = text[i - 1], text[i]
        opening = after in OPENING_QUOTES and _chinese(before) and before not in NO_END
        closing = (
            before in CLOSING_QUOTES
            and (_chinese(after) or after in OPENING_QUOTES)
            and after not in NO_START
        )
        allowed[i] = allowed[i] or opening or closing
    return allowed


def pango_breaks(text: str, lang: str | None) -> list[bool]:
    """Pango's own break opportunities: ``result[i]`` is a break before ``text[i]``."""
    from weasyprint.text.line_break import get_log_attrs

    attributes = get_log_attrs(text, lang)
    return [bool(attributes[i].is_line_break) for i in range(len(text))]


def unbreakable_runs(text: str, lang: str | None) -> list[tuple[int, int]] | None:
    """Character ranges a tailored layout must keep on one line, or ``None`` when the text
    needs no tailoring (Pango's own breaks are already right)."""
    if not any(quote in text for quote in OPENING_QUOTES + CLOSING_QUOTES):
        return None
    pango = pango_breaks(text, lang)
    allowed = opportunities(text, pango)
    if allowed == pango:
        return None
    runs, start = [], 0
    for i in range(1, len(text) + 1):
        if i == len(text) or allowed[i]:
            if i - start > 1:
                runs.append((start, i))
            start = i
    return runs


def can_break(text: str, lang: str | None) -> bool | None:
    """Whether a line may break inside ``text`` (WeasyPrint asks it of the two characters
    around a boundary between inline boxes), or ``None`` when Pango's answer stands."""
    if len(text) < 2 or not any(quote in text for quote in OPENING_QUOTES + CLOSING_QUOTES):
        return None
    return any(opportunities(text, pango_breaks(text, lang))[1:])

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

import functools
import re

from publish.cjk import CLOSING_QUOTES, NO_END, NO_START, OPENING_QUOTES
from publish.cjk import is_wide as _chinese

_QUOTE = re.compile(f"[{OPENING_QUOTES}{CLOSING_QUOTES}]")
_NO_BREAK = re.compile(b"0+")
_FIRST_BIT = bytes(b"01"[byte & 1] for byte in range(256))


def opportunities(text: str, pango: bytes) -> bytes:
    """Where a line may break: ``b"1"`` at ``result[i]`` is a break before ``text[i]``.

    ``pango`` is Pango's own (:func:`pango_breaks`); this adds a break before an opening
    quotation mark and after a closing one between Chinese characters."""
    allowed = bytearray(pango)
    for match in _QUOTE.finditer(text):
        i = match.start()
        if text[i] in OPENING_QUOTES:
            before = text[i - 1] if i else ""
            if before and _chinese(before) and before not in NO_END:
                allowed[i] = ord("1")
        elif i + 1 < len(text):
            after = text[i + 1]
            if (_chinese(after) or after in OPENING_QUOTES) and after not in NO_START:
                allowed[i + 1] = ord("1")
    return bytes(allowed)


def pango_breaks(text: str, lang: str | None) -> bytes:
    """Pango's own break opportunities: ``b"1"`` at ``result[i]`` is a break before
    ``text[i]``. Read from the PangoLogAttr array in one go: its first bit is
    ``is_line_break``."""
    from weasyprint.text.ffi import ffi
    from weasyprint.text.line_break import get_log_attrs

    attributes = get_log_attrs(text, lang)
    if ffi.sizeof("PangoLogAttr") != 4:  # another ABI: one attribute at a time
        return bytes(b"01"[attributes[i].is_line_break] for i in range(len(text)))
    return bytes(ffi.buffer(attributes))[: 4 * len(text) : 4].translate(_FIRST_BIT)


@functools.lru_cache(maxsize=4096)
def unbreakable_runs(text: str, lang: str | None) -> tuple[tuple[int, int], ...] | None:
    """Character ranges a tailored layout must keep on one line, or ``None`` when the text
    needs no tailoring (Pango's own breaks are already right). WeasyPrint sets the same text
    several times (measuring, then drawing): the answer is kept."""
    if not _QUOTE.search(text):
        return None
    pango = pango_breaks(text, lang)
    allowed = opportunities(text, pango)
    if allowed == pango:
        return None
    # A run of b"0" from position s to e-1: no break before text[s:e], so text[s-1:e] is one.
    return tuple((m.start() - 1, m.end()) for m in _NO_BREAK.finditer(allowed, 1))


def can_break(text: str, lang: str | None) -> bool | None:
    """Whether a line may break inside ``text`` (WeasyPrint asks it of the two characters
    around a boundary between inline boxes), or ``None`` when Pango's answer stands."""
    if len(text) < 2 or not _QUOTE.search(text):
        return None
    return b"1" in opportunities(text, pango_breaks(text, lang))[1:]

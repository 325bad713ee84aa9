"""Inter-character justification of CJK text, as an extension of WeasyPrint 70.

WeasyPrint justifies only at spaces (Kozea/WeasyPrint#2269), so a line of Chinese, which has
none, stays ragged under ``text-align: justify``. This module extends WeasyPrint's own
justification: the expandable opportunities of a line are its spaces plus its CJK characters,
and when a text box is drawn every CJK character gets the line's justification spacing as
Pango letter spacing. Nothing is inserted into the text, so text extracted or copied from the
PDF equals the source.

:func:`applied` also wires in the line-break tailoring of :mod:`cjk_breaks` and the punctuation
squeezing of :mod:`cjk_squeeze`: ``Layout.set_text`` is where all three become Pango attributes
(letter spacing, ``allow_breaks``, ``halt``), so they are applied again each time WeasyPrint
re-creates a layout, when measuring and when drawing.

It also lays out the PDF's render-time spans (:mod:`cjk_spans`: emphasis dots, CJK-Latin
spacing at line edges). It replaces ``count_expandable_spaces``, and wraps
``add_word_spacing``, ``can_break_text``, ``remove_last_whitespace`` and ``split_first_line``
in ``weasyprint.layout.inline`` (and the copies of ``split_first_line`` and ``can_break_text``
that ``weasyprint.layout.preferred`` imports, so preferred widths are measured as lines are
broken) and ``Layout.set_text`` in ``weasyprint.text.line_break``; they exist as used here in
WeasyPrint 70 only (pinned in pyproject.toml, checked by :func:`applied`). The replacements are
in place only inside ``with applied():``, around publish's own rendering: any other use of
WeasyPrint in the same process gets WeasyPrint as it is.
"""

from __future__ import annotations

import contextlib
import copy
import functools
import re
import threading
from collections.abc import Iterator
from typing import Any

from publish.cjk import CJK_RANGES
from publish.errors import BuildError
from publish.formats import cjk_breaks, cjk_spans, cjk_squeeze

#: Characters that take inter-character spacing: CJK letters and punctuation.
CJK = re.compile(f"[{CJK_RANGES}]")
CJK_RUN = re.compile(CJK.pattern + "+")
_LOCK = threading.RLock()  # one rendering at a time holds the replacements in place


@functools.lru_cache(maxsize=4096)  # a line's text is counted at each of several layout steps
def opportunities(text: str) -> float:
    """How many times a justified text box takes the line's justification spacing: once per
    space and no-break space, once per CJK character, less half at each end of the box that is
    a CJK character (Pango drops the outer half of letter spacing at a layout's ends)."""
    chinese = len(CJK.findall(text))
    ends = sum(1 for char in (text[:1], text[-1:]) if CJK.fullmatch(char))
    return text.count(" ") + text.count("\u00a0") + max(chinese - ends / 2, 0)


@contextlib.contextmanager
def applied() -> Iterator[None]:
    """WeasyPrint with CJK justification, tailored breaks and squeezing for the time of the
    block (nested blocks and other threads wait for the outermost to finish)."""
    patches = _patches()
    with _LOCK:
        originals = [getattr(target, name) for target, name, _ in patches]
        for target, name, patched in patches:
            setattr(target, name, patched)
        try:
            yield
        finally:
            for (target, name, _), original in zip(patches, originals, strict=True):
                setattr(target, name, original)


@functools.cache
def _patches() -> tuple[tuple[Any, str, Any], ...]:
    """(module or class, name, ours) for every function replaced; made once per process."""
    import weasyprint
    from weasyprint.formatting_structure import boxes
    from weasyprint.layout import inline, preferred
    from weasyprint.text import line_break
    from weasyprint.text.ffi import TO_UNITS, ffi, pango

    if not weasyprint.__version__.startswith("70."):
        raise BuildError(
            f"CJK justification supports WeasyPrint 70, found {weasyprint.__version__}; "
            "install the version pyproject.toml pins"
        )

    def count_expandable_spaces(box: Any) -> float:
        if isinstance(box, boxes.TextBox):
            return 1 if cjk_spans.is_dot(box) else opportunities(box.text)
        if isinstance(box, (boxes.LineBox, boxes.InlineBox)):
            return sum(count_expandable_spaces(child) for child in box.children)
        return 0

    original_set_text = line_break.Layout.set_text
    ffi.cdef(
        "PangoAttribute * pango_attr_allow_breaks_new (gboolean allow_breaks);"
        "int pango_layout_get_width (PangoLayout *layout);"
    )

    def set_text(self: Any, text: str, justify: bool = False) -> None:
        # WeasyPrint's justification only spaces out spaces: without any, it is skipped (the
        # same layout, without a search for spaces in every line drawn).
        spaces = justify and (" " in text or "\u00a0" in text)
        original_set_text(self, text, spaces)
        chinese = CJK.search(self.text)
        width = pango.pango_layout_get_width(self.layout) / TO_UNITS  # -1: no wrapping
        runs = None
        if chinese and width > 0:  # only the first line counts: tailor no further
            most = int(width / (0.2 * self.style["font_size"])) + 2  # characters on a line
            runs = cjk_breaks.unbreakable_runs(self.text[:most], self.style["lang"])
        if runs:
            pango.pango_layout_set_wrap(self.layout, pango.PANGO_WRAP_CHAR)
        elif getattr(self, "tailored", False):  # WeasyPrint reuses a layout for other texts
            pango.pango_layout_set_wrap(self.layout, pango.PANGO_WRAP_WORD)
        self.tailored = bool(runs)
        squeeze = getattr(self, "squeeze", ())
        spacing = justify and self.justification_spacing
        if not chinese or not (squeeze or spacing or runs):
            return
        attributes = pango.pango_layout_get_attributes(self.layout)
        if attributes == ffi.NULL:
            attributes = ffi.gc(pango.pango_attr_list_new(), pango.pango_attr_list_unref)
        text = self.text

        def add(attribute: Any, start: int, end: int) -> None:
            """``attribute`` on characters ``start:end`` (Pango counts UTF-8 bytes)."""
            first = len(text[:start].encode("utf-8"))
            attribute.start_index = first
            attribute.end_index = first + len(text[start:end].encode("utf-8"))
            pango.pango_attr_list_insert(attributes, attribute)

        for start, end in runs or ():
            add(pango.pango_attr_allow_breaks_new(False), start, end)
        for offset in squeeze:
            add(pango.pango_attr_font_features_new(b"halt 1"), offset, offset + 1)
        if spacing:
            # Pango keeps one letter-spacing per character: add the style's own to ours.
            letter_spacing = self.style["letter_spacing"]
            base = 0 if letter_spacing == "normal" else letter_spacing
            units = int((base + self.justification_spacing) * TO_UNITS)
            for match in CJK_RUN.finditer(text):  # Pango spaces every character of a range
                add(pango.pango_attr_letter_spacing_new(units), match.start(), match.end())
        pango.pango_layout_set_attributes(self.layout, attributes)

    original_add_word_spacing = inline.add_word_spacing

    def add_word_spacing(context: Any, box: Any, spacing: float, x_advance: float) -> float:
        """WeasyPrint lays a justified text box out again only to store the spacing, which
        drawing applies anyway (``Layout.reactivate``): keep the box's layout, with its
        squeezed marks, and give a copy of it the spacing."""
        if not isinstance(box, boxes.TextBox):
            return float(original_add_word_spacing(context, box, spacing, x_advance))
        if cjk_spans.is_dot(box):
            return cjk_spans.spread(box, spacing, x_advance)
        box.justification_spacing = spacing
        box.position_x += x_advance
        expandable = count_expandable_spaces(box)
        if expandable > 0:
            box.pango_layout = copy.copy(box.pango_layout)
            box.pango_layout.justification_spacing = spacing
            box.width += spacing * expandable
            x_advance += spacing * expandable
        return float(x_advance)

    def line_width(layout: Any) -> float:
        line, _ = layout.get_first_line()
        return float(line_break.line_size(line, layout.style)[0])

    original_can_break_text = inline.can_break_text
    original_remove_last_whitespace = inline.remove_last_whitespace

    def remove_last_whitespace(context: Any, line: Any) -> None:
        original_remove_last_whitespace(context, line)
        cjk_spans.trim_edges(line)

    def can_break_text(text: str, lang: str | None) -> bool:
        tailored = cjk_breaks.can_break(text, lang)
        return bool(original_can_break_text(text, lang) if tailored is None else tailored)

    split = cjk_squeeze.squeezing(
        inline.split_first_line, lambda text: bool(CJK.search(text)), line_width
    )
    return (
        (inline, "can_break_text", can_break_text),
        (preferred, "can_break_text", can_break_text),
        (inline, "count_expandable_spaces", count_expandable_spaces),
        (inline, "add_word_spacing", add_word_spacing),
        (inline, "split_first_line", split),
        (preferred, "split_first_line", split),
        (inline, "remove_last_whitespace", remove_last_whitespace),
        (line_break.Layout, "set_text", set_text),
    )

"""Inter-character justification of CJK text, as an extension of WeasyPrint 70.

WeasyPrint justifies only at spaces (Kozea/WeasyPrint#2269), so a line of Chinese, which has
none, stays ragged under ``text-align: justify``. This module extends WeasyPrint's own
justification: the expandable opportunities of a line are its spaces plus its CJK characters,
and when a text box is drawn every CJK character gets the line's justification spacing as
Pango letter spacing. Nothing is inserted into the text, so text extracted or copied from the
PDF equals the source.

It replaces ``weasyprint.layout.inline.count_expandable_spaces`` and wraps
``weasyprint.text.line_break.Layout.set_text``; both exist as used here in WeasyPrint 70 only
(pinned in pyproject.toml, checked by :func:`install`).
"""

from __future__ import annotations

import re
from typing import Any

from publish.errors import BuildError

#: Characters that take inter-character spacing: CJK letters and punctuation.
CJK = re.compile(
    "[\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u3190-\u31ff\u3400-\u4dbf"
    "\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003ffff]"
)
_installed = False


def opportunities(text: str) -> int:
    """Where a justified text box may stretch: its spaces and no-break spaces, and the gaps
    after its CJK characters but the last (Pango drops letter spacing at a layout's ends)."""
    return text.count(" ") + text.count("\u00a0") + max(len(CJK.findall(text)) - 1, 0)


def install() -> None:
    """Extend WeasyPrint's justification once per process."""
    global _installed
    if _installed:
        return
    import weasyprint
    from weasyprint.formatting_structure import boxes
    from weasyprint.layout import inline
    from weasyprint.text import line_break
    from weasyprint.text.ffi import TO_UNITS, ffi, pango

    if not weasyprint.__version__.startswith("70."):
        raise BuildError(
            f"CJK justification supports WeasyPrint 70, found {weasyprint.__version__}; "
            "install the version pyproject.toml pins"
        )

    def count_expandable_spaces(box: Any) -> int:
        if isinstance(box, boxes.TextBox):
            return opportunities(box.text)
        if isinstance(box, (boxes.LineBox, boxes.InlineBox)):
            return sum(count_expandable_spaces(child) for child in box.children)
        return 0

    original_set_text = line_break.Layout.set_text

    def set_text(self: Any, text: str, justify: bool = False) -> None:
        original_set_text(self, text, justify)
        if not (justify and self.justification_spacing and CJK.search(self.text)):
            return
        attributes = pango.pango_layout_get_attributes(self.layout)
        if attributes == ffi.NULL:
            attributes = ffi.gc(pango.pango_attr_list_new(), pango.pango_attr_list_unref)
        # Pango keeps one letter-spacing per character: add the style's own to ours.
        letter_spacing = self.style["letter_spacing"]
        base = 0 if letter_spacing == "normal" else letter_spacing
        spacing = int((base + self.justification_spacing) * TO_UNITS)
        encoded = 0
        last = 0
        for match in CJK.finditer(self.text):
            encoded += len(self.text[last : match.start()].encode("utf-8"))
            size = len(match.group(0).encode("utf-8"))
            attribute = pango.pango_attr_letter_spacing_new(spacing)
            attribute.start_index, attribute.end_index = encoded, encoded + size
            pango.pango_attr_list_insert(attributes, attribute)
            encoded += size
            last = match.end()
        pango.pango_layout_set_attributes(self.layout, attributes)

    inline.count_expandable_spaces = count_expandable_spaces
    line_break.Layout.set_text = set_text
    _installed = True

"""HTML adjustments for paged media, applied to the shared body HTML before WeasyPrint.

- Footnotes move from the list at the end to their call sites as
  ``<span class="footnote">`` so that ``float: footnote`` sets them at the foot of the page.
- The first of two adjacent full-width marks (``。”`` ``）、`` ``，“``) is set half wide,
  unless the theme's ``text_spacing_trim`` is ``space-all`` (CSS Text 4's names).
- Emphasis dots and CJK-Latin spacing become spans (:mod:`~publish.formats.pdfspans`).
- ``<li><p>…</p></li>`` loses its paragraph: WeasyPrint 70 tags it as a child of the list item,
  which PDF/UA-1 forbids (only Lbl and LBody may be there).
"""

from __future__ import annotations

import re

from publish.cjk import CLOSING, OPENING
from publish.formats import pdfspans
from publish.formats.footnotes import BACKREF, CALL, split_notes
from publish.typesetting import dots, is_chinese, spacing

_LI_P = re.compile(r"(<li\b[^>]*>)\s*<p>(.*?)</p>\s*(</li>)", re.S)
_INNER_P = re.compile(r"</p>\s*<p>")


def inline_footnotes(html: str) -> str:
    html, notes = split_notes(html)
    if not notes:
        return html

    def call(match: re.Match[str]) -> str:
        note = notes.get(match.group(1))
        if note is None:
            return match.group(0)
        text = BACKREF.sub("", note).strip()
        text = text.removeprefix("<p>").removesuffix("</p>").strip()
        return f'<span class="footnote">{text}</span>'

    return CALL.sub(call, html)


def tagged_lists(html: str) -> str:
    def unwrap(match: re.Match[str]) -> str:
        return match.group(1) + _INNER_P.sub("<br><br>", match.group(2)) + match.group(3)

    return _LI_P.sub(unwrap, html)


#: Full-width marks whose glyph is half punctuation, half space; the first of two adjacent
#: marks takes only its half (the fonts' ``halt`` feature), as Chinese typesetting does.
_SQUEEZE = re.compile(f"[{''.join(sorted(CLOSING))}](?=[{''.join(sorted(OPENING | CLOSING))}])")
_TAG = re.compile(r"(<[^>]+>)")


def compress_punctuation(html: str) -> str:
    """``。”`` -> ``<span class="halt">。</span>”`` in text (never inside tags)."""
    parts = _TAG.split(html)
    for i in range(0, len(parts), 2):
        parts[i] = _SQUEEZE.sub(lambda m: f'<span class="halt">{m.group(0)}</span>', parts[i])
    return "".join(parts)


def for_print(html: str, trim_pairs: bool = True, dots: bool = False, spacing: bool = False) -> str:
    """The body HTML for WeasyPrint; ``trim_pairs`` is the theme's ``text_spacing_trim``,
    ``dots`` and ``spacing`` its emphasis dots and CJK-Latin spacing (for Chinese text)."""
    html = pdfspans.mark(tagged_lists(inline_footnotes(html)), dots, spacing)
    return compress_punctuation(html) if trim_pairs else html


def for_document(html: str, variables: dict[str, str], language: str) -> str:
    """:func:`for_print` with the theme's switches, for a document in ``language``."""
    return for_print(
        html,
        trim_pairs=variables.get("text_spacing_trim", "normal") == "normal",
        dots=dots(variables, language),
        spacing=is_chinese(language) and spacing(variables),
    )

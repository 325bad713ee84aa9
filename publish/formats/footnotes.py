"""The footnotes markdown-it-py renders (a list at the end, calls as superscript links), taken
apart so a format can place them its own way: at the foot of the page (PDF) or as asides in
the chapter that calls them (EPUB)."""

from __future__ import annotations

import re

_SECTION = re.compile(
    r'<hr class="footnotes-sep"\s*/?>\s*<section class="footnotes">.*?</section>\s*', re.S
)
_ITEM = re.compile(r'<li id="(fn\d+)" class="footnote-item">\s*(.*?)\s*</li>', re.S)
#: A call: groups are the note id, the call's own id and the number shown.
CALL = re.compile(
    r'<sup class="footnote-ref"><a href="#(fn\d+)" id="(fnref[\d:]+)">\[(\d+)\]</a></sup>'
)
#: The link from a note back to its call: group 1 is the call's id.
BACKREF = re.compile(r'\s*<a href="#(fnref[\d:]+)" class="footnote-backref">.*?</a>', re.S)


def split_notes(html: str) -> tuple[str, dict[str, str]]:
    """(the HTML without the list of notes, {note id: the note's inner HTML})."""
    section = _SECTION.search(html)
    if not section:
        return html, {}
    notes = {m.group(1): m.group(2) for m in _ITEM.finditer(section.group(0))}
    return html[: section.start()] + html[section.end() :], notes

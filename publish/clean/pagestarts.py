"""Where the original's pages start in the cleaned text: read from the lines the cleaner removed.

Three kinds of line say that a page of the newspaper starts at the place they leave:

- a "continued on" jump (``（下转第3版）``, ``Continued on Page A6``): what follows ran on that
  page;
- a "continued from" jump at the head of a fragment (``(上接第一版)``): what follows is on the
  fragment's own page, which the line does not name (``page`` is ``""`` until the front
  matter's ``pages`` does, see :mod:`publish.parse.pages`);
- a page marker with a number (``=== PAGE 4 ===``, ``[Page 4]``, ``<!-- 第 4 页 -->``): page 4
  starts here. (A folio or ``Page 3 of 12`` may stand at the head or the foot of its page, so
  it names no start.)

``furniture`` and ``jumps`` leave each as a :class:`~publish.clean.evidence.Boundary`, whose
offset every later edit carries forward (:meth:`~publish.clean.evidence.Pages.remap`, and
shifted when fragments are stitched). :func:`collect` reads them off the finished text, and
:func:`resolve` names the page the text begins on from the front matter, for the outputs.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence

from publish.clean.evidence import Boundary
from publish.clean.markers import MARKER, direction_and_page
from publish.model import Jump, PageStart

_TEXT = re.compile(r"\S")
_PROSE = re.compile(r"^[ \t]*[^\s#]", re.M)  # a line of text, not a heading
#: Which start wins where several fall on one place: a numbered one, then the surest kind.
_RANK = {"page marker": 2, "to": 1, "from": 0}


def of_jump(jump: Jump) -> PageStart:
    """The page start a removed jump line leaves (its offset is the boundary's)."""
    named = jump.direction == "to" and not jump.page.isalpha()  # ("next", "back": places)
    page = jump.page if named else ""
    return PageStart(page, 0, jump.direction, jump.text, jump.path, jump.line)


def collect(text: str, boundaries: Iterable[Boundary]) -> tuple[PageStart, ...]:
    """The page starts among ``boundaries`` (offsets of ``text``), in order of the text: each
    moved on to the first character after it, dropped if nothing follows (a jump closing the
    text goes on in another document), one kept where several meet (``下转第3版`` and the
    ``上接第1版`` after it), and one kept of a page named twice in a row. Text before the first
    start that a "continued from" line there follows (an earlier fragment) ran on the page
    that line names."""
    found: dict[int, list[PageStart]] = {}
    for boundary in boundaries:
        first = _TEXT.search(text, boundary.offset) if boundary.start else None
        if boundary.start is not None and first is not None:
            start = dataclasses.replace(boundary.start, offset=first.start())
            found.setdefault(start.offset, []).append(start)
    if not found:
        return ()
    starts = [max(found[offset], key=_rank) for offset in sorted(found)]
    earlier = _earlier_page(text, found[starts[0].offset])
    return tuple(one_each([*earlier, *starts]))


def _earlier_page(text: str, first: list[PageStart]) -> list[PageStart]:
    """The start where ``text`` begins, if text (not only a heading) stands before the
    ``first`` starts and one is a "continued from" line naming the page it came from."""
    begin = _TEXT.search(text)
    assert begin is not None  # (a start has text after it)
    if _PROSE.search(text, 0, first[0].offset) is None:
        return []
    for start in first:
        marker = MARKER.search(start.text) if start.kind == "from" else None
        page = direction_and_page(marker)[1] if marker else ""
        if page and not page.isalpha():
            return [dataclasses.replace(start, page=page, offset=begin.start())]
    return []


def one_each(starts: Iterable[PageStart]) -> list[PageStart]:
    """``starts`` without those naming the page the one before names."""
    kept: list[PageStart] = []
    for start in starts:
        if not (kept and start.page and start.page == kept[-1].page):
            kept.append(start)
    return kept


def _rank(start: PageStart) -> tuple[bool, int]:
    return bool(start.page), _RANK.get(start.kind, 0)


def resolve(starts: Sequence[PageStart], text: str, first_page: str) -> list[PageStart]:
    """The page starts an output cites: ``starts`` (the cleaner's, offsets of ``text``) with
    ``first_page`` (the first of the front matter's ``pages``, where the text begins) naming
    the page the text begins on, and those whose page is still unknown left out. A document
    whose lines named no start gets none (``first_page`` alone adds nothing)."""
    found = list(starts)
    begin = _TEXT.search(text)
    if found and first_page and begin is not None:
        if found[0].offset > begin.start():
            found.insert(0, PageStart(first_page, begin.start(), "pages", first_page, "", 0))
        elif not found[0].page:
            found[0] = dataclasses.replace(found[0], page=first_page)
    return one_each(s for s in found if s.page)

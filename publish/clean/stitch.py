"""Articles a page's jump lines cut, put back together in one text (part of pass ``jumps``).

A newsletter or a newspaper set as one text breaks an article off with ``continued on page 3,
see **FPA**`` and goes on under ``# FPA, continued from page 1``, with other articles between.
Once the jump lines are gone, a pair is:

- a "continued on" marker on page P naming page N (or the next page), and
- the one "continued from" marker on page N naming page P (or the previous page),

the pages read from the page markers (``=== PAGE 3 ===``) before each, and the names they
carry the same where both carry one (``see **FPA**``, ``# FPA``). Where a text shows no page,
or a marker finds no single partner, nothing moves. The continuation runs from its marker (its
jump head, a heading of the name alone, goes) to the next heading, page or "continued on"
marker (whose pair then follows it: a chain); it moves to where its article broke off, joined
to the part before it where that stops mid-sentence and it goes on (:func:`~publish.clean.
halves.judge`, :func:`~publish.clean.joining.joiner`). Articles whose runs cross one another's
move in one edit, recorded with the pairs as its evidence.
"""

from __future__ import annotations

import bisect
import re
from typing import NamedTuple

from publish.clean import evidence as ev
from publish.clean import halves
from publish.clean.editor import Editor
from publish.clean.joining import joiner
from publish.clean.trace import Edit
from publish.clean.words import Lexicon


class Jump(NamedTuple):
    """A removed marker: where it stood in the text, which way, the page and name it gives."""

    at: int
    direction: str
    page: str
    name: str


_POINTER = re.compile(r"(?i:see)[ \t]+[*_]{0,2}([A-Z][\w'’&-]*)")
_HEADING = re.compile(r"^#{1,6}[ \t]+", re.MULTILINE)
_RULE_END = re.compile(r"(?:\s*(?:-{3,}|\*{3,}|_{3,})[ \t]*)+\s*$")
WHY = "an article's continuation, moved to where it broke off"


def pointer(printed: str) -> str:
    """The name a "continued on" marker points to (``see **FPA**``: ``FPA``), or ``""``."""
    found = _POINTER.search(printed)
    return found.group(1) if found else ""


def apply(text: str, edit: Editor, jumps: list[Jump]) -> str:
    """The text with each continuation paired by the page markers moved to its article."""
    pages = _page_starts(edit)
    if not pages or not any(j.direction == "to" for j in jumps):
        return text
    links = _links(text, jumps, pages)
    if not links:
        return text
    edits = [_moved(text, group, Lexicon(text)) for group in _clusters(links)]
    return edit.apply(text, edits, protect=False)


def partners(text: str, edit: Editor, jumps: list[Jump]) -> set[int]:
    """Where the markers among ``jumps`` that :func:`apply` will pair stand (``at``): their
    text moves, so none of them misleads a seam where it stood."""
    pages = _page_starts(edit)
    if not pages:
        return set()
    return {at for link in _links(text, jumps, pages) for at in link.markers}


class _Link(NamedTuple):
    markers: tuple[int, int]  # where its two markers stood
    target: int  # where the article broke off: the end of its text before the marker
    cut: int  # where what moves away starts: its jump head, if it has one
    start: int  # the continuation's first character (past its jump head)
    end: int  # its end
    why: str


def _page_starts(edit: Editor) -> list[tuple[int, int]]:
    """(offset, page) of each page a page marker numbered, in order."""
    found = [
        (b.offset, int(b.start.page))
        for b in edit.pages.boundaries
        if b.start is not None and b.start.kind == "page marker" and b.start.page.isdigit()
    ]
    return sorted(found)


def _page_of(pages: list[tuple[int, int]], at: int) -> int | None:
    i = bisect.bisect_right(pages, (at, 1 << 30)) - 1
    return pages[i][1] if i >= 0 else None


def _named(page: str, own: int) -> int | None:
    """The page a marker names, from the page it stands on for ``next`` and ``previous``."""
    if page.isdigit():
        return int(page)
    if page in ("next", "following"):
        return own + 1
    if page in ("previous", "preceding", "last"):
        return own - 1
    return None


def _links(text: str, jumps: list[Jump], pages: list[tuple[int, int]]) -> list[_Link]:
    froms = [j for j in jumps if j.direction == "from"]
    ends = sorted(j.at for j in jumps if j.direction == "to")
    links = []
    for jump in (j for j in jumps if j.direction == "to"):
        own = _page_of(pages, jump.at - 1)  # (its page's end: a page may start right after)
        goes = None if own is None else _named(jump.page, own)
        if own is None or goes is None or goes <= own:
            continue  # (a page before: no forward jump, left as it stands)
        found = [
            f
            for f in froms
            if f.at > jump.at
            and _page_of(pages, f.at) == goes
            and _named(f.page, goes) == own
            and not (jump.name and f.name and jump.name.casefold() != f.name.casefold())
        ]
        if len(found) != 1:
            continue
        cut, start, end = _run(text, found[0], pages, ends)
        target = len(text[: jump.at].rstrip())
        if target < cut <= start < end:
            names = f" ({jump.name})" if jump.name else ""
            why = f"continued on page {goes}{names}, and there continued from page {own}"
            links.append(_Link((jump.at, found[0].at), target, cut, start, end, why))
    starts = [link.start for link in links]
    return [link for link in links if starts.count(link.start) == 1]


def _run(
    text: str, came: Jump, pages: list[tuple[int, int]], ends: list[int]
) -> tuple[int, int, int]:
    """Where what moves away starts (its jump head), the continuation after a "continued
    from" marker starts, and where it ends."""
    start = cut = came.at
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    head = line.lstrip("#").strip(" \t*_,").casefold()
    if _HEADING.match(line) and head in ("", came.name.casefold()):
        cut, start = line_start, len(text) if line_end < 0 else line_end  # (its head goes)
    if not text[line_start:start].strip():  # (the marker's line gone: a heading over it is
        above = text[:line_start].rstrip()  # its jump head, atop its page, ``# TEXAS`` ⏎
        head_start = above.rfind("\n") + 1  # ``**Continued from page 2**``, or the title the
        top = bisect.bisect_right(pages, (head_start, 1 << 30)) - 1  # article began under)
        atop = top >= 0 and not text[pages[top][0] : head_start].strip()
        if _HEADING.match(above[head_start:]) and (atop or _titled(text, head_start)):
            cut = head_start
    while start < len(text) and text[start] in " \t\n":
        start += 1
    limit = len(text)
    heading = _HEADING.search(text, start + 1)
    if heading is not None:
        limit = heading.start()
    page = bisect.bisect_right(pages, (start, 1 << 30))
    if page < len(pages):
        limit = min(limit, pages[page][0])
    more = bisect.bisect_right(ends, start)
    if more < len(ends):
        limit = min(limit, ends[more])
    body = _RULE_END.sub("", text[start:limit])
    return cut, start, start + len(body.rstrip())


def _titled(text: str, head_start: int) -> bool:
    """The heading at ``head_start`` says in its words what a heading before it says: the
    article's title over its continuation (``## BRIDGING THE CHASM.`` on page 3, ``## BRIDGING
    THE CHASM`` over ``*(Continued from third page.)*`` on page 4: review 239)."""
    end = text.find("\n", head_start)
    words = _words(text[head_start : len(text) if end < 0 else end])
    return bool(words) and any(
        _words(m.group(0)) == words for m in _HEADING_LINE.finditer(text, 0, head_start)
    )


def _words(line: str) -> list[str]:
    return re.findall(r"\w+", line.lstrip("#").casefold())


_HEADING_LINE = re.compile(r"^#{1,6}[ \t]+.*$", re.MULTILINE)


def _clusters(links: list[_Link]) -> list[list[_Link]]:
    """The links whose ranges (from the break to the continuation's end) overlap, together."""
    groups: list[list[_Link]] = []
    reach = -1
    for link in sorted(links, key=lambda k: k.target):
        if groups and link.target <= reach:  # (a chain's next link starts where it ends)
            groups[-1].append(link)
            reach = max(reach, link.end)
        else:
            groups.append([link])
            reach = link.end
    return groups


def _moved(text: str, group: list[_Link], lexicon: Lexicon) -> Edit:
    """One edit for ``group``: each continuation after its article's break (after the part
    before it, in a chain), the rest of the range in its order."""
    low = min(k.target for k in group)
    high = max(k.end for k in group)
    base = text.rfind("\n\n", 0, low) + 2 if "\n\n" in text[:low] else 0
    runs = sorted((k.cut, k.end) for k in group)
    following = {k: m for k in group for m in group if k.start <= m.target <= k.end}
    heads = [k for k in group if k not in following.values()]
    at: dict[int, list[_Link]] = {}
    for link in heads:
        at.setdefault(link.target, []).append(link)
    buf, cursor = text[base:low], low
    for point in sorted({*at, *(s for s, _ in runs), high}):
        if point < cursor:
            continue
        buf = _then(buf, text[cursor:point])
        cursor = point
        for link in at.get(point, []):
            chained: _Link | None = link
            while chained is not None:
                buf = _joined(buf, text[chained.start : chained.end], lexicon)
                chained = following.get(chained)
        for s, e in runs:
            if s <= cursor < e:
                cursor = e
    new = _then(buf, text[cursor:high]).rstrip("\n")
    whys = tuple(dict.fromkeys([WHY, *(k.why for k in group)]))
    return Edit(base, high, new, ev.STRONG, whys, moves=True)


def _then(before: str, piece: str) -> str:
    """``piece`` after ``before``, one blank line between (a run moved away leaves its
    blank lines on both sides)."""
    if not piece.strip():
        return before
    return before.rstrip("\n") + "\n\n" + piece.lstrip("\n") if before.strip() else piece


def _joined(before: str, body: str, lexicon: Lexicon) -> str:
    """``body`` after ``before``: its first paragraph joined to the last one there if that
    stops mid-sentence and it goes on, else a paragraph of its own."""
    kept = before.rstrip()
    first = kept.rpartition("\n\n")[2]
    second = body.partition("\n\n")[0]
    if first and not _HEADING.match(first) and not _HEADING.match(second):
        verdict = halves.judge(first, second, [f"{halves.PAGE_BREAK} between the parts"])
        if verdict is not None and verdict[0] >= ev.STRONG:
            join = joiner(first, second, lexicon)
            return kept[: len(kept) - join.drop] + join.between + body
    return kept + "\n\n" + body

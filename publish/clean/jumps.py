"""Pass ``jumps``: continuation markers removed, kept as metadata and as page boundaries.

A marker (see :mod:`publish.clean.markers`) is removed where it is a line of its own (brackets,
emphasis, heading marks and a section name around it allowed), or stands set off by brackets or
emphasis at the start or end of a line (a run of them counts as one); the line's other text
stays. A marker set off in the middle of a line is only suggested, and the same words in a
sentence or a quotation stay. Every removed marker is recorded as a
:class:`~publish.model.Jump` and leaves a boundary (text after ``上接`` came from elsewhere;
text before ``下转`` goes on elsewhere), so no seam is made across it, and where the original's
page changes (see :mod:`publish.clean.pagestarts`).

The pass runs after ``unwrap`` (which never joins a line to a marker), so it sees the
paragraphs the ``seams`` pass will see. A marker between a paragraph that stops mid-sentence and
one the ``seams`` pass would take for its continuation is only suggested: removed, it would
make two articles read as one paragraph, and cleaning the output again would join them::

    (上接第一版)人民群众的获得感…           -> 人民群众的获得感…
    #### …如表5所示。（下转第191页）         -> #### …如表5所示。
    *Comet Comments continued from page 9* -> (line removed)
    ## PARTNERS Cont, from p. 1             -> ## PARTNERS
    报纸上印着“下转第二版”。               -> unchanged
"""

from __future__ import annotations

import bisect
import itertools
import re
from typing import NamedTuple

import regex

from publish.clean import evidence as ev
from publish.clean import halves, markers, normalise, seams, stitch
from publish.clean.blocks import EMPTY_HEADING, Block, kind_of, split_blocks
from publish.clean.editor import Editor
from publish.clean.lines import closed_ranges, inside, line_span, removals
from publish.clean.markers import BRACKETED, MARKER, OWN_LINE, direction_and_page
from publish.clean.pagestarts import of_jump
from publish.clean.shapes import is_float_at, is_running_text
from publish.clean.trace import Edit, Step, apply_edits

NAME = "jumps"

_LEAD = regex.compile(r"[ \t]*(?:#{1,6}[ \t]+|>[ \t]*|[-+*][ \t]+|\d{1,9}[.)][ \t]+)?")
_END_AFTER_SENTENCE = regex.compile(
    rf"(?<=[。！？.!?”\"])[ \t]*(?P<m>{MARKER.pattern})[ \t]*\.?[ \t]*$"
    rf"|(?<=\S)[ \t]+(?P<m>{MARKER.pattern})[ \t]*(?P<trail>\.{{2,3}}|…)[ \t]*$"
)  # (or in lower case after any words, an ellipsis after it: ``…(slim as they were) continued
# on page 2...``, a club newsletter's; review 227)
_END_OF_HEADING = regex.compile(rf"(?<=\S)[ \t]+(?P<m>{MARKER.pattern})[ \t]*$")
_OWN = "a continuation marker on a line of its own"
#: A heading that names its section before the marker (``## PARTNERS Cont. from p. 1``): the
#: name stays the heading (as it does before a marker in brackets), or the continued text
#: would read on as the section before it.
_NAMED_HEADING = regex.compile(r"([ \t]*#{1,6}[ \t]+[\p{L}\d][^*_()（）\[\]【】\n]*?)[ \t,]*")
_CONT = regex.compile(r"(?i)(?:[ \t]*\bcont(?:inued|'?d)?[.,]?)?[ \t]*$")
_NAMED = "a continuation marker after the name of a heading, which stays"
#: Marks right after a line's leading marker, then a space or the line's end
#: (``*Continued from page one*.``): the marker's own, gone with it.
_MARKS_AFTER = regex.compile(r"[.,;:。，；：]+(?:[ \t\u3000]+|$)")
_STARTS = "a continuation marker set off at the start of the line"
_ENDS = "a continuation marker set off at the end of the line"
_INSIDE = "a continuation marker set off inside a line of text"
_AFTER = "a continuation marker after the last sentence of the line, or ending a heading"
_MISLEADING = (
    "kept: without it the paragraph before, which stops mid-sentence, would read on into "
    "text from another page"
)
_REVEALS = "kept: without it the rest of the line would read as another kind of block"
_BOUNDARY = {"to": ev.GOES_ON, "from": ev.CAME_FROM}
_NOT_SPACE = re.compile(r"\S")
_ONLY_MARKERS = regex.compile(rf"{BRACKETED.pattern}|(?m:^{OWN_LINE.pattern[1:-1]}$)")


class Marker(NamedTuple):
    """A marker found, and the edit removing it."""

    edit: Edit
    direction: str
    page: str
    column: str
    offset: int
    printed: str


def _marker(edit: Edit, match: regex.Match[str], offset: int, printed: str) -> Marker:
    return Marker(edit, *direction_and_page(match), offset, printed)


def find(text: str) -> list[Marker]:
    """Every marker of ``text`` outside code, HTML and math, with the edit removing it."""
    matches = markers.finditer(text)
    first = next(matches, None)
    if first is None:
        return []
    closed = closed_ranges(split_blocks(text))
    own: dict[tuple[int, int], regex.Match[str]] = {}
    found: list[Marker] = []
    seen: set[int] = set()
    for match in itertools.chain([first], matches):
        start, end = line_span(text, match.start())
        if start in seen or inside(closed, start):
            continue
        seen.add(start)
        line = text[start:end]
        inner = MARKER.search(line)
        if OWN_LINE.match(line) and inner:
            before = line[: inner.start()]  # (a ``Cont.`` before ``from p. 1`` is the marker's)
            named = _NAMED_HEADING.fullmatch(before, 0, _CONT.search(before).start())
            if named is None:
                own[(start, end)] = inner
                continue
            edit = Edit(start + len(named.group(1)), end, "", ev.CERTAIN, (_NAMED,))
            printed = line[len(named.group(1)) :].strip(" \t,")
            found.append(_marker(edit, inner, start + inner.start(), printed))
            continue
        in_line = _in_line(line, start)
        if inner and in_line and _emptied(line, start, in_line):
            own[(start, end)] = inner  # (the markers are all its heading holds)
        else:
            found.extend(in_line)
    for span, (start, end) in removals(text, own):
        edit = Edit(start, end, "", ev.CERTAIN, (_OWN,))
        found.append(_marker(edit, own[span], span[0], text[span[0] : span[1]].strip()))
    return sorted(found, key=lambda m: m.offset)


def apply(text: str, edit: Editor) -> str:
    found = find(text)
    if not found:
        return text
    edits = {m.edit.start: m.edit for m in found}
    ends = sorted(m.edit.end for m in found if m.direction == "to")
    starts = sorted(m.edit.start for m in found if m.direction != "to")
    threshold = edit.review.settings.threshold
    moving = stitch.partners(text, edit, [_removed(text, m, m.edit.start) for m in found])
    judged = [
        m for m in found if not _paired(text, m, ends, starts) and m.edit.start not in moving
    ]  # (a marker whose article is put back together misleads no seam: its text moves)
    while judged:  # against the text as it will read; a marker kept may mislead another
        removed = sorted((e for e in edits.values() if e.confidence >= threshold), key=_start)
        preview = Step(removed)
        after = apply_edits(text, preview.edits)
        blocks = split_blocks(after)
        misleading = [
            m
            for m in judged
            if edits[m.edit.start].confidence >= threshold
            and _misleading(after, blocks, preview.to_output(m.edit.start))
        ]
        for marker in misleading:
            kept = edits[marker.edit.start]
            why = (*kept.evidence, _MISLEADING)
            edits[kept.start] = Edit(kept.start, kept.end, "", min(kept.confidence, ev.LIKELY), why)
        if not misleading or threshold <= ev.LIKELY:
            break
    before = text
    text = edit.apply(text, edits.values(), protect=False)
    gone = []
    for marker in found:
        if marker.edit.start in edit.done:
            jump = edit.jump(
                marker.printed, marker.offset, marker.direction, marker.page, marker.column
            )
            at = edit.trace.steps[-1].to_output(marker.offset)
            edit.pages.add(at, _BOUNDARY[marker.direction], marker.printed, of_jump(jump))
            gone.append(_removed(text, marker, at))
    if not edit.done:
        return text
    text = normalise.tidy(text, edit, before)
    step = edit.trace.steps[-1]
    moved = [j._replace(at=step.to_output(j.at)) for j in gone]
    return stitch.apply(text, edit, moved)


def _removed(text: str, marker: Marker, at: int) -> stitch.Jump:
    """The removed marker as :mod:`~publish.clean.stitch` pairs it: the name it points to, or
    the heading's it stood in (``# FPA, continued from page 1``: ``FPA``)."""
    if marker.direction == "to":
        return stitch.Jump(at, "to", marker.page, stitch.pointer(marker.printed))
    line = text[text.rfind("\n", 0, at) + 1 : at]
    name = line.lstrip("#").strip(" \t*_,") if line.startswith("#") else ""
    return stitch.Jump(at, "from", marker.page, name)


def _start(edit: Edit) -> int:
    return edit.start


def _paired(text: str, marker: Marker, ends: list[int], starts: list[int]) -> bool:
    """A "continued on" marker with a "continued from" one right after it (or the other way
    round), nothing but markers between: the same article goes on. ``ends`` are where the
    "to" markers end, ``starts`` where the others start, both sorted. (The nearest marker
    the other way is enough to look at: what stands between it and farther ones is markers.)"""
    start, end = marker.edit.start, marker.edit.end
    if marker.direction == "to":
        n = bisect.bisect_left(starts, end)
        gap = (end, starts[n] if n < len(starts) else -1)
    else:
        n = bisect.bisect_right(ends, start)
        gap = (ends[n - 1] if n else start + 1, start)
    return 0 <= gap[0] <= gap[1] and _only_markers(text[gap[0] : gap[1]])


def _only_markers(text: str) -> bool:
    """Nothing but markers and spaces in ``text``: what ``_ONLY_MARKERS.sub("", text)``
    leaves is blank. (Each marker is looked for only up to the next other character: the
    first one no marker covers ends the look, where the substitution would read on.)"""
    pos = 0
    while other := _NOT_SPACE.search(text, pos):
        for at in range(pos, other.start() + 1):  # a marker covering it starts here or before
            found = _ONLY_MARKERS.match(text, at)
            if found:
                pos = found.end()
                break
        else:
            return False
    return True


def _misleading(after: str, blocks: list[Block], at: int) -> bool:
    """In ``after`` (the text with every marker gone), the ``seams`` pass would join the
    paragraphs on either side of ``at``, where a marker stood."""
    i = bisect.bisect_left(blocks, at, key=lambda b: b.start)  # blocks[i - 1] starts before
    j = bisect.bisect_right(blocks, at, key=lambda b: b.end)  # blocks[j] ends after
    if i == 0 or j == len(blocks):
        return False
    k, m = i - 1, j
    if blocks[k] is blocks[m] and not is_float_at(blocks, k):  # inside a paragraph: either side
        whole = blocks[k]
        first = Block(whole.start, at, whole.kind, after[whole.start : at].rstrip())
        second = Block(at, whole.end, whole.kind, after[at : whole.end].lstrip())
    else:  # seams look past floats (one the marker stood in, too), and count them as evidence
        if blocks[k] is blocks[m]:
            k, m = k - 1, m + 1
            if k < 0 or m == len(blocks):
                return False
        while k > 0 and is_float_at(blocks, k):
            k -= 1
        while m < len(blocks) - 1 and is_float_at(blocks, m):
            m += 1
        first, second = blocks[k], blocks[m]
    if not (first.text and second.text and is_running_text(first) and is_running_text(second)):
        return False
    between = [seams.FLOAT_BETWEEN] if k < i - 1 or m > j else []
    return halves.judge(first.text.rstrip(), second.text, between) is not None  # (as tidied)


def _in_line(line: str, start: int) -> list[Marker]:
    """Markers set off at the start or end of a line of text (a run of them counts as one),
    or after its last sentence."""
    found: list[Marker] = []
    matches = list(BRACKETED.finditer(line))
    text_start = first = 0  # the markers from the start of the line's text, one after another
    while True:
        lead = _LEAD.match(line, text_start)
        text_start = lead.end() if lead else text_start
        if first < len(matches) and not line[text_start : matches[first].start()].strip():
            text_start = matches[first].end()
            first += 1
        else:
            break
    last = len(matches)  # the markers up to its end
    text_end = len(line.rstrip())
    while last > first and not line[matches[last - 1].end() : text_end].strip():
        text_end = matches[last - 1].start()
        last -= 1
    reveals = first > 0 and kind_of(_without_leading(line, matches[:first])) != kind_of(line)
    for n, match in enumerate(matches):
        marker = MARKER.search(match.group(0))
        assert marker is not None
        at = start + match.start()
        if _REFERS.match(marker.group(0)) and BRACKETED.sub("", line).strip(" \t*_#>-"):
            continue  # (beside text on its line: a reference in it, no jump line)
        if n < first:
            marks = _MARKS_AFTER.match(line, match.end()) if n == first - 1 else None
            after = marks.end() if marks else match.end()  # (left, a line would open on ``.``)
            stop = len(line) - len(line[after:].lstrip(" \t\u3000"))
            if marks and n + 1 < len(matches) and matches[n + 1].start() == stop:
                stop = len(line) - len(line[match.end() :].lstrip(" \t\u3000"))  # (another
                # marker after them, taking out the spaces before it: the marks stay between)
            if reveals:  # the rest would become a heading, a list…
                edit = Edit(at, start + stop, "", ev.LIKELY, (_STARTS, _REVEALS))
            else:
                edit = Edit(at, start + stop, "", ev.CERTAIN, (_STARTS,))
        elif n >= last:
            begin = len(line[: match.start()].rstrip(" \t\u3000"))
            stop = match.end()
            if n == len(matches) - 1 and len(line) - stop < 2:
                stop = len(line)  # spaces after the marker go too, unless a hard break
            edit = Edit(start + begin, start + stop, "", ev.CERTAIN, (_ENDS,))
        else:
            edit = Edit(at, start + match.end(), "", ev.LIKELY, (_INSIDE,))
        found.append(_marker(edit, marker, at, match.group(0)))
    if first == last:  # no marker inside: a plain one may end the text, before those at its end
        body = line[: matches[last].start()].rstrip() if last < len(matches) else line
        heading = line.lstrip().startswith("#")
        tail = (_END_OF_HEADING if heading else _END_AFTER_SENTENCE).search(body, text_start)
        trail = tail and tail.groupdict().get("trail")  # (``_END_OF_HEADING`` has none)
        if tail and (tail.group("zdir") or trail or tail.group("m")[:1].isupper()):
            marker = MARKER.search(tail.group("m"))
            assert marker is not None
            edit = Edit(start + tail.start(), start + len(body), "", ev.STRONG, (_AFTER,))
            found.append(_marker(edit, marker, start + tail.start("m"), tail.group("m")))
    return sorted(found, key=lambda m: m.offset)


#: ``see page 4`` naming no section: a sentence's reference to another page (``Mendon has
#: been updated (see page 4)``, ``…system (see next page) with…``: review 239, two
#: newsletters), no jump line, where text stands beside it on its line.
_REFERS = regex.compile(r"(?i)see\s+(?:the\s+)?(?:page|p\.|next|previous|following|preceding)")


def _emptied(line: str, start: int, found: list[Marker]) -> bool:
    """Taking out the markers sure to go leaves an empty heading (``## (上接第一版)#``, or
    ``(上接第一版)#(上接第一版)``: the ``#`` a heading once markers are out; ``## ## Continued
    on Page A6``, one ending a heading), or a marker alone on its line, which no bracket sets
    apart (``*continued from page one*Continued on Page A6``)."""
    kept, last = [], 0
    for marker in found:
        if marker.edit.confidence >= ev.STRONG:
            kept.append(line[last : marker.edit.start - start])
            last = marker.edit.end - start
    rest = "".join(kept) + line[last:]
    if EMPTY_HEADING.match(rest) is not None:
        return True
    rest = rest.lstrip(" \t\u3000")
    return rest != line and OWN_LINE.match(rest) is not None and MARKER.search(rest) is not None


def _without_leading(line: str, leading: list[regex.Match[str]]) -> str:
    """``line`` with the run of markers at its start taken out, and the spaces after each."""
    parts, last = [], 0
    for match in leading:
        parts.append(line[last : match.start()])
        last = len(line) - len(line[match.end() :].lstrip(" \t\u3000"))
    return "".join(parts) + line[last:]

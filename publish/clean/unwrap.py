"""Pass ``unwrap``: hard-wrapped lines rejoined, one line per paragraph.

Each line break inside a paragraph or a list item is judged on its own, against the *measure*
of its block: the width of the block's full lines (when it has three or more lines before its
last), else of the document's (see :func:`wrap_width`), so a narrow column and a wide one are
each judged by their own. A break is joined (:mod:`publish.clean.joining`) when

- the line ends in a hyphenated word and the next starts in lower case, or the next starts with
  a mark that continues a sentence (``，。）``): strong;
- the line is full (within a fifth of the measure of its end): strong;
- the line does not end a sentence and the next line continues it (lower case, a clause mark
  before, Chinese on both sides): strong.

A new paragraph starts (a blank line) where a continuation marker was removed between the
lines, before a line indented with U+3000 or with spaces the others lack, before and after a
Chinese heading-number line, and after a line clearly short of the measure that ends a
sentence when the next starts a new one. Anything else is left as it is: a block of short
lines that never continue one another (an address, a byline, a signature, calendar entries) is
a record, and keeps its lines. Breaks between Latin words are joined only in a document that
shows the marks of OCR or conversion (page furniture, hyphenated line ends, jump lines): an
author's own line breaks in clean Markdown render as spaces, and stay::

    …全面贯彻落实党的二十和二⏎十届二中全会精神 -> …全面贯彻落实党的二十和二十届二中全会精神
    the gov-⏎ernment said                     -> the government said
"""

from __future__ import annotations

import bisect
import itertools
import re
from typing import NamedTuple

from publish.cjk import CLAUSE, is_cjk, is_cjk_letter, width
from publish.clean import evidence as ev
from publish.clean import normalise
from publish.clean.blocks import INTERRUPTS, Block, split_blocks
from publish.clean.editor import Editor
from publish.clean.joining import joiner, spaced_run
from publish.clean.markers import BRACKETED, MARKER, OWN_LINE, might_hold, without_markers
from publish.clean.numbering import is_bare_number, is_heading_line
from publish.clean.protect import Protected
from publish.clean.shapes import (
    chinese_prose,
    ends_sentence,
    ends_with_marker,
    is_float,
    is_reference,
    last_mark,
    size,
    starts_cjk,
    starts_continuing,
    starts_lowercase,
)
from publish.clean.trace import Edit
from publish.clean.words import Lexicon

NAME = "unwrap"
MIN_MEASURE = 24  # columns: a narrower "measure" is too few letters to tell a wrap by
_HEADING = "a heading-number line"
_CONVERTED = ',;:?!.()"*_“”‘’'
_HYPHEN_BREAK = re.compile(r"[A-Za-z0-9]-\n[A-Za-z0-9]")
_DEFINITION = re.compile(r"^ {0,3}[:~][ \t]")  # a definition list's definition
_ITEM = re.compile(r"^[ \t]*(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)")
_OWN = "measured on this block"


def _full_lines(lines: list[str], width_of: dict[str, int]) -> int | None:
    """The measure of hard-wrapped ``lines`` (each but the last of its paragraph): the widest,
    when three and 30 % of them (or half) reach within 15 % of it and most of those stop
    mid-sentence
    (a wrap, not a paragraph that ended at the edge). None when the lines are not wrapped."""
    if len(lines) < 2:
        return None
    top = max(width_of[line] for line in lines)
    full = [line for line in lines if width_of[line] >= 0.85 * top]
    open_ends = sum(1 for line in full if not ends_sentence(line))
    enough = len(full) >= 3 and len(full) >= 0.3 * len(lines)
    if top >= MIN_MEASURE and enough and open_ends >= 0.5 * len(full):
        return top
    return None


def wrap_width(blocks: list[Block]) -> int | None:
    """The measure of the document's wrapped lines: the width w that the most distinct
    non-final lines reach within 15 % (at least five lines and 30 % of them, most stopping
    mid-sentence)."""
    lines = sorted(
        {
            line
            for block in blocks
            if block.kind == "paragraph" and "\n" in block.text
            for line in block.text.split("\n")[:-1]
        }
    )
    widths = sorted(width(line) for line in lines)
    best, best_count = None, 0
    for candidate in sorted(set(widths), reverse=True):
        if candidate < MIN_MEASURE:
            break
        count = bisect.bisect_right(widths, candidate) - bisect.bisect_left(
            widths, 0.85 * candidate
        )
        if count > best_count:
            best, best_count = candidate, count
    if best is None or best_count < 5 or best_count < 0.3 * len(widths):
        return None
    full = [line for line in lines if 0.85 * best <= width(line) <= best]
    return best if sum(1 for line in full if not ends_sentence(line)) >= 0.5 * len(full) else None


def _measure(lines: list[str], document: int | None) -> tuple[int | None, str]:
    own = lines[:-1]
    found = _full_lines(own, {line: width(line) for line in own}) if len(own) >= 3 else None
    if found:
        return found, _OWN
    return document, "measured on the document"


def _goes_on(cur: str, nxt: str) -> bool:
    """``nxt`` plainly carries on what ``cur`` left open: lower case, a clause mark."""
    return starts_lowercase(nxt) or last_mark(cur) in CLAUSE or starts_continuing(nxt)


def _continues(cur: str, nxt: str, so_far: str) -> bool:
    """``nxt`` carries on the sentence ``cur`` left open: plainly, or Chinese prose (the
    paragraph so far has clause marks) that stops on a letter."""
    if _goes_on(so_far, nxt) or _unclosed(so_far):
        return True
    if ends_sentence(cur) or not is_cjk_letter(cur[-1:]):
        return False
    return (starts_cjk(nxt) or nxt[:1].isalnum()) and chinese_prose(so_far)


def _unclosed(text: str) -> bool:
    """A bracket or quotation opened and not closed: the text goes on."""
    opened = text.count("（") + text.count("(")  # either width: ``punctuation`` evens them
    if opened and opened > text.count("）") + text.count(")"):
        return True
    return any(text.count(a) > text.count(b) for a, b in ("《》", "“”", "「」", "【】"))


def _record(lines: list[str]) -> bool:
    """Short lines that never carry one another on: a record, not wrapped prose."""
    return all(size(line) <= 50 for line in lines) and not any(
        _continues(cur, nxt, cur) or cur.endswith("-") or spaced_run(cur, nxt)
        for cur, nxt in itertools.pairwise(lines)
    )


def _decide(
    cur: str, nxt: str, measure: int | None, how: str, so_far: str
) -> tuple[str, float, str]:
    """("join" | "split" | "", confidence, why) for the break between ``cur`` and ``nxt``;
    ``so_far`` is the paragraph up to the break."""
    body = nxt.lstrip(" \t\u3000")
    if (cur.endswith(("-", "—", "–")) and body[:1].isalnum()) or starts_continuing(body):
        return "join", ev.STRONG, "the next line continues the word or sentence"
    if nxt.startswith(("\u3000", "  ")) and ends_sentence(cur):
        return "split", ev.STRONG, "the next line is indented as a new paragraph"
    if is_bare_number(so_far):
        return "join", ev.STRONG, "a heading number alone, its text on the next line"
    if is_heading_line(so_far):
        return "split", ev.STRONG, _HEADING
    if spaced_run(cur, body):
        return "join", ev.STRONG, "characters spaced out by OCR go on across the line"
    if _goes_on(so_far, body) or _unclosed(so_far):
        return "join", ev.STRONG, "the line does not end a sentence and the next carries it on"
    if not measure:
        if _continues(cur, body, so_far):
            return "join", ev.STRONG, "Chinese prose that stops mid-sentence, the next line goes on"
        return "", 0.0, ""
    if width(cur) >= measure - max(4, measure // 5) and not _title(cur, body):
        return "join", ev.STRONG, f"a full line of the measure ({measure} columns, {how})"
    if how == _OWN and width(cur) < 0.75 * measure and not starts_lowercase(body):
        return "split", ev.STRONG, f"a line well short of the measure ({measure} columns, {how})"
    return "", 0.0, ""


def _marked(cur: str, nxt: str) -> bool:
    """A jump line, or a continuation marker at the edge of the break: the text on the other
    side may come from another page (the ``jumps`` pass decides)."""
    if not (might_hold(cur) or might_hold(nxt)):
        return False
    return bool(
        OWN_LINE.match(cur)
        or OWN_LINE.match(nxt)
        or ends_with_marker(cur)
        or BRACKETED.match(nxt.lstrip())
    )


def _title(cur: str, nxt: str) -> bool:
    """An all-capitals line before a capitalised one: a title over its text."""
    return cur.isupper() and cur.isascii() and nxt[:1].isupper()


class _Break(NamedTuple):
    newline: int
    end: int  # after the next line's indent
    verdict: str
    confidence: float
    why: str


def _by_width(item: _Break) -> bool:
    """A join for no other reason than a full line: a wrap, but only where text was wrapped."""
    return item.why.startswith("a full line")


def _latin(cur: str, nxt: str) -> bool:
    """A break with no CJK character right on either side (Markdown renders it as a space,
    which is right there)."""
    left = cur.rstrip().rstrip(_CONVERTED)[-1:]  # (marks ``punctuation`` may make CJK)
    right = nxt.lstrip(" \t\u3000").lstrip(_CONVERTED)[:1]
    return not (is_cjk(left) or is_cjk(right))


def damaged(text: str, edit: Editor) -> bool:
    """The document shows the marks of OCR or conversion: page furniture was removed, or a
    word is hyphenated at a line end, or a continuation marker stands in it."""
    return (
        bool(edit.pages.boundaries) or bool(_HYPHEN_BREAK.search(text)) or bool(MARKER.search(text))
    )


def _verdicts(
    block: Block, lines: list[str], measure: int | None, how: str, before: list[_Break] | None
) -> list[_Break]:
    """A verdict for every break of ``block``; with the verdicts of a first round
    (``before``), the line after a break is read with the lines it will be joined to."""
    found: list[_Break] = []
    pos = paragraph = block.start
    for n, (cur, nxt) in enumerate(itertools.pairwise(lines)):
        newline = pos + len(cur)
        pos = newline + 1
        end = pos + len(nxt) - len(nxt.lstrip(" \t\u3000"))
        if (
            cur.endswith(("  ", "\\"))
            or INTERRUPTS.match(nxt)
            or _DEFINITION.match(nxt)
            or (block.kind == "list" and _ITEM.match(nxt))
        ):
            found.append(_Break(newline, end, "keep", 0.0, ""))
        elif _marked(cur, nxt):
            why = "a continuation marker ends the line or starts the next"
            found.append(_Break(newline, end, "split", ev.STRONG, why))
        else:
            so_far = block.text[paragraph - block.start : newline - block.start]
            so_far = without_markers(so_far.replace("\n", ""))  # as it will read, joined
            after = (
                nxt[: len(nxt) - len(nxt.lstrip(" \t\u3000"))] + _after(block, before, n)
                if before
                else nxt
            )
            found.append(_Break(newline, end, *_decide(cur, after, measure, how, so_far)))
        if found[-1].verdict != "join":
            paragraph = pos
    return found


def _breaks(
    block: Block, document: int | None, edit: Editor, lexicon: Lexicon, damaged: bool
) -> list[Edit]:
    lines = block.text.split("\n")
    record = _record(lines)
    measure, how = _measure(lines, document)
    found = _verdicts(block, lines, measure, how, None)
    for _ in range(2):  # judge again, each break against the text after it as it will read
        again = _verdicts(block, lines, measure, how, found)
        if again == found:
            break
        found = again
    edits: list[Edit] = []
    for n, item in enumerate(found):
        cur, nxt = lines[n], block.text[item.end - block.start :].split("\n", 1)[0]
        if item.verdict == "join" and not damaged and _latin(cur, _after(block, found, n)):
            continue  # an author's own line breaks: Markdown renders them as spaces
        weak_join = item.verdict == "join" and _by_width(item)
        if weak_join and _heading_after(block, found, n):
            edits.append(Edit(item.newline, item.end, "\n\n", ev.STRONG, (_HEADING,)))
        elif item.verdict == "join" and not record:
            join = joiner(cur, nxt, lexicon)
            whys = (item.why, join.why) if join.why else (item.why,)
            level = min(item.confidence, join.confidence)
            edits.append(Edit(item.newline - join.drop, item.end, join.between, level, whys))
        elif item.verdict in ("split", "") and _heading_after(block, found, n):
            edits.append(Edit(item.newline, item.end, "\n\n", ev.STRONG, (_HEADING,)))
        elif item.verdict == "split" and not (record and "measure" in item.why):
            edits.append(Edit(item.newline, item.end, "\n\n", item.confidence, (item.why,)))
    return edits


def _after(block: Block, found: list[_Break], n: int) -> str:
    """The lines after break ``n``, up to the next break not joined, as they will read."""
    stop = next((b.newline for b in found[n + 1 :] if b.verdict != "join"), block.end)
    return block.text[found[n].end - block.start : stop - block.start].replace("\n", "")


def _heading_after(block: Block, found: list[_Break], n: int) -> bool:
    """The lines after break ``n`` read as a heading-number line once joined."""
    return is_heading_line(_after(block, found, n))


def apply(text: str, edit: Editor) -> str:
    blocks = split_blocks(text)
    document = wrap_width(blocks)
    lexicon = Lexicon(text)
    protected = Protected.of(text)
    broken = damaged(text, edit)
    edits = [
        e
        for block in blocks
        if block.kind in ("paragraph", "list")
        and "\n" in block.text
        and not is_float(block)
        and not is_reference(block.text)
        and not protected.covers(block.start, block.end)
        for e in _breaks(block, document, edit, lexicon, broken)
    ]
    text = edit.apply(text, edits)
    return normalise.tidy_ends(text, edit) if edit.done else text

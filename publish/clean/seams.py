"""Pass ``seams``: a paragraph cut by a page or column break is joined to its other half.

Only running text is joined (:func:`~publish.clean.shapes.is_running_text`): never a heading,
list, table, quote, code, image, caption, reference entry or a paragraph that is only bold.
Floats (images, tables, captions) and HTML comments between the halves move after the joined
paragraph. Nothing is joined across a removed continuation marker: text after ``上接`` came
from elsewhere. A seam needs evidence on both sides; how sure it is:

- the second half starts with a mark that continues a sentence (``，。）``): strong;
- the first does not end a sentence and the second carries it on, with a page break or a float
  between them, or the first ending in a clause mark or a hyphen, or the second in lower case,
  or Chinese on both sides of the cut: strong;
- the same with a capital letter after the cut: likely (a suggestion);
- a number alone with its mark (``1、`` ``(2)``) before a paragraph, with no page break between
  them: likely (it may number an item of several paragraphs, as a weekly numbers quotations).

A short line (a title, byline, name, date, ``Staff Writer``) is a record and is joined only to
a second half that starts with a continuing mark or in lower case; a letter's salutation
(``Sir,``) is not joined to a paragraph after it that starts otherwise, unless a page break
is between them. Nor is a seam suggested after a line in title case (a heading that lost its
marks, a byline's title), after the document's title as it prints it under its heading, or
between two dated entries (``1996年7月26日 …通过`` ⏎⏎ ``1996年8月11日 …批准``); a sentence
ends before its note's number (``the grant. [22]``). A paragraph all in bold is
joined only to a next one all in bold that goes on in lower case (a sidebar's question cut in
two), and a title cut into paragraphs under a heading of the same words is joined
(:mod:`~publish.clean.titles`)::

    …全面贯彻落实党的二十和二十⏎⏎届二中全会精神,深入… -> …二十和二十届二中全会精神,深入…
    That day I saw more⏎⏎![](p8.jpg)⏎⏎deer than I…  -> That day I saw more deer than I…⏎⏎![](p8.jpg)
"""

from __future__ import annotations

import regex

from publish.cjk import CLAUSE, TERMINAL, has_cjk_letter
from publish.clean import evidence as ev
from publish.clean import rounds, titles
from publish.clean.blocks import Block, split_blocks
from publish.clean.editor import Editor
from publish.clean.joining import joiner
from publish.clean.markers import MARKER, OWN_LINE
from publish.clean.protect import Protected
from publish.clean.shapes import (
    DATED,
    MARKED,
    chinese_prose,
    ends_sentence,
    ends_with_marker,
    is_float,
    is_running_text,
    last_mark,
    only_bold,
    short_line,
    starts_cjk,
    starts_continuing,
    starts_lowercase,
    starts_new_unit,
)
from publish.clean.trace import Edit
from publish.clean.words import Lexicon

NAME = "seams"
FLOAT_BETWEEN = "a float stands between the parts"
_COMMENT_BETWEEN = "an HTML comment (nothing a reader sees) stands between the parts"
#: A block that is one HTML comment: invisible, it moves after the joined paragraph as a float
#: does (``<!-- page-anchor: LYG-S-0065 -->``).
_COMMENT = regex.compile(r"^[ \t]*<!--(?:(?!-->).)*-->[ \t]*$", regex.DOTALL)
_CLAUSES = regex.compile(r"[，,、；;]")
_WORD = regex.compile(r"[\p{L}\p{N}]")
#: A citation (``[2]``, ``[5,10]``) or math ends the text, maybe with what OCR made of the 。
#: after it (``O``, ``□``): a sentence's end as often as a cut.
_LOST_STOP = regex.compile(r"(?:\[[\d,，\-–]+\]|\$)[ \t]*[O□]?$")


def judge(first: str, second: str, between: list[str]) -> tuple[float, tuple[str, ...]] | None:
    """How sure it is that ``second`` continues ``first``, and why; None if it does not.
    ``between`` names what stands between them (page breaks, floats)."""
    if "\n" in first or "\n" in second:  # lines ``unwrap`` kept apart: a record, verse
        return None
    if not (_WORD.search(first) and _WORD.search(second)):
        return None  # no words on a side (``--``, ``* * *``): a form's blank, a break, no half
    if ends_with_marker(first) or MARKED.match(second) or OWN_LINE.match(first):
        return None  # a jump line left in place
    if OWN_LINE.match(second):
        return None
    if starts_continuing(second):
        return ev.STRONG, ("the second part starts with a mark that continues a sentence",)
    if ends_sentence(first) or starts_new_unit(second):
        return None
    if not between and _salutation(first) and not starts_lowercase(second):
        return None  # (a letter's salutation before its first paragraph)
    if not between and _NUMBER_ALONE.match(first.strip()):
        why = "the first part is a number alone: its item's text may stand apart from it"
        return ev.LIKELY, ("the first part stops mid-sentence", why)
    cut = first.endswith("-") or last_mark(first) in CLAUSE
    lower = starts_lowercase(second)
    chinese = starts_cjk(second) and has_cjk_letter(first[-40:]) and chinese_prose(first)
    went_on = (*between, "the first part stops mid-sentence")
    if _record(first) or _record(second):  # a title, byline, name or date: unless plainly cut
        if (cut or between) and (lower or chinese):
            return ev.STRONG, (*went_on, "the second part carries it on")
        return None
    if lower:
        return ev.STRONG, (*went_on, "the second part goes on in lower case")
    if chinese and _LOST_STOP.search(first):
        why = "the first part ends in a citation or math, where OCR may have lost a 。"
        return ev.LIKELY, (*went_on, "the second part goes on in Chinese", why)
    if chinese:
        return ev.STRONG, (*went_on, "the second part goes on in Chinese")
    if between or (cut and not second[:1].isupper()):
        return ev.STRONG, went_on
    if titles.in_title_case(first) or (DATED.match(first) and DATED.match(second)):
        return None  # a heading that lost its marks, a byline; dated entries of a record
    return ev.LIKELY, (*went_on, f"the second part starts with {_start(second)}")


#: A number alone with its mark (``1、`` ``一、`` ``(2)`` ``3.``), a paragraph of its own: it
#: may number an item that runs over several paragraphs (a weekly's numbered quotations).
_NUMBER_ALONE = regex.compile(
    r"^[*_]*(?:[(（]\s*(?:\d{1,3}|[一二三四五六七八九十]{1,3})\s*[)）]"
    r"|(?:\d{1,3}|[一二三四五六七八九十]{1,3})[、.．)）])[*_]*$"
)


def _start(text: str) -> str:
    """What ``text`` starts with, as the evidence of a likely seam names it."""
    first = text[:1]
    return "a capital" if first.isupper() else "a digit" if first.isdigit() else f"'{first}'"


_KEEP = 500  # characters kept at each end of a long part as it will read (all judge looks at)


def _record(text: str) -> bool:
    """A title, byline, name or date: short, no clause marks, no sentence end."""
    return short_line(text) and not ends_sentence(text) and _CLAUSES.search(text) is None


def _salutation(text: str) -> bool:
    """A letter's salutation (``Sir,`` ``My dear Clarke,``): short, in Latin letters, its one
    clause mark the comma ending it (a Chinese lead-in ending in ``，`` goes on)."""
    body = text.rstrip()
    return body.endswith(",") and not has_cjk_letter(body) and _record(body[:-1])


def _partner(blocks: list[Block], i: int, edit: Editor) -> tuple[int, list[str]] | None:
    """The next running-text block after ``blocks[i]`` past floats, and what is between."""
    between: list[str] = []
    j = i + 1
    while j < len(blocks) and (is_float(blocks[j]) or _COMMENT.match(blocks[j].text)):
        if MARKER.search(blocks[j].text):  # a continuation marker kept beside a float
            return None
        between.append(FLOAT_BETWEEN if is_float(blocks[j]) else _COMMENT_BETWEEN)
        j += 1
    if j >= len(blocks) or not is_running_text(blocks[j]):
        return None
    pages = _page_breaks(edit, blocks[i].end, blocks[j].start)
    return None if pages is None else (j, list(dict.fromkeys(between + pages)))


def _page_breaks(edit: Editor, start: int, end: int) -> list[str] | None:
    """The page breaks between ``start`` and ``end``, as evidence; None when text from
    elsewhere may stand after them (a jump line other than a "continued on" and its "from")."""
    boundaries = edit.pages.between(start, end)
    foreign = sorted(b.kind for b in boundaries if b.kind != ev.PAGE)
    if foreign and foreign != sorted([ev.GOES_ON, ev.CAME_FROM]):  # "continued on", "from"
        return None
    return [f"a page break between the parts ({b.why})" for b in boundaries]


def _links(
    text: str, blocks: list[Block], edit: Editor, only: list[tuple[int, int]] | None
) -> list[tuple[int, int, Edit]]:
    """Every seam (after a block next to one of the ranges ``only``, when given): (first
    block, second block, the edit joining them in place)."""
    lexicon = Lexicon(text)
    protected = Protected.of(text)
    links = []
    reading: dict[int, str] = {}  # a block after a seam, with the parts before it joined on
    names = titles.headings(blocks) if only is None else frozenset()  # (all in the first round)
    title = {k for i, last in titles.runs(blocks, names).items() for k in range(i, last)}
    for i, first in enumerate(blocks):
        if only is not None and i not in reading:
            end = blocks[i + 1].end if i + 1 < len(blocks) else first.end
            if not rounds.touches(only, first.start, end):
                continue
        if i in title and not edit.pages.between(first.end, blocks[i + 1].start):
            links.append((i, i + 1, _title_seam(first, blocks[i + 1], lexicon)))
            continue
        before = reading.pop(i, first.text)
        last = before[-1:]
        ended = first.kind != "paragraph" or (last in TERMINAL and last not in "*_)]")
        if ended and (i + 1 == len(blocks) or not starts_continuing(blocks[i + 1].text)):
            continue  # (a quick look first: most paragraphs end a sentence)
        if is_running_text(first):
            found = _partner(blocks, i, edit)
            verdict = found and judge(before, blocks[found[0]].text, found[1])
        else:
            found, verdict = _bold_parts(blocks, i, before, edit)
        if found and protected.covers(first.start, blocks[found[0]].end):
            continue
        if verdict and verdict[0] < ev.STRONG and titles.heading_words(before, names):
            continue  # the document's title, as it prints it under its heading
        if not (found and verdict):
            continue
        second = blocks[found[0]]
        join = joiner(first.text, second.text, lexicon)
        joined = before[: len(before) - join.drop] + join.between + second.text
        reading[found[0]] = joined if len(joined) < 4 * _KEEP else joined[:_KEEP] + joined[-_KEEP:]
        whys = (*verdict[1], join.why) if join.why else verdict[1]
        confidence = min(verdict[0], join.confidence)
        seam = Edit(first.end - join.drop, second.start, join.between, confidence, whys)
        links.append((i, found[0], seam))
    return links


_BOLD_PARTS = "two bold parts of one sentence: the first stops mid-sentence, the next goes on"


def _bold_parts(
    blocks: list[Block], i: int, before: str, edit: Editor
) -> tuple[tuple[int, list[str]] | None, tuple[float, tuple[str, ...]] | None]:
    """A question or title set in bold and cut into bold paragraphs (a report's sidebar,
    ``**How did HHS** **oversee grant**`` ⏎⏎ ``**programs** …``): the next block is bold too
    and goes on in lower case, and this one does not end a sentence."""
    if i + 1 == len(blocks) or not (only_bold(before) and only_bold(blocks[i + 1].text)):
        return None, None
    second = blocks[i + 1]
    if second.kind != "paragraph" or ends_sentence(before) or not starts_lowercase(second.text):
        return None, None
    pages = _page_breaks(edit, blocks[i].end, second.start)
    return (None, None) if pages is None else ((i + 1, pages), (ev.STRONG, (*pages, _BOLD_PARTS)))


def _title_seam(first: Block, second: Block, lexicon: Lexicon) -> Edit:
    """The seam between two parts of a title cut into paragraphs (:mod:`~publish.clean.titles`)."""
    join = joiner(first.text, second.text, lexicon)
    return Edit(first.end - join.drop, second.start, join.between, ev.STRONG, (titles.WHY,))


def apply(text: str, edit: Editor) -> str:
    """Join, then judge again the seams next to joined paragraphs, as cleaning the result
    again would: a part with its other half joined on may now read as running text (at most
    three rounds)."""
    return rounds.in_rounds(text, edit, _round)[0]


def _round(
    text: str, edit: Editor, only: rounds.Ranges | None, suggested: set[int]
) -> rounds.Result:
    """One round: the text, the ranges its joins changed, and where it suggested joins."""
    blocks = split_blocks(text)
    links = _links(text, blocks, edit, only)
    edits: list[Edit] = []
    k = 0
    while k < len(links):
        chain = [links[k]]
        while k + 1 < len(links) and links[k + 1][0] == chain[-1][1]:
            k += 1
            chain.append(links[k])
        k += 1
        if all(second == first + 1 for first, second, _ in chain):
            edits.extend(seam for *_, seam in chain)
            continue
        # floats between: the parts come together, the floats follow them in their order
        joined, floats = [], []
        for n, (first, second, seam) in enumerate(chain):
            part = blocks[second].text
            if n + 1 < len(chain):  # the next seam may drop a hyphen from this part's end
                part = part[: len(part) - (blocks[second].end - chain[n + 1][2].start)]
            joined.append(seam.new + part)
            if second > first + 1:
                floats.append(text[blocks[first + 1].start : blocks[second - 1].end])
        start = chain[0][2].start
        new = "".join(joined) + "\n\n" + "\n\n".join(floats)
        confidence = min(seam.confidence for *_, seam in chain)
        whys = tuple(dict.fromkeys(why for *_, seam in chain for why in seam.evidence))
        end = blocks[chain[-1][1]].end
        edits.append(Edit(start, end, new, confidence, whys, moves=True))
    return rounds.apply(text, edit, edits, suggested)

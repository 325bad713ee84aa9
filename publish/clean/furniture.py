"""Pass ``furniture``: page markers, running heads and feet, and folios removed and recorded.

Each removed line is a :class:`~publish.model.Furniture` record and a page boundary for the
passes that join text across pages; a numbered page marker of the first three forms below
also says that page starts there (:mod:`publish.clean.pagestarts`). What counts:

- page markers, certain: ``=== PAGE 4 ===`` ``--- Page 4 ---`` ``[Page 3]`` ``<!-- 第 5 页 -->``
  ``## p. 168 (#180) ####`` (HathiTrust's full text)
  ``Page 3 of 12`` ``第 3 页 共 12 页`` ``第1頁，共計8頁`` ``[pagebreak.16]``, a form feed (alone
  on its line, or starting one, as pdftotext starts each page: the form feed only; one among
  a font's control characters, on its line or the next to it, is removed with no page there);
- folios, certain: ``-4-`` ``— 4 —`` ``· 4 ·``, and ``Page 4`` alone on a line (only suggested
  in a text with no other mark of conversion: a clean record's ``Page 1`` labels what follows);
  a bare number alone on a line when bare numbers recur page after page, rising;
- the rules right above and below a page marker or folio (``====`` ⏎ ``PAGE 3`` ⏎ ``====``):
  certain, with it;
- running heads and feet: a short line that recurs, apart, three times or more, or twice with a
  page number that changes (``舰船电子工程 2023 年第1 期 191``, ``NAME Page 3 November 1999``).
  A line recurring twice alike is only suggested, unless furniture stands next to both;
- a thematic break (``---``) between the two halves of a sentence: a page break a converter
  drew, strong.
"""

from __future__ import annotations

import regex

from publish.clean import evidence as ev
from publish.clean import gutter, normalise, romanfolios
from publish.clean.blocks import kind_of, split_blocks
from publish.clean.editor import Editor
from publish.clean.glyphs import CONTROLS
from publish.clean.lines import Span, closed_ranges, inside, merged, removals
from publish.clean.markers import normalise_page
from publish.clean.numbering import rank
from publish.clean.pagelines import PAGE_MARKER, PROOFED, PROOFED_HYPHEN, converted
from publish.clean.protect import display_math, fenced_blocks
from publish.clean.running import Found, repeated_lines
from publish.clean.trace import Edit
from publish.model import Furniture, PageStart

NAME = "furniture"

_FOLIO = regex.compile(
    r"^[ \t]*(?:[-–—－·•][ \t]*\d{1,4}[ \t]*[-–—－·•]|(?:page|p\.)[ \t]*\d{1,4}\.?)[ \t]*$",
    regex.IGNORECASE,
)
_WORDED = regex.compile(r"^[ \t]*(?:page|p\.)", regex.IGNORECASE)  # ``Page 4``, not ``-4-``
_LINE = regex.compile(r"[^\n]+")
_LEADING_FEED = regex.compile(r"^\f+(?=[^\f\n])", regex.MULTILINE)
_FEED = "a form feed starting a line: a page break"
_GARBLED_FEED = "a form feed among a font's control characters: no page's end"
_GARBLE = regex.compile(f"[{CONTROLS}\x7f-\x9f]")  # (a control character but \t \n \r \f)
_FRAME = regex.compile(r"^[ \t]*([=*_~#-])\1{2,}[ \t]*$")  # a rule of one mark
#: What a page marker or folio starts with, after spaces (a quick look before the patterns).
_FIRST = frozenset("=~#*_-[<{pP第\\\f–—－·•")
_RULED = "=~#*_- \t"  # (a rule's marks: a page marker may stand after a long one)


def _markers(text: str, closed: list[tuple[int, int]]) -> Found:
    """Page markers and folios: {line span: (kind, evidence, confidence)}. ``Page 4`` alone is
    certain in a text with other marks of conversion (:func:`~publish.clean.pagelines.converted`,
    a folio ``-4-``) or framed by rules; else it may be a label of its own (a clean record's
    ``Page 1`` over what that page holds) and is only suggested."""
    found: Found = {}
    worded: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        head = line.group(0).lstrip(" \t")
        if head[:1] not in _FIRST or (len(head.strip(_RULED)) > 40 and PROOFED not in head[:10]):
            continue
        if inside(closed, line.start()):
            continue
        if PAGE_MARKER.match(line.group(0)):
            found[line.span()] = ("page marker", "a page marker line", ev.CERTAIN)
        elif _FOLIO.match(line.group(0)) and not _cited(text, line.start(), line.group(0)):
            found[line.span()] = ("folio", "a page number alone on a line", ev.CERTAIN)
        else:
            continue
        frame = _framing(text, *line.span())
        for rule in frame:
            found[rule] = ("page marker", "a rule framing a page marker", ev.CERTAIN)
        if not frame and _WORDED.match(line.group(0)):
            worded.append(line.span())
    pages = sorted(span for span, (kind, _, _) in found.items() if kind == "page marker")
    for span in romanfolios.folios(text, pages):
        if not inside(closed, span[0]):
            found.setdefault(span, ("folio", romanfolios.WHY, ev.CERTAIN))
    if worded and len(worded) == len(found) and not converted(text):
        why = "a page number alone on a line, in a text with no other mark of conversion"
        for span in worded:
            found[span] = ("folio", why, ev.LIKELY)
    return found


def _cited(text: str, start: int, line: str) -> bool:
    """``p. 62.`` ends a citation the line before leaves open (``…for 1883-84,`` ⏎⏎): the
    page it cites, not a folio."""
    before = text[max(0, start - 400) : start].rstrip()
    return _WORDED.match(line) is not None and before.endswith(",")


def _framing(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The rules right above and right below a page marker (``====`` ⏎ ``PAGE 3`` ⏎ ``====``),
    when both are there: a frame, which left alone reads as a heading of ``=`` signs."""
    above_end = start - 1
    above_start = text.rfind("\n", 0, max(above_end, 0)) + 1
    below_start = end + 1
    below_end = text.find("\n", below_start)
    below_end = len(text) if below_end < 0 else below_end
    if above_end < 0 or below_start > len(text):
        return []
    above, below = (above_start, above_end), (below_start, below_end)
    if all(_FRAME.match(text[a:b]) for a, b in (above, below)):
        return [above, below]
    return []


def _feeds(text: str, closed: list[tuple[int, int]], found: Found) -> dict[Span, Span]:
    """The form feeds that start a line of text (``\\fThe CHA score…``: pdftotext starts each
    page so), not in a line found already: {the line: the form feeds}."""
    if "\f" not in text:
        return {}
    feeds = {}
    for feed in _LEADING_FEED.finditer(text):
        end = text.find("\n", feed.end())
        line = (feed.start(), len(text) if end < 0 else end)
        if line not in found and not inside(closed, feed.start()):
            feeds[line] = feed.span()
    return feeds


def _garbled(text: str, lines: list[Span]) -> set[Span]:
    """Those of ``lines`` (a form feed's) whose line, or the line before or after it, holds
    another control character: a page whose text layer a PDF's font left as garbage
    (``\\f\\x0b\\x0f\\x0c\\x1c…``; review 223's annual report), where no page ends. Read as
    page breaks, they shaped the page model; cleaned away, they did not, and a second
    clean found the running heads the first had kept."""
    found = set()
    for line in lines:
        start = text.rfind("\n", 0, max(0, line[0] - 1)) + 1
        end = text.find("\n", line[1] + 1)
        if _GARBLE.search(text, start, len(text) if end < 0 else end):
            found.add(line)
    return found


def apply(text: str, edit: Editor) -> str:
    blocks = split_blocks(text)
    closed = merged(  # (display math opened inside a paragraph too: its ``\begin{aligned}``,
        # recurring, is no running head; review 111)
        closed_ranges(blocks, ("fence", "code", "math")) + fenced_blocks(text) + display_math(text)
    )
    found = _markers(text, closed)
    feeds = _feeds(text, closed, found)
    garbled = _garbled(text, [*feeds, *(s for s in found if "\f" in text[s[0] : s[1]])])
    found.update((s, ("page marker", _GARBLED_FEED, ev.CERTAIN)) for s in garbled if s in found)
    garbled |= {feeds[line] for line in garbled if line in feeds}  # (a feed's edit: its own)
    certain = [s for s, (_, _, sure) in found.items() if sure == ev.CERTAIN]
    near = sorted(s for s in [*certain, *feeds] if s not in garbled)
    for span, (kind, why, confidence) in repeated_lines(text, blocks, near).items():
        if not _authored(text, span):
            found.setdefault(span, (kind, why, confidence))
    found = {span: kept for span, kept in found.items() if not inside(closed, span[0])}
    edits = []
    for line, (start, end) in removals(text, found):
        kind, why, confidence = found[line]
        start, end, between = _proofed_hyphen(text, line, start, end)
        between = between or _apart(text, line, end)
        edits.append((line, Edit(start, end, between, confidence, (why,))))
    for line, (start, end) in feeds.items():
        if line not in found:  # (a running head after the form feed goes whole)
            why = _GARBLED_FEED if line in garbled else _FEED
            edits.append(((start, end), Edit(start, end, "", ev.CERTAIN, (why,))))
    lines = gutter.numbers(text, closed, bool(near))
    numbered = {s: f for s, f in lines.items() if not _within(s, found)}
    edits += [(span, Edit(*span, "", sure, (why,))) for span, (_, why, sure) in numbered.items()]
    found.update(numbered)
    text_before = text
    text = edit.apply(text, [e for _, e in edits], protect=False)
    _suspect(edit, edits)
    if not edit.done:
        return text
    for line, removal in edits:
        if removal.start in edit.done and line not in garbled:  # (garbage: no page there)
            kind = found[line][0] if line in found else "page marker"
            removed = text_before[line[0] : line[1]]
            item = edit.remove_furniture(kind, removed.strip() or removed, line[0])
            if line in numbered:
                continue  # (a line's number: no page break there)
            at = edit.trace.steps[-1].to_output(line[0])
            edit.pages.add(at, ev.PAGE, kind, _page_start(item))
    return normalise.tidy(text, edit, text_before)


def _suspect(edit: Editor, edits: list[tuple[Span, Edit]]) -> None:
    """The lines offered as furniture and left in the text, kept in the page model."""
    step = edit.trace.steps[-1] if edit.done else None
    for line, removal in edits:
        if removal.start not in edit.done and removal.confidence > 0:
            start, end = (step.to_output(x) for x in line) if step else line
            edit.pages.suspect.append((start, end))


def _proofed_hyphen(text: str, line: Span, start: int, end: int) -> tuple[int, int, str]:
    """The range to remove for the page line ``line`` (``start``, ``end``) and what to put
    there: with a word Distributed Proofreaders hyphenated across the page (``Cap-*`` ⏎ page
    line ⏎ ``*tain``), its two ``*`` go with the line, leaving ``Cap-`` ⏎ ``tain``."""
    if not text.startswith(PROOFED, line[0]) or line[0] < 3 or end != line[1] + 1:
        return start, end, ""
    ends, starts = PROOFED_HYPHEN
    if text.endswith(ends + "\n", 0, line[0]) and text.startswith(starts, end):
        return line[0] - 2, end + len(starts), "\n"
    return start, end, ""


def _apart(text: str, line: Span, end: int) -> str:
    """What stands where the page line ``line`` was removed (up to ``end``): a line end where
    it stood between two lines of text and the next starts a block of its own (a heading, an
    item, ``6.XI. Accept And File…``, ``VI. DISCUSSION…``, a picture), which would else run on
    into the paragraph before; else nothing."""
    if line[0] < 2 or text[line[0] - 2 : line[0]] == "\n\n" or end != line[1] + 1:
        return ""
    after = text[end : text.find("\n", end) if "\n" in text[end:] else len(text)]
    before = text[text.rfind("\n", 0, line[0] - 1) + 1 : line[0] - 1]
    kind = kind_of(after)
    if not after.strip() or kind == kind_of(before) == "list":
        return ""  # (two items of a tight list: a blank line would loosen it)
    opens = kind != "paragraph" or after.startswith("![") or rank(after) > 0
    return "\n" if opens or _ITEM.match(after) else ""


#: An item's number a converter's page set at a line's start: ``VI.``, ``6.XI.``, ``3.2``.
_ITEM = regex.compile(r"^(?:\d{1,3}\.)?(?:[IVXLC]{1,6}\.|\d{1,3}(?:\.\d{1,3})+\.?)[ \t]")


def _authored(text: str, span: Span) -> bool:
    """The line is part of a block its author marked up: a hard break (``\\``) ends it or the
    line before (``Publication date: March 2022\\`` ⏎ ``Length: 488 pages\\``, a book's details),
    or a definition follows it (``Example 1`` ⏎ ``: Convert a string…``, a definition
    list's term), or its block ends in kramdown's attribute list (``{: .fs-5 }``, under a
    font's specimen). A page's furniture is a line of its own, written by no one."""
    before = text[max(0, span[0] - 2) : span[0]]
    if text.endswith("\\", span[0], span[1]) or before == "\\\n":
        return True
    if text.startswith(": ", span[1] + 1) or text.startswith(":\t", span[1] + 1):
        return True
    end = text.find("\n\n", span[1])
    return _ATTRIBUTES.search(text, span[1], len(text) if end < 0 else end) is not None


#: A kramdown block's attribute list (``{: .fs-5 .code-example }``) under its lines.
_ATTRIBUTES = regex.compile(r"^\{:[^}\n]*\}[ \t]*$", regex.MULTILINE)


def _within(span: Span, found: Found) -> bool:
    return any(start <= span[0] < end for start, end in found)


def _page_start(item: Furniture) -> PageStart | None:
    """The page a page marker says starts where it stood (``=== PAGE 4 ===``: 4; a
    converter's label, ``#### Page 4``, ``## 第 4 页``), if it says."""
    if item.kind != "page marker":
        return None
    marker = PAGE_MARKER.match(item.text)
    if marker is not None and marker.group("starts"):
        number = marker.group("starts")
    elif (label := _LABEL.match(item.text)) is not None:
        number = label.group(1) or label.group(2)
    else:
        return None
    return PageStart(normalise_page(number), 0, item.kind, item.text, item.path, item.line)


#: A converter's page label, its number alone after ``Page`` or in ``第…页`` (the running
#: lines' pass finds them by their numbers rising: :func:`~publish.clean.recurrence.page_labels`).
_LABEL = regex.compile(
    r"^[ \t]*(?:#{1,6}[ \t]+)?[*_]{0,2}(?:(?i:page|p\.)[ \t]*(\d+)|第[ \t]*(\d+)[ \t]*[页頁])"
    r"[*_]{0,2}[ \t]*$"
)

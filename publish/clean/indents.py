"""Pass ``indents``: an OCR'd paragraph indented by four spaces is a paragraph, not code.

CommonMark reads a line indented by four spaces (after a blank line) as code. In OCR'd prose
that indent is the printed first-line indent of a paragraph, and the paragraph came out as a
code block with its hyphenated line ends frozen inside. The indent is removed:

- from a block whose first line is indented and whose other lines are not, when it reads as
  prose (strong: code is indented on every line);
- from a block indented on every line that reads as prose, in a document where two or more
  blocks of the first kind were found (strong), or otherwise a suggestion, but only in a
  document that shows the marks of OCR or conversion (a first-line indent, a word hyphenated
  at a line's end, a continuation marker, a page marker): in clean Markdown such a block is
  its code, a list item's or a footnote's next paragraph, or a centred title (three reviews'
  documents: each suggestion there was wrong).

Fenced code never changes, and neither does a block with code in it (``{ } ; = < >``,
keywords, a ``$`` prompt), nor one indented on every line whose lines start Markdown's own
blocks (``* item``, ``(@) example``, ``: definition``): an example of the markup, which
unindented would become live markup::

    ␠␠␠␠The meeting was called to order   ->  The meeting was called to order
    by the president at 8 p.m.                by the president at 8 p.m.
"""

from __future__ import annotations

import bisect

import regex

from publish.clean import evidence as ev
from publish.clean.blocks import split_blocks
from publish.clean.editor import Editor
from publish.clean.pagelines import converted
from publish.clean.trace import Edit

NAME = "indents"

_INDENT = regex.compile(r"^(?: {4,}|\t)[ \t]*", regex.M)
_CODE = regex.compile(
    r"[{}<>\\|`]|^[ \t]*\$ \w|\w[ \t]*==?[ \t]*\w|\w\(|//|#!|\w_\w|\w\.\w+\("
    r"|^\s*(?:def|class|import|from|return|var|let|const|function)\s+[\w.]+\s*[(:=;]",
    regex.M,
)
_WORD = regex.compile(r"\p{L}{2,}")
#: A line that starts a block of Markdown's own (a list item, a definition, an example list
#: item, a quote, a heading): in a block indented on every line, an example of the markup.
_MARKUP = regex.compile(r"(?:[-+*]|\d{1,9}[.)]|\(@\w*\)|#\.|:|>|#{1,6})[ \t]")


def _just_after(text: str, spots: list[int], start: int) -> bool:
    """Only blank lines stand between the last of ``spots`` before ``start`` and ``start``."""
    i = bisect.bisect_right(spots, start) - 1
    return i >= 0 and not text[spots[i] : start].strip()


def _prose(text: str) -> bool:
    """Reads as prose: words, sentence punctuation, no code."""
    if _CODE.search(text):
        return False
    words = _WORD.findall(text)
    letters = sum(len(w) for w in words)
    return len(words) >= 4 and letters >= 0.6 * len(text.replace(" ", "").replace("\n", ""))


def apply(text: str, edit: Editor, after: list[int] | None = None) -> str:
    """The pass; with ``after`` (sorted offsets where lines were just removed), only the
    blocks that start there, after blank lines at most (the others were judged before)."""
    if "    " not in text and "\t" not in text:
        return text
    printed: list[Edit] = []
    uniform: list[Edit] = []
    for block in split_blocks(text):
        if block.kind != "code":
            continue
        if after is not None and not _just_after(text, after, block.start):
            continue
        if not _prose(block.text):
            continue
        lines = block.text.split("\n")  # (runs before ``normalise``: a line may end in \r)
        uniformly = len(lines) == 1 or any(_INDENT.match(line) for line in lines[1:])
        if uniformly and any(_MARKUP.match(line.lstrip(" \t")) for line in lines):
            continue  # Markdown shown as an example: unindented, it would be live markup
        if len(lines) > 1 and not any(_INDENT.match(line) for line in lines[1:]):
            first = _INDENT.match(lines[0])
            assert first is not None
            why = ("the first line is indented and the lines after it are not; it reads as prose",)
            printed.append(Edit(block.start, block.start + first.end(), "", ev.STRONG, why))
        else:
            pos = block.start
            for line in lines:
                found = _INDENT.match(line)
                if found:
                    uniform.append(Edit(pos, pos + found.end(), "", ev.LIKELY))
                pos += len(line) + 1
    if len(printed) >= 2:  # the document indents its paragraphs: the indented ones are too
        why = (f"{len(printed)} paragraphs of this document are printed with a first-line indent",)
        uniform = [Edit(e.start, e.end, "", ev.STRONG, why) for e in uniform]
    elif uniform and not printed and not converted(text):
        uniform = []  # (clean Markdown's indented blocks are its code, or an item's paragraphs)
    else:
        why = ("indented on every line but reads as prose",)
        uniform = [Edit(e.start, e.end, "", ev.LIKELY, why) for e in uniform]
    return edit.apply(text, printed + uniform, protect=False)

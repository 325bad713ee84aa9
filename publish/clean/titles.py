"""A title cut at its printed line ends: short lines, or short paragraphs, that read, joined,
as a heading of the same document.

A law database or a government portal writes a document's title twice: as the page's heading,
and as the document prints it, centred and cut into two or three lines (the lines of one
paragraph, or paragraphs of their own)::

    # 上海市人民代表大会常务委员会关于修改《上海市公路管理条例》等10件地方性法规的决定

    上海市人民代表大会常务委员会
    关于修改《上海市公路管理条例》等10件
    地方性法规的决定

Short lines are otherwise a record (an address, a signature) and keep their breaks; that the
pieces, joined, are the heading's very words is the evidence that they are one title. Used by
``unwrap`` (lines of one block) and ``seams`` (blocks of their own).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from publish.clean.blocks import ATX, Block
from publish.clean.numbering import rank
from publish.clean.shapes import SHORT, short_line

#: Words a title in English leaves in lower case, though they are four letters or more.
_SMALL = frozenset(
    ("from", "into", "onto", "over", "upon", "with", "than", "that", "this", "under", "about")
)
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_CJK_OR_END = re.compile(r"[^\x00-\u024f]|[.!?:;]\W*$")  # (a letter past Latin, a sentence's end)

WHY = "the parts read, joined, as a heading of the document: its title, cut at line ends"
_NOT_WORDS = re.compile(r"[\s*_]+")  # spaces and emphasis marks: not compared
_LEAST = 8  # characters of a title, at least (a shorter one may be met by chance)


def _words(text: str) -> str:
    return _NOT_WORDS.sub("", text)


def in_title_case(text: str) -> bool:
    """A line of a few words in Latin letters whose every word of four letters or more starts
    with a capital (but :data:`_SMALL`), not ending a sentence: a heading that lost its marks,
    a byline's title (``Federal Agencies Made Progress …, but Work Remains``, ``Dr. Bryant,
    Originator of Nature Guide Service``), not half of a cut sentence."""
    if "\n" in text or len(text) > 150 or _CJK_OR_END.search(text):
        return False
    words = _LATIN_WORD.findall(text)
    long = [w for w in words if len(w) >= 4 and w.lower() not in _SMALL]
    return 3 <= len(words) <= 16 and len(long) >= 2 and all(w[0].isupper() for w in long)


def heading_words(text: str, titles: frozenset[str]) -> bool:
    """``text`` is, word for word, one of the document's headings (:func:`headings`)."""
    return bool(titles) and _words(text) in titles


def headings(blocks: Sequence[Block]) -> frozenset[str]:
    """The words of the document's headings (as :func:`cut_title` compares them)."""
    found = (ATX.match(b.text) for b in blocks if b.kind == "heading")
    words = (_words(match.group("title")) for match in found if match)
    return frozenset(w for w in words if len(w) >= _LEAST)


def cut_title(parts: Sequence[str], titles: frozenset[str]) -> bool:
    """Two or more short ``parts`` that, joined, are the words of one of ``titles``, none but
    the first opening with a heading's number (``第五章 合同履行`` ⏎⏎ ``第一节 一般规定`` are two
    headings a title made of a file's name runs together, ``# 第五章_合同履行_第一节_一般规定``:
    review 121)."""
    return (
        len(parts) > 1
        and bool(titles)
        and _words("".join(parts)) in titles
        and all(short_line(part.strip()) for part in parts)
        and not any(rank(part.strip()) for part in parts[1:])
    )


def runs(blocks: Sequence[Block], titles: frozenset[str]) -> dict[int, int]:
    """Runs of two or three paragraphs that are a title cut into paragraphs of their own: the
    first's index → the last's."""
    found: dict[int, int] = {}
    for i, block in enumerate(blocks[:-1] if titles else ()):
        if block.kind != "paragraph" or "\n" in block.text or len(block.text) > 2 * SHORT:
            continue  # (a quick look: a title's parts are short lines, and the first starts it)
        words = _words(block.text)
        if not any(t.startswith(words) for t in titles):
            continue
        for last in (i + 1, i + 2):
            if last == len(blocks) or blocks[last].kind != "paragraph":
                break
            if cut_title([b.text for b in blocks[i : last + 1]], titles):
                found[i] = last
                break
    return found

"""Pass ``headings``: headings the scraper lost are restored, and numbered headings nested.

Existing headings follow the hierarchy 第X编 above 第X章 above 第X节 above 第X条 above 一、
above （一） above 1. above （1）: a numbered heading at the level of the nearest heading above it
in that hierarchy (or of an unnumbered one) moves one level below it (strong: the numbers say
so); the matter before and after the numbered parts (``Abstract``, ``目录``, ``参考文献``)
and a deeper unnumbered heading are no one's parent. A paragraph that is only bold text
starting with a heading number, and a standalone short line starting with a Chinese heading
number that is not a sentence, are suggested as headings (a guess at the author's intent;
unnumbered bold text never was one in the documents reviewed: a byline, a cross-head in a
quotation, a report's quoted view), nested as their numbers rank under the headings before
them, suggested ones too (but an existing heading is nested under the headings as the edits
sure enough leave them, never under a suggestion): ``一、`` and ``第X章`` at level 2;
``（一）``, ``第X节`` and ``第X条`` at level 3 under a level-2 heading, else 2.
Headings numbered by depth (``2.1.`` under ``2.``) go at the levels their numbers say
(:mod:`publish.clean.outline`). ``1.聚焦重点产业`` (no space) is text and never changed;
bold run-in heads (``**坚持创新驱动。**新增…``) stay paragraphs, and so do the lines under a table
of contents' heading (``目录``, ``Contents``: they name the headings)::

    ## 2024年工作安排 … ## (一)聚力产业… -> ## 2024年工作安排 … ### (一)聚力产业…
    **二、主要任务**                       -> ## 二、主要任务 (suggested)
"""

from __future__ import annotations

import re

from publish.clean import evidence as ev
from publish.clean import outline
from publish.clean.blocks import Block, split_blocks
from publish.clean.editor import Editor
from publish.clean.numbering import PARTS, TOP, is_heading_line, rank
from publish.clean.pagelines import shows_conversion
from publish.clean.trace import Edit

NAME = "headings"

_ONLY_BOLD = re.compile(r"^(\*\*|__)(?P<title>[^*_\n]+)\1$")
_ATX = re.compile(r"^(?P<hashes>#{1,6})[ \t]+(?P<title>.*?)(?:[ \t]+#+)?[ \t]*$")
_LETTER = re.compile(r"[^\W\d_]")
_SENTENCE = re.compile(r"[。！？；，、,;!?]$")
#: The matter before and after a work's numbered parts, never their parent: a numbered heading
#: after ``# Abstract`` or ``## 目录`` is not one of its sections.
_MATTER = re.compile(
    r"^(?:<[^>]*>)*[*_]*(?:abstract|(?:table\s+of\s+)?contents|preface|foreword|"
    r"acknowledge?ments?|references|bibliography|appendi(?:x|ces)|index|glossary|notes|"
    r"key\s*words?|article\s+(?:history|info(?:rmation)?)|highlights|关\s*键\s*[词字]|"
    r"摘\s*要|目\s*[录次]|前\s*言|[自代]?序言?|后\s*记|参考文献|致\s*谢|附\s*录|内容简介|出版说明)"
    r"[*_]*\s*$",
    re.IGNORECASE,
)
_APART = 9  # the rank of such a heading: above no numbered one
#: A table of contents' heading (ATX, or a setext heading's first line): the lines under it
#: name the headings, they are none (a constitution's ``目　录`` ⏎ ``第一章　总　　纲``…).
_CONTENTS = re.compile(
    r"^(?:<[^>]*>)*[*_]*(?:(?:table\s+of\s+)?contents|目\s*[录錄次])[*_]*[ \t\u3000]*(?:\n|$)", re.I
)
#: A page's number ending a line, after a space or dot leaders: a table of contents' line
#: (MinerU's contents of a book, their entries under a chapter's heading of their own: review
#: 114), not a heading's.
_PAGE_NUMBER = re.compile(r"(?:[ \t\u3000]|[.·…]{2,})\d{1,4}$")
#: A heading's number with a word right after its dot (``## 08.Mod 名翻译`` before ``## 09.
#: 特殊字符``: siblings, review 117), read as numbered; a line that is no heading yet stays text.
_UNSPACED = re.compile(r"^(\d{1,3}\.)(?=[^\W\d_])")
#: A setext heading (``目　录`` ⏎ ``======``), which the blocks read as a paragraph.
_SETEXT = re.compile(r"^ {0,3}\S[^\n]*\n {0,3}(?:=+|-+)[ \t]*(?:\n|$)")


def apply(text: str, edit: Editor) -> str:
    edits: list[Edit] = []
    seen: list[tuple[int, int]] = []  # (rank, level) of the headings so far, as applied
    offered: list[tuple[int, int]] = []  # the same, and the headings suggested
    blocks = split_blocks(text)
    numbers = outline.Outline(blocks)
    sure = shows_conversion(text, edit.pages) or _flat(blocks, numbers)  # (all offered)
    under: set[int] = set()  # (ranks seen right under a heading, no text between: _nest)
    threshold = edit.review.settings.threshold
    contents = False  # (under a table of contents' heading: its lines are no headings)
    nested: list[tuple[int, int]] = []  # (rank, index in edits) of each heading nested
    for i, block in enumerate(blocks):
        setext = _SETEXT.match(block.text) if block.kind == "paragraph" else None
        if block.kind == "heading" or setext:
            match = _ATX.match(block.text)
            contents = _CONTENTS.match(match.group("title") if match else block.text) is not None
            if not match:
                continue
            title, level = match.group("title"), len(match.group("hashes"))
            title = _UNSPACED.sub(r"\1 ", title)  # (a heading's ``08.Mod 名``: its number)
            prefix_end = block.start + len(match.group("hashes"))
            new_level, above = _nesting(rank(title), level, seen)
            if i > 0 and blocks[i - 1].text.startswith(match.group("hashes") + " "):
                under.add(rank(title))  # (right under one of its level: its first part, and
                # so are its siblings after it; not under a heading above, ``## 动态规划`` ⏎⏎
                # ``#### 1. …``, whose ``#### 9.`` after ``#### [8. …](…)`` is its sibling)
            if not (above or rank(title) <= PARTS or rank(title) in under or level == 1 or sure):
                new_level = level  # (:func:`_nest`: an author's ``## 1. …`` after ``## Why …``)
            shown = level  # (the level it has once the edits sure enough are made)
            if new_level != level:
                edits.append(_nest(block.start, prefix_end, new_level, rank(title), above))
                nested.append((rank(title), len(edits) - 1))
                shown = new_level if edits[-1].confidence >= threshold else level
            if block.start in numbers.numbers:  # (``2.1.`` under ``2.``: the numbers say so)
                deeper = numbers.level(block.start, shown, shown != level)
                if deeper != shown:
                    edits.append(_deeper(block.start, prefix_end, deeper))
                    new_level = deeper
            else:
                numbers.close(shown)
            seen.append((_APART if _MATTER.match(title) else rank(title), new_level))
            offered.append(seen[-1])
        elif block.kind == "paragraph" and "\n" not in block.text and not contents:
            if block.text.startswith(("  ", "\t")):
                continue  # (indented: a list item's paragraph, ``   一、人身搜索`` under ``1.``)
            bold = _ONLY_BOLD.match(block.text)
            title = (bold.group("title") if bold else block.text).strip()  # (and U+2002 too)
            if bold and (_SENTENCE.search(title) or not _LETTER.search(title) or not rank(title)):
                continue  # (unnumbered bold: a byline, a cross-head, a title in a quotation)
            if not bold and not is_heading_line(title):
                continue
            if _PAGE_NUMBER.search(title):
                continue  # (a contents line, its page at its end: ``第二节 基本概念 010``)
            order = rank(title)
            base = 3 if order not in TOP and offered and offered[-1][1] == 2 else 2
            level = _nested_level(order, base, offered)
            if order and offered and offered[-1][0] == order:
                level = offered[-1][1]  # (a sibling's level: ``**2. …**`` after ``**1. …**``)
            why = (
                "a paragraph only bold, with a heading number"
                if bold
                else "a short line with a heading number"
            )
            new = f"{'#' * level} {title}"
            edits.append(Edit(block.start, block.end, new, ev.LIKELY, (why,)))
            offered.append((order, level))  # (the next ones are suggested as nested under it)
    return edit.apply(text, _all_or_none(edits, nested, threshold))


def _all_or_none(edits: list[Edit], nested: list[tuple[int, int]], threshold: float) -> list[Edit]:
    """``edits``, the nesting ones (``nested``) only suggested where headings of one rank
    would be nested and not nested: a report's ``1、`` moved under ``一、`` while its sibling
    ``2、`` stays at the converter's level, under ``1.2``, would scramble the outline (review
    129's annual report: every heading at ``##``); its headings stay as the converter set
    them, each nesting offered."""
    sure: dict[int, set[bool]] = {}
    for order, k in nested:
        sure.setdefault(order, set()).add(edits[k].confidence >= threshold)
    if not any(len(found) == 2 for found in sure.values()):
        return edits
    unsure = {k for _, k in nested}
    return [e._replace(confidence=ev.LIKELY) if k in unsure else e for k, e in enumerate(edits)]


def _deeper(start: int, end: int, level: int) -> Edit:
    return Edit(start, end, "#" * level, ev.STRONG, (outline.WHY,))


def _nest(start: int, end: int, level: int, order: int, above: int) -> Edit:
    """Nesting under a numbered heading of the rank above is what the numbers say; under an
    unnumbered one it is sure for 一、 and （一） (the parts of a report), a guess below; in a
    text that shows no conversion, offered only under a title (``#``), right under the heading
    (no text of its own between: ``## 个人博客项目需求说明书`` ⏎⏎ ``## 1. 项目概述``), or where
    the headings are :func:`_flat`."""
    if above:
        why = "a numbered heading at the level of the heading above it, which ranks higher"
        return Edit(start, end, "#" * level, ev.STRONG, (why,))
    why = "a numbered heading at the level of the unnumbered heading above it"
    return Edit(start, end, "#" * level, ev.STRONG if order <= PARTS else ev.LIKELY, (why,))


def _flat(blocks: list[Block], numbers: outline.Outline) -> bool:
    """The text sets its headings at one level, but for a title above them (a converter sets
    every heading so, whatever its rank): where it sets them at two or more, the levels are its
    author's, and a numbered heading at the level of an unnumbered one is its sibling (``## 1.
    Words based on…`` after ``## Why Etymology Matters``, over its ``#### Example:``; a
    how-to's ``### 1. 設定環境變數`` after ``### 前置需求``, under ``## 快速開始``: reviews 176
    and 178, every nesting offered wrong). Not those numbered by depth, whose numbers set
    their levels (``### 1.1.1`` as cleaning set it under ``## 1.1``: cleaned again, the text
    reads as it did)."""
    found = (
        _ATX.match(b.text) for b in blocks if b.kind == "heading" and b.start not in numbers.numbers
    )
    return len({len(m.group("hashes")) for m in found if m} - {1}) <= 1


def _nested_level(order: int, level: int, seen: list[tuple[int, int]]) -> int:
    """Move a numbered heading below the nearest heading of a higher rank at its level."""
    return _nesting(order, level, seen)[0]


def _nesting(order: int, level: int, seen: list[tuple[int, int]]) -> tuple[int, int]:
    """(the level, the rank of the heading it nests under: 0 when unnumbered). A number of
    the ranks that head a document's parts (:data:`~publish.clean.numbering.TOP`) nests only
    under a number of a higher rank (``一、`` under ``第一节``, ``第一节`` under ``第二章``)."""
    if not order:
        return level, order
    for other_rank, other_level in reversed(seen):
        if other_rank == _APART and other_level == level:
            return level, order  # (a paper's ``# Abstract`` at its level: its sibling, as its
            # ``# References`` after it will be, not nested under the title above; review 225)
        if other_rank == 0 and (other_level > level or order in TOP):
            continue  # (a deeper heading, numbered otherwise, ``#### 3.2.4 …``: no parent)
        if other_rank < order:
            return (min(other_level + 1, 6) if other_level >= level else level), other_rank
    return level, order

"""The original's pages in the body HTML: an anchor where each page of the newspaper starts.

The cleaner found where pages start (:mod:`publish.clean.pagestarts`); the front matter's
``pages`` names the page the text begins on. Each start becomes, in the shared body HTML::

    <span class="page-start" role="doc-pagebreak" id="原第3版" aria-label="原第3版"
          data-pagefind-ignore="">原第3版</span>

(``id="page-3"``, ``p. 3`` outside Chinese): first in the paragraph where the page starts, or
before the block that starts it, or inline at the very place in a paragraph the cleaner joined
across a jump line (:mod:`publish.parse.pagemarks`). Ids are unique in the document; a heading
or ``{#id}`` keeps its own. The themes set the label in the margin, the PDF bookmarks it, the
EPUB adds ``epub:type`` and lists it in its page-list (:mod:`publish.formats.epubpages`).
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token

from publish.clean.pagestarts import resolve
from publish.labels import labels
from publish.model import CleanedSource, Metadata, PageAnchor
from publish.parse.pagemarks import (
    PLACEHOLDER,
    can_mark,
    mark,
    offset_of,
    place_blocks,
    take_marks,
)

CLASS = "page-start"


@dataclass(frozen=True)
class Pages:
    """A document's page anchors, and the markup of each by the offset its placeholder names
    (``placed``: the body holds placeholders, to be replaced or dropped)."""

    anchors: tuple[PageAnchor, ...] = ()
    markup: Mapping[int, str] = field(default_factory=dict)
    placed: bool = False


def anchor_id(page: str, language: str) -> str:
    """``原第3版`` in Chinese, ``page-3`` otherwise (both valid XML names)."""
    return f"原第{page}版" if language.lower().startswith("zh") else f"page-{page}"


def parse_marked(
    md: MarkdownIt, cleaned: CleanedSource, env: dict[str, object]
) -> tuple[list[Token], dict[str, object], set[int]]:
    """The tokens of the cleaned text, parsed with the page starts inside its lines marked
    (:func:`~publish.parse.pagemarks.mark`), the environment they were parsed in, and the
    offsets of the starts placed among them. Where a mark went into a link's address the text
    is parsed as it is (those starts are placed at their lines)."""
    first = dict(env)
    text = cleaned.text
    if cleaned.page_starts and can_mark(text):
        text = mark(text, [start.offset for start in cleaned.page_starts])
    tokens = md.parse(text, first)
    if text is cleaned.text:
        return tokens, first, set()
    placed, seen = take_marks(tokens)
    if seen == text.count("\ufdd0"):
        return tokens, first, placed
    again = dict(env)
    return md.parse(cleaned.text, again), again, set()


def place(
    tokens: list[Token], cleaned: CleanedSource, meta: Metadata, inline: set[int]
) -> tuple[list[Token], Pages]:
    """``tokens`` with a placeholder at each page start (those in ``inline`` have theirs)."""
    if not cleaned.page_starts or not can_mark(cleaned.text):
        return tokens, Pages()
    starts = resolve(cleaned.page_starts, cleaned.text, meta.origin.first_page)
    lines, line, last = {}, 0, 0
    for start in starts:  # (in order of the text)
        line += cleaned.text.count("\n", last, start.offset)
        lines[start.offset], last = line, start.offset
    tokens, placed = place_blocks(tokens, {at: n for at, n in lines.items() if at not in inline})
    placed |= inline
    used = _ids(tokens)
    words = labels(meta.language)
    anchors, markup = [], {}
    for start in starts:
        if start.offset not in placed:
            continue
        base = anchor_id(start.page, meta.language)
        anchor, number = base, 1
        while anchor in used:
            number += 1
            anchor = f"{base}-{number}"
        used.add(anchor)
        shown = words["page_mark"].format(start.page)
        anchors.append(PageAnchor(start.page, anchor, shown))
        markup[start.offset] = (
            f'<span class="{CLASS}" role="doc-pagebreak" id="{html.escape(anchor)}" '
            f'aria-label="{html.escape(words["page_name"].format(start.page))}" '
            f'data-pagefind-ignore="">{html.escape(shown)}</span>'
        )
    return tokens, Pages(tuple(anchors), markup, placed=True)


def finish(body: str, pages: Pages) -> str:
    """``body`` (HTML) with each placeholder replaced by its anchor, or dropped."""
    if not pages.placed or "\ufdd0" not in body:
        return body
    return PLACEHOLDER.sub(lambda found: pages.markup.get(offset_of(found), ""), body)


def _ids(tokens: list[Token]) -> set[str]:
    found = set()
    for token in tokens:
        for one in (token, *(token.children or ())):
            if "id" in one.attrs:
                found.add(str(one.attrs["id"]))
    return found

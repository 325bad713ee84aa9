"""Pass ``seams``: a paragraph cut by a page or column break is joined to the next one.

Two paragraph blocks are joined (the blank line removed; nothing between CJK characters, a
space between Latin words, hyphenation undone) when the second begins with a mark that may not
start a line (，。、；：？！）」』”), or when the first does not end in terminal punctuation
(。！？；：…」』”’）.!?:;"') and the second does not begin with a heading number or a bold
run-in head. Only plain paragraphs are joined: never headings, lists, tables, quotes, code or
HTML, never a paragraph that is only bold text, and never a short paragraph with no
punctuation at all (a title, a byline, 附件, a signature, a date)::

    …全面贯彻落实党的二十和二十⏎⏎届二中全会精神,深入… -> …二十和二十届二中全会精神,深入…
    …互促共进、协同⏎⏎发展。积极创编…               -> …互促共进、协同发展。积极创编…
"""

from __future__ import annotations

import itertools
import re

import regex

from publish.clean.blocks import Block, split_blocks
from publish.clean.chars import NO_START, TERMINAL, width
from publish.clean.editor import Editor
from publish.clean.joining import hyphenated_forms, joiner
from publish.clean.numbering import is_heading_line, rank
from publish.clean.trace import Edit

NAME = "seams"

_TRAILING_MARKUP = re.compile(r"(?:\[\^[^\]]+\]|[*_~`]+)+$")
_LINK_END = re.compile(r"\]\([^)]*\)$")
_ONLY_BOLD = re.compile(r"^(\*\*|__)[^\n]+\1$")
_BOLD_RUN_IN = re.compile(r"^(\*\*|__)[^\n]+?\1")
_ANY_PUNCT = regex.compile(r"\p{P}")
SHORT = 50  # columns: 25 CJK characters, a long title


def last_visible(text: str) -> str:
    text = _TRAILING_MARKUP.sub("", text.rstrip())
    if _LINK_END.search(text):
        return "."  # a paragraph ending in a link: treat it as complete
    return text[-1:]


def _unpunctuated_short(text: str) -> bool:
    return (
        len(text) <= SHORT
        and width(text) <= SHORT
        and not _ANY_PUNCT.search(text.replace("**", ""))
    )


def _joinable(first: Block, second: Block) -> bool:
    if first.kind != "paragraph" or second.kind != "paragraph":
        return False
    if _ONLY_BOLD.match(first.text) or _ONLY_BOLD.match(second.text):
        return False
    if is_heading_line(first.text):  # a heading the ``headings`` pass will promote
        return False
    if _unpunctuated_short(first.text) or _unpunctuated_short(second.text):
        return False
    if second.text[:1] in NO_START:
        return True
    return (
        last_visible(first.text) not in TERMINAL
        and rank(second.text) == 0
        and not _BOLD_RUN_IN.match(second.text)
    )


def apply(text: str, edit: Editor) -> str:
    blocks = split_blocks(text)
    forms = hyphenated_forms(text)
    edits = []
    for first, second in itertools.pairwise(blocks):
        if _joinable(first, second):
            drop, between = joiner(first.text, second.text, forms)
            edits.append(Edit(first.end - drop, second.start, between))
    return edit.apply(text, edits)

"""Places in the token stream for the original's page starts, marked by offset of the text.

A page start inside a line (where the cleaner joined a paragraph across a jump line) is marked
in the Markdown before it is parsed (:func:`mark`) with noncharacters (U+FDD0 …) that the
parser passes through as text and heading ids drop: :func:`take_marks` then puts a placeholder
token in the text token at the very place, and takes every mark out of everything else (a
heading, code, a link's address), which leaves that start to :func:`place_blocks`. There a
start at the head of a line goes first in the paragraph holding the line (after the line
break before it), or before the next block that starts on or after it. A text holding such
characters itself gets no marks. Placeholders are the same characters; the parse stage turns
them into anchors once the HTML is written (:mod:`publish.parse.pages`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from markdown_it.token import Token

_RESERVED = re.compile("[\ufdd0-\ufdef]")
PLACEHOLDER = re.compile("\ufdd0([\ufde0-\ufde9]+)\ufdd1")
_BLOCKS = frozenset(
    {
        "heading_open",
        "bullet_list_open",
        "ordered_list_open",
        "blockquote_open",
        "fence",
        "code_block",
        "html_block",
        "hr",
        "table_open",
        "dl_open",
    }
)
_BREAKS = ("softbreak", "hardbreak")


def placeholder(offset: int) -> str:
    return "\ufdd0" + "".join(chr(0xFDE0 + int(d)) for d in str(offset)) + "\ufdd1"


def offset_of(match: re.Match[str]) -> int:
    return int("".join(str(ord(c) - 0xFDE0) for c in match.group(1)))


def can_mark(text: str) -> bool:
    return _RESERVED.search(text) is None


def mark(text: str, offsets: Iterable[int]) -> str:
    """``text`` with a placeholder at each of the sorted ``offsets`` that is inside a line."""
    parts, last = [], 0
    for at in offsets:
        if text[text.rfind("\n", 0, at) + 1 : at].strip():
            parts += [text[last:at], placeholder(at)]
            last = at
    return "".join(parts) + text[last:] if parts else text


def take_marks(tokens: list[Token]) -> tuple[set[int], int]:
    """Split the text tokens (not a heading's) at the marks in them, a placeholder token
    between; take the marks out of every other token. The offsets placed, and how many marks
    were found in all (fewer than were made: one went into a link's address, escaped)."""
    placed: set[int] = set()
    seen = 0
    for i, token in enumerate(tokens):
        inner = _strip(token)  # (an inline token's marks are its children's: counted there)
        seen += inner if token.type != "inline" else 0
        if token.type != "inline" or not token.children:
            continue
        in_text = i == 0 or tokens[i - 1].type != "heading_open"
        children: list[Token] = []
        for child in token.children:
            if child.type != "text" or not in_text or PLACEHOLDER.search(child.content) is None:
                seen += _strip(child)
                children.append(child)
                continue
            last = 0
            for found in PLACEHOLDER.finditer(child.content):
                children += [_text(child, child.content[last : found.start()]), _html(found[0])]
                placed.add(offset_of(found))
                last = found.end()
                seen += 1
            children.append(_text(child, child.content[last:]))
        token.children = [c for c in children if c.type != "text" or c.content]
    return placed, seen


def place_blocks(tokens: list[Token], places: dict[int, int]) -> tuple[list[Token], set[int]]:
    """``tokens`` with a placeholder for each of ``places`` ({offset: its line}) at the head of
    that line in its paragraph, or before the first block starting on or after it; and the
    offsets placed (a start after the last block is not)."""
    waiting = sorted(places, key=lambda at: (places[at], at))
    before: dict[int, list[Token]] = {}
    for i, token in enumerate(tokens):
        if not waiting or token.map is None:
            continue
        first, end = token.map
        paragraph = token.type == "paragraph_open" and i + 1 < len(tokens)
        while waiting and (paragraph and first <= places[waiting[0]] < end):
            at = waiting.pop(0)
            inline = tokens[i + 1]
            children = inline.children = inline.children or []
            children.insert(_after_break(children, places[at] - first), _html(placeholder(at)))
        while waiting and (paragraph or token.type in _BLOCKS) and first >= places[waiting[0]]:
            at = waiting.pop(0)
            if paragraph:
                (tokens[i + 1].children or []).insert(0, _html(placeholder(at)))
            else:
                block = Token("html_block", "", 0, level=token.level, block=True)
                block.content = placeholder(at) + "\n"
                before.setdefault(i, []).append(block)
    placed = set(places) - set(waiting)
    if not before:
        return tokens, placed
    return [new for i, token in enumerate(tokens) for new in (*before.get(i, ()), token)], placed


def _after_break(children: list[Token], lines: int) -> int:
    """The index in ``children`` after their ``lines``-th line break (0: the start)."""
    seen = 0
    for n, child in enumerate(children):
        if seen == lines:
            return n
        seen += child.type in _BREAKS
    return len(children) if seen == lines else 0


def _strip(token: Token) -> int:
    """Take the marks out of ``token`` (and an image's alt text); how many there were."""
    seen = 0
    for name in ("content", "info"):
        value = getattr(token, name)
        if "\ufdd0" in value:
            seen += value.count("\ufdd0")
            setattr(token, name, PLACEHOLDER.sub("", value))
    for name, value in token.attrs.items():
        if isinstance(value, str) and "\ufdd0" in value:
            seen += value.count("\ufdd0")
            token.attrs[name] = PLACEHOLDER.sub("", value)
    if token.type != "inline":
        seen += sum(_strip(child) for child in token.children or ())
    return seen


def _text(like: Token, content: str) -> Token:
    return Token("text", "", 0, level=like.level, content=content)


def _html(content: str) -> Token:
    return Token("html_inline", "", 0, content=content)

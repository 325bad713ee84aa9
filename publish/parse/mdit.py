"""The markdown-it-py parser every document goes through, with its plugins.

CommonMark plus tables, strikethrough, footnotes, definition lists, ``{#id .class}``
attributes, stable heading ids and CJK-friendly emphasis; a line break inside a paragraph
between two CJK characters is dropped, not read as a space (Pandoc's
``east_asian_line_breaks``: ``中文⏎继续`` reads ``中文继续``). Raw HTML is escaped unless the
project allows it. Attributes content may not set (``style``, ``on*``, ``rel`` …, see
:mod:`publish.sanitise`) are dropped and noted for a warning.
"""

from __future__ import annotations

import functools

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from mdit_py_plugins.attrs import attrs_block_plugin, attrs_plugin
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.footnote import footnote_plugin

from publish import sanitise
from publish.cjk import break_unseen
from publish.parse.cjk_friendly import cjk_friendly_plugin
from publish.parse.slugs import heading_ids


def _safe_attrs(state: StateCore) -> None:
    """Attributes content may not set are dropped and noted in ``env["dropped"]`` as
    (line, name) for the parse stage to warn about (:mod:`publish.sanitise`). (Most tokens
    have none: a 50 MB document has millions of tokens.)"""
    extra = frozenset(state.env.get("attributes", ()))
    dropped = state.env.setdefault("dropped", [])
    for block in state.tokens:
        for token in (block, *block.children) if block.children else (block,):
            if not token.attrs:
                continue
            for name in list(token.attrs):
                if not sanitise.allowed(token.tag, name, str(token.attrs[name]), extra):
                    del token.attrs[name]
                    dropped.append((block.map[0] if block.map else 0, name))


def _east_asian_breaks(state: StateCore) -> None:
    """A soft line break between two wide CJK characters is dropped, looking through the
    marks of emphasis and links (``**粗体。**⏎继续``) and Chinese quotation marks
    (:func:`~publish.cjk.break_unseen`): a browser or WeasyPrint would show it as a space
    inside the Chinese text. (Only paragraphs of several lines have one.)"""
    for block in state.tokens:
        children = block.children
        if not children or "\n" not in block.content:
            continue
        kept = [
            token
            for n, token in enumerate(children)
            if token.type != "softbreak"
            or not break_unseen(_edge(children, n, -1), _edge(children, n, 1))
        ]
        if len(kept) != len(children):
            block.children = kept


def _edge(children: list[Token], n: int, step: int) -> str:
    """The two characters next to ``children[n]`` on the side ``step`` says, through markup
    (a space where markup that shows stands there)."""
    n += step
    while 0 <= n < len(children):
        token = children[n]
        if token.type in ("text", "code_inline") and token.content:
            return token.content[-2:] if step < 0 else token.content[:2]
        if token.content or token.type in ("softbreak", "hardbreak", "image"):
            return " "
        n += step
    return " "


@functools.cache
def make_parser(allow_html: bool = False) -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": allow_html, "typographer": False})
    md.enable(["table", "strikethrough"])
    md.use(cjk_friendly_plugin)
    md.use(footnote_plugin)
    md.use(deflist_plugin)
    md.use(attrs_plugin)
    md.use(attrs_block_plugin)
    md.core.ruler.push("east_asian_breaks", _east_asian_breaks)
    md.core.ruler.push("heading_ids", heading_ids)
    md.core.ruler.push("publish_safe_attrs", _safe_attrs)
    return md

"""The markdown-it-py parser every document goes through, with its plugins.

CommonMark plus tables, strikethrough, footnotes, definition lists, ``{#id .class}``
attributes, stable heading ids and CJK-friendly emphasis. Raw HTML is escaped unless the
project allows it; then, too, attributes that run script (``on*``) or ``javascript:`` URLs
set through ``{...}`` are dropped.
"""

from __future__ import annotations

import functools
import re

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from mdit_py_plugins.anchors import anchors_plugin
from mdit_py_plugins.attrs import attrs_block_plugin, attrs_plugin
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.footnote import footnote_plugin

from publish.parse.cjk_friendly import cjk_friendly_plugin
from publish.parse.slugs import heading_slug

_UNSAFE_URL = re.compile(
    r"^\s*(?:javascript|vbscript|data(?!:image/(?:png|gif|jpeg|webp);)):", re.I
)
_URL_ATTRS = frozenset({"href", "src", "action", "formaction", "xlink:href", "srcset"})


def _walk(tokens: list[Token]) -> list[Token]:
    found: list[Token] = []
    for token in tokens:
        found.append(token)
        if token.children:
            found.extend(_walk(token.children))
    return found


def _safe_attrs(state: StateCore) -> None:
    for token in _walk(state.tokens):
        for name in list(token.attrs):
            value = str(token.attrs[name])
            if name.lower().startswith("on") or (
                name.lower() in _URL_ATTRS and _UNSAFE_URL.match(value)
            ):
                del token.attrs[name]


@functools.cache
def make_parser(allow_html: bool = False) -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": allow_html, "typographer": False})
    md.enable(["table", "strikethrough"])
    md.use(cjk_friendly_plugin)
    md.use(footnote_plugin)
    md.use(deflist_plugin)
    md.use(attrs_plugin)
    md.use(attrs_block_plugin)
    md.use(anchors_plugin, min_level=1, max_level=6, slug_func=heading_slug)
    md.core.ruler.push("publish_safe_attrs", _safe_attrs)
    return md

"""The markdown-it-py parser every document goes through, with its plugins.

CommonMark plus tables, strikethrough, footnotes, definition lists, ``{#id .class}``
attributes, stable heading ids and CJK-friendly emphasis. Raw HTML is escaped unless the
project allows it. Attributes content may not set (``style``, ``on*``, ``rel`` …, see
:mod:`publish.sanitise`) are dropped and noted for a warning.
"""

from __future__ import annotations

import functools

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from mdit_py_plugins.attrs import attrs_block_plugin, attrs_plugin
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.footnote import footnote_plugin

from publish import sanitise
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


@functools.cache
def make_parser(allow_html: bool = False) -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": allow_html, "typographer": False})
    md.enable(["table", "strikethrough"])
    md.use(cjk_friendly_plugin)
    md.use(footnote_plugin)
    md.use(deflist_plugin)
    md.use(attrs_plugin)
    md.use(attrs_block_plugin)
    md.core.ruler.push("heading_ids", heading_ids)
    md.core.ruler.push("publish_safe_attrs", _safe_attrs)
    return md

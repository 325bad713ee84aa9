"""Stable, readable heading ids.

``## (三)深化改革开放,激发高质量发展活力`` -> ``三深化改革开放激发高质量发展活力``;
``## Roads & Bridges`` -> ``roads-bridges``. Punctuation is dropped, spaces become ``-``,
Latin letters are lower-cased, CJK characters are kept. An id that would not start with a letter
(invalid in XHTML) gets an ``s-`` prefix; an empty one becomes ``section``. Repeats get ``-1``,
``-2``..., never an id a heading sets itself with ``{#id}`` (:func:`heading_ids`, the ids
mdit-py-plugins' anchors plugin gives, in time linear in the headings: the plugin tries every
suffix from ``-1`` again for each repeat, 4 s for 13,000 repeated headings).
"""

from __future__ import annotations

import regex
from markdown_it.rules_core import StateCore

_DROP = regex.compile(r"[^\p{L}\p{N}\p{M}\s_-]+")
_JOIN = regex.compile(r"[\s_-]+")
_STARTS_WELL = regex.compile(r"^[\p{L}_]")
_TITLE = ("text", "code_inline")


def heading_slug(text: str) -> str:
    slug = _JOIN.sub("-", _DROP.sub("", text.strip().lower())).strip("-")
    if not slug:
        return "section"
    return slug if _STARTS_WELL.match(slug) else f"s-{slug}"


def heading_ids(state: StateCore) -> None:
    """A core rule: an ``id`` for every heading that has none, from its text and code."""
    taken = {
        str(given)
        for token in state.tokens
        if token.type == "heading_open" and (given := token.attrGet("id"))
    }
    tried: dict[str, int] = {}  # slug -> the first suffix not yet known to be taken
    for at, token in enumerate(state.tokens):
        if token.type != "heading_open" or token.attrGet("id"):
            continue
        children = state.tokens[at + 1].children or []
        slug = heading_slug("".join(c.content for c in children if c.type in _TITLE))
        unique, suffix = slug, tried.get(slug, 1)
        if slug in taken:
            unique = f"{slug}-{suffix}"
            while unique in taken:
                suffix += 1
                unique = f"{slug}-{suffix}"
            tried[slug] = suffix + 1
        taken.add(unique)
        token.attrSet("id", unique)

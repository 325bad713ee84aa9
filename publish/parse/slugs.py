"""Stable, readable heading ids.

``## (三)深化改革开放,激发高质量发展活力`` -> ``三深化改革开放激发高质量发展活力``;
``## Roads & Bridges`` -> ``roads-bridges``. Punctuation is dropped, spaces become ``-``,
Latin letters are lower-cased, CJK characters are kept. An id that would not start with a letter
(invalid in XHTML) gets an ``s-`` prefix; an empty one becomes ``section``. Repeats get ``-1``,
``-2``... from the anchors plugin.
"""

from __future__ import annotations

import regex

_DROP = regex.compile(r"[^\p{L}\p{N}\p{M}\s_-]+")
_JOIN = regex.compile(r"[\s_-]+")
_STARTS_WELL = regex.compile(r"^[\p{L}_]")


def heading_slug(text: str) -> str:
    slug = _JOIN.sub("-", _DROP.sub("", text.strip().lower())).strip("-")
    if not slug:
        return "section"
    return slug if _STARTS_WELL.match(slug) else f"s-{slug}"

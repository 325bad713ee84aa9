"""What a parsed document may hold: the limits on headings, footnotes and nesting
(:mod:`publish.limits`), no control character, and a warning for each attribute the ``{…}``
syntax may not set."""

from __future__ import annotations

import logging
import re

from markdown_it.token import Token

from publish.clean.glyphs import CONTROLS
from publish.errors import ContentError
from publish.limits import Limits, over
from publish.model import CleanedSource

log = logging.getLogger(__name__)


def within_limits(tokens: list[Token], cleaned: CleanedSource, limits: Limits) -> None:
    """Headings, footnotes and nesting under the project's limits (:mod:`publish.limits`)."""
    shown = cleaned.source.display_path
    headings = sum(1 for t in tokens if t.type == "heading_open")
    if headings > limits.headings:
        raise over(shown, "{found:,} headings are", headings, limits.headings, "headings")
    notes = sum(1 for t in tokens if t.type == "footnote_open")
    references = 0
    for block in tokens:
        depth = deepest = block.level
        for child in block.children or []:
            depth += child.nesting
            deepest = max(deepest, depth)
            references += child.type == "footnote_ref"
        if deepest > limits.nesting:
            where = cleaned.locate(block.map[0] if block.map else 0)
            what = "nesting {found:,} deep (quotes, lists, emphasis) is"
            raise over(where, what, deepest, limits.nesting, "nesting")
    if max(notes, references) > limits.footnotes:  # each reference is a link and a back link
        found = max(notes, references)
        raise over(shown, "{found:,} footnotes are", found, limits.footnotes, "footnotes")


_CONTROL = re.compile(f"[{CONTROLS}\x0c]")


def no_control_characters(cleaned: CleanedSource) -> None:
    """No control character is left in the text (the cleaner removes those outside code,
    math and other protected text: :mod:`publish.clean.glyphs`): no HTML or EPUB can hold
    one."""
    found = _CONTROL.search(cleaned.text)
    if found is not None:
        where = cleaned.locate(cleaned.text.count("\n", 0, found.start()))
        raise ContentError(
            f"{where}: a control character (U+{ord(found.group(0)):04X}) that no HTML or EPUB "
            "can hold; delete it (the cleaner removes those outside code and math)"
        )


def dropped_attributes(env: dict[str, object], cleaned: CleanedSource) -> None:
    for line, name in env.get("dropped", []):  # type: ignore[attr-defined]
        log.warning(
            "%s: attribute %r dropped: {…} may set only id and class (and what the theme "
            "allows); remove it",
            cleaned.locate(line),
            name,
        )


def search_cut(tokens: list[Token], cleaned: CleanedSource, limits: Limits) -> int:
    """The first top-level token past ``limits.search_chars`` characters of text (all of
    them when the text is shorter): what follows is left out of the site's search index."""
    if len(cleaned.text) <= limits.search_chars:
        return len(tokens)
    seen = 0
    for n, token in enumerate(tokens):
        seen += len(token.content)
        if token.level == 0 and token.nesting <= 0 and seen > limits.search_chars:
            log.warning(
                "%s: only the first %s characters of its text are in the site's search index "
                "(limits.search_chars in publish.toml); split the document, or raise the limit",
                cleaned.source.display_path,
                f"{limits.search_chars:,}",
            )
            return n + 1
    return len(tokens)

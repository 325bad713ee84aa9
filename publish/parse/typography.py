"""Typographic quotes and dashes for Latin-script documents: markdown-it's own typographer
rules (``smartquotes``: "a" -> “a”, it's -> it’s; ``replacements``: -- -> –, --- -> —,
... -> …, (c) -> ©), run on the parsed tokens once the document's language is known. They
touch text tokens only, never code, and never a CJK document, whose text keeps the marks it
has. The theme variable ``latin_typography = "off"`` turns them off.
"""

from __future__ import annotations

import functools

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore, replace, smartquotes
from markdown_it.token import Token

from publish.language import is_cjk_language

#: Quotes by language: primary open, close, secondary open, close.
QUOTES = {
    "en": ("“", "”", "‘", "’"),
    "fr": ("«\u202f", "\u202f»", "‹\u202f", "\u202f›"),
    "de": ("„", "“", "‚", "‘"),
}


@functools.cache
def _typographer(quotes: tuple[str, ...]) -> MarkdownIt:
    return MarkdownIt("commonmark", {"typographer": True, "quotes": list(quotes)})


def applies(language: str, switch: str) -> bool:
    return switch != "off" and not is_cjk_language(language)


def apply(tokens: list[Token], language: str) -> None:
    """Curl the quotes and set the dashes of ``tokens`` in place, for ``language``."""
    state = StateCore("", _typographer(_quotes(language)), {})
    state.tokens = tokens
    replace(state)
    smartquotes(state)


def _quotes(language: str) -> tuple[str, ...]:
    return QUOTES.get(language.split("-")[0].lower(), QUOTES["en"])


def plain(text: str, language: str) -> str:
    """A plain-text field (a title) as :func:`apply` sets the body: the front matter's
    ``title: The Keeper's Log`` then reads as its ``# The Keeper’s Log`` heading does."""
    inline = Token("inline", "", 0, content=text, children=[Token("text", "", 0, content=text)])
    apply([inline], language)
    return "".join(child.content for child in inline.children or [])

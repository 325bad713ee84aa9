"""Is it a word? For undoing hyphenation at a line end: ``gov-`` + ``ernment``.

The document's own vocabulary decides first: a hyphenated form it writes on one line
(``well-known``) keeps its hyphen, and a word it writes whole elsewhere is a word. Then an
English word-frequency list from a maintained package (pyspellchecker's, about 160,000 words,
loaded once and only when a document has a hyphen at a line end).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Container

_HYPHENATED = re.compile(r"\b([A-Za-z]+)-([A-Za-z]+)\b")
_WORD = re.compile(r"(?<![-\w])[A-Za-z]{2,}(?![-\w])")


@functools.cache
def english() -> Container[str]:
    from spellchecker import SpellChecker

    words: Container[str] = SpellChecker(language="en", distance=1).word_frequency.dictionary
    return words


class Lexicon:
    """The words of one document, read from its text the first time they are asked for."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._forms: set[str] | None = None
        self._words: set[str] | None = None

    @property
    def forms(self) -> set[str]:
        """Every ``word-word`` written on one line, lower-cased."""
        if self._forms is None:
            self._forms = {m.group(0).lower() for m in _HYPHENATED.finditer(self._text)}
        return self._forms

    def written(self, word: str) -> bool:
        """``word`` is written whole somewhere in the document (not across a line end)."""
        if self._words is None:
            self._words = {m.group(0).lower() for m in _WORD.finditer(self._text)}
        return word.lower() in self._words

    def is_word(self, word: str) -> bool:
        return self.written(word) or known(word)


def known(word: str) -> bool:
    """``word`` is in the word list (whatever the document writes)."""
    return word.lower() in english()

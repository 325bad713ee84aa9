"""Is it a word? For undoing hyphenation at a line end: ``gov-`` + ``ernment``.

The document's own vocabulary decides first: a hyphenated form it writes on one line
(``well-known``) keeps its hyphen, and a word it writes whole elsewhere is a word. Then an
English word-frequency list from a maintained package (pyspellchecker's, about 160,000 words,
loaded once and only when a document has a hyphen at a line end), which spells as America
does: a British form is a word where its American one is.
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
            self._words = {word.lower() for word in set(_WORD.findall(self._text))}
        return word.lower() in self._words

    def is_word(self, word: str) -> bool:
        return self.written(word) or known(word)


def known(word: str) -> bool:
    """``word`` is in the word list (whatever the document writes), or is its British form
    (:func:`american`): the list spells as America does."""
    lower = word.lower()
    if lower in english():
        return True
    spelt = american(lower)
    return spelt != lower and spelt in english()


#: British endings and their American forms (``colours`` → ``colors``, ``organised`` →
#: ``organized``, ``centre`` → ``center``, ``defence`` → ``defense``, ``programme`` →
#: ``program``): a British book's or paper's words are words (review 94: ``co-`` ⏎ ``lours``
#: kept its hyphen in an 1807 travel book, ``colours`` unknown).
_BRITISH = (
    (re.compile(r"(?<=[a-z]{2})our(?=(?:s|ed|ing|able|ably|ite|ites|ful|less)?$)"), "or"),
    (re.compile(r"(?<=[a-z]{2})is(?=(?:e|es|ed|ing|ation|ations)$)"), "iz"),
    (re.compile(r"(?<=[a-z]{2})tre(?=s?$)"), "ter"),
    (re.compile(r"(?<=[a-z]{2})ence(?=s?$)"), "ense"),
    (re.compile(r"(?<=[a-z]{2})mme(?=s?$)"), "m"),
)


def american(word: str) -> str:
    """``word`` (lower case) in American spelling, where a British ending shows."""
    for pattern, american_form in _BRITISH:
        word = pattern.sub(american_form, word)
    return word

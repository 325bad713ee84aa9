"""What a document's language and the theme's typesetting variables make of its pages: the
classes of the ``<body>`` that the theme's CSS keys on, and what the
PDF marks up at render time (:mod:`publish.formats.pdfspans`).

- ``latin``: the language is written in Latin letters (any but Chinese, Japanese and Korean,
  :func:`publish.language.is_cjk_language`): Latin faces, no first-line indent,
  hyphenation; ``cjk`` otherwise;
- ``emphasis-dots``, ``emphasis-kai`` or ``emphasis-bold``: ``emphasis_zh``, how ``<em>`` in
  Chinese text is shown;
- ``autospace``: ``cjk_latin_spacing`` is not zero: space between CJK letters and Latin letters
  or digits, never added to the text.
"""

from __future__ import annotations

import re

from publish.language import is_cjk_language

_ZERO = re.compile(r"^\s*(0+(\.0*)?|\.0+)\s*[a-z%]*\s*$|^\s*none\s*$")


def is_chinese(language: str) -> bool:
    return language.split("-")[0].lower() == "zh"


def spacing(variables: dict[str, str]) -> bool:
    """The theme spaces CJK letters from Latin ones (``cjk_latin_spacing`` not 0)."""
    return not _ZERO.match(variables.get("cjk_latin_spacing", "0"))


def dots(variables: dict[str, str], language: str) -> bool:
    """``<em>`` in this language's text shows emphasis dots."""
    return is_chinese(language) and variables.get("emphasis_zh", "dots") == "dots"


def root_classes(variables: dict[str, str], language: str) -> str:
    """The classes of a page's ``<body>`` in ``language``."""
    classes = ["cjk" if is_cjk_language(language) else "latin"]
    classes.append(f"emphasis-{variables.get('emphasis_zh', 'dots')}")
    if spacing(variables):
        classes.append("autospace")
    return " ".join(classes)
